import { MockError } from '../errors.js';
import { AccountState, type AccountSnapshot } from './account-state.js';

/** How a provider fills a new account: called once per account, with a seeded AccountState. */
export type SeedFunction = (state: AccountState) => void;

export type StateSnapshot = {
  format: 'sipmock-state';
  version: 1;
  providers: Record<string, Record<string, AccountSnapshot>>;
};

export type StateStoreOptions = {
  /** Seed functions by provider slug; a provider without one starts accounts empty. */
  seeds: Record<string, SeedFunction | undefined>;
  clock?: () => Date;
};

/**
 * All stored state: provider → account → AccountState. Accounts are created on first use from the
 * provider's seed, so two credentials never see each other's records. Handlers run synchronously
 * on one thread, so every read-modify-write of a request is atomic.
 */
export class StateStore {
  private readonly providers = new Map<string, Map<string, AccountState>>();
  private readonly listeners = new Set<() => void>();
  private readonly clock: () => Date;

  constructor(private readonly options: StateStoreOptions) {
    this.clock = options.clock ?? (() => new Date());
    for (const slug of Object.keys(options.seeds)) this.providers.set(slug, new Map());
  }

  /** The account's state, seeded on first use. */
  account(slug: string, account: string): AccountState {
    const accounts = this.accountsOf(slug);
    let state = accounts.get(account);
    if (!state) {
      state = this.createAccount(slug, account);
      this.options.seeds[slug]?.(state);
      accounts.set(account, state);
    }
    return state;
  }

  /** Forgets every account of one provider (or all providers, or one account): they start from the seed again. */
  reset(slug?: string, account?: string): void {
    if (slug === undefined) {
      for (const accounts of this.providers.values()) accounts.clear();
    } else if (account === undefined) {
      this.accountsOf(slug).clear();
    } else {
      this.accountsOf(slug).delete(account);
    }
    this.notify();
  }

  accountNames(slug: string): string[] {
    return [...this.accountsOf(slug).keys()];
  }

  snapshot(slug?: string, account?: string): StateSnapshot {
    const providers: StateSnapshot['providers'] = {};
    for (const [name, accounts] of this.providers) {
      if (slug !== undefined && name !== slug) continue;
      providers[name] = {};
      for (const [accountName, state] of accounts) {
        if (account !== undefined && accountName !== account) continue;
        providers[name][accountName] = state.toJSON();
      }
    }
    return { format: 'sipmock-state', version: 1, providers };
  }

  /** Replaces the accounts named in `accounts` (each one whole) for one provider. */
  replaceAccounts(slug: string, accounts: Record<string, AccountSnapshot>): void {
    const known = this.accountsOf(slug);
    for (const [account, snapshot] of Object.entries(accounts)) {
      const state = this.createAccount(slug, account);
      state.restore(snapshot);
      known.set(account, state);
    }
    this.notify();
  }

  /** Restores everything from a snapshot (a state file), replacing what is stored. */
  restore(snapshot: StateSnapshot): void {
    for (const [slug, accounts] of Object.entries(snapshot.providers)) {
      if (!this.providers.has(slug)) continue; // a provider not served this run keeps no state
      this.accountsOf(slug).clear();
      this.replaceAccounts(slug, accounts);
    }
  }

  /** Calls `listener` after every change (for persistence). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private createAccount(slug: string, account: string): AccountState {
    return new AccountState(slug, account, this.clock, () => this.notify());
  }

  private accountsOf(slug: string): Map<string, AccountState> {
    const accounts = this.providers.get(slug);
    if (!accounts) throw new MockError('MOCK_ERR_CONFIG', { why: `no provider "${slug}" is served` });
    return accounts;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
