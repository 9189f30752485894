import { MockError } from '../errors.js';
import { AccountState, type AccountSnapshot } from './account-state.js';
import type { IdStrategy } from './collection.js';

/** What a provider stores: its collections' id strategies and how a new account is filled. */
export type ProviderStore = {
  collections: ReadonlyMap<string, IdStrategy>;
  seed(state: AccountState): void;
};

export type StateSnapshot = {
  format: 'sipmock-state';
  version: 1;
  providers: Record<string, Record<string, AccountSnapshot>>;
};

/** Where a change happened, for persistence. */
export type StateChange = { provider: string; account?: string };

export type StateStoreOptions = {
  providers: ReadonlyMap<string, ProviderStore>;
  clock?: () => Date;
  /** How many written accounts may exist at once; a new one past it is refused (default 10,000). */
  maxAccounts?: number;
};

export const DEFAULT_MAX_ACCOUNTS = 10_000;

/**
 * All stored state: provider → account → AccountState. An account is made from the provider's
 * seed when a credential is first seen, but kept only from its first write: reads with new
 * credentials cost nothing that stays. Handlers run synchronously on one thread, so every
 * read-modify-write of a request is atomic.
 */
export class StateStore {
  private readonly accounts = new Map<string, Map<string, AccountState>>();
  private readonly listeners = new Set<(change: StateChange) => void>();
  private readonly clock: () => Date;
  private readonly maxAccounts: number;
  private written = 0;

  constructor(private readonly options: StateStoreOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.maxAccounts = options.maxAccounts ?? DEFAULT_MAX_ACCOUNTS;
    for (const slug of options.providers.keys()) this.accounts.set(slug, new Map());
  }

  /** The account's state: the stored one, or a freshly seeded one that is kept once it changes. */
  account(slug: string, account: string): AccountState {
    return this.accountsOf(slug).get(account) ?? this.createAccount(slug, account, true);
  }

  /** Forgets every account of all providers, one provider, or one account: they start from the seed again. */
  reset(slug?: string, account?: string): void {
    const slugs = slug === undefined ? [...this.accounts.keys()] : [slug];
    for (const name of slugs) {
      const accounts = this.accountsOf(name);
      if (account === undefined) {
        this.written -= accounts.size;
        accounts.clear();
      } else if (accounts.delete(account)) {
        this.written -= 1;
      }
      this.notify({ provider: name, account });
    }
  }

  /**
   * Every stored account, or one provider's, or one account's. A named account that was never
   * written shows what it would read (its seed), without being kept.
   */
  snapshot(slug?: string, account?: string): StateSnapshot {
    const providers: StateSnapshot['providers'] = Object.create(null);
    for (const [name, accounts] of this.accounts) {
      if (slug !== undefined && name !== slug) continue;
      providers[name] = Object.create(null);
      if (account !== undefined) {
        providers[name][account] = this.account(name, account).toJSON();
        continue;
      }
      for (const [accountName, state] of accounts) providers[name][accountName] = state.toJSON();
    }
    return { format: 'sipmock-state', version: 1, providers };
  }

  /** Replaces the accounts named in `snapshots` (each one whole) for one provider. */
  replaceAccounts(slug: string, snapshots: Record<string, AccountSnapshot>): void {
    const accounts = this.accountsOf(slug);
    for (const [account, snapshot] of Object.entries(snapshots)) {
      const state = this.createAccount(slug, account, false);
      state.restore(snapshot);
      if (!accounts.has(account)) this.written += 1;
      accounts.set(account, state);
    }
    this.notify({ provider: slug });
  }

  /** Restores everything from a snapshot (a state file), replacing what is stored. */
  restore(snapshot: StateSnapshot): void {
    for (const [slug, accounts] of Object.entries(snapshot.providers)) {
      if (!this.accounts.has(slug)) continue; // a provider not served this run keeps no state
      this.written -= this.accountsOf(slug).size;
      this.accountsOf(slug).clear();
      this.replaceAccounts(slug, accounts);
    }
  }

  /** Calls `listener` after every change (for persistence). */
  onChange(listener: (change: StateChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private createAccount(slug: string, account: string, seeded: boolean): AccountState {
    const provider = this.options.providers.get(slug)!;
    let seeding = seeded;
    const state = new AccountState(slug, account, provider.collections, this.clock, (changed) => {
      if (seeding) return;
      this.keep(changed);
      this.notify({ provider: slug, account });
    });
    if (seeded) {
      provider.seed(state);
      seeding = false;
    }
    return state;
  }

  /** An account is kept from its first write, within the cap. */
  private keep(state: AccountState): void {
    const accounts = this.accountsOf(state.provider);
    if (accounts.get(state.account) === state) return;
    if (this.written >= this.maxAccounts) throw new MockError('MOCK_ERR_ACCOUNT_LIMIT', { max: this.maxAccounts });
    accounts.set(state.account, state);
    this.written += 1;
  }

  private accountsOf(slug: string): Map<string, AccountState> {
    const accounts = this.accounts.get(slug);
    if (!accounts) throw new MockError('MOCK_ERR_CONFIG', { why: `no stateful provider "${slug}" is served` });
    return accounts;
  }

  private notify(change: StateChange): void {
    for (const listener of this.listeners) listener(change);
  }
}
