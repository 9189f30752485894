import { BoundedCache } from '../bounded-cache.js';
import { MockError } from '../errors.js';
import { AccountState, type AccountSnapshot } from './account-state.js';
import type { IdStrategy, RecordChange } from './collection.js';

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

/**
 * A change, for persistence: a record of a stored account, an account put in or taken out
 * (`before` is what was there), or all of a provider's accounts dropped at once (`before` holds them).
 */
export type StateChange =
  | { kind: 'record'; state: AccountState; change: RecordChange }
  | { kind: 'account'; provider: string; account: string; before: AccountState | undefined }
  | { kind: 'provider'; provider: string; before: Map<string, AccountState> };

export type StateStoreOptions = {
  providers: ReadonlyMap<string, ProviderStore>;
  clock?: () => Date;
  /** How many written accounts may exist at once; a new one past it is refused (default 10,000). */
  maxAccounts?: number;
  /** Told when a new account is refused for the cap (the server logs it). */
  onAccountLimit?: (max: number) => void;
};

export const DEFAULT_MAX_ACCOUNTS = 10_000;

/** How many seeded, never written accounts each provider keeps ready for reads (least recently used go first). */
const UNWRITTEN_CACHE = 64;

/**
 * All stored state: provider → account → AccountState. An account is made from the provider's
 * seed when a credential is first seen, but kept only from its first write: reads with new
 * credentials cost nothing that stays. The last few seeded accounts that were only read are
 * cached, so repeated reads do not seed again; a write takes the account out of that cache into the
 * store, and a refused one drops it. Handlers run synchronously on one thread, so every
 * read-modify-write of a request is atomic.
 */
export class StateStore {
  private readonly accounts = new Map<string, Map<string, AccountState>>();
  /** Per provider: seeded accounts that were read but never written, most recently used last. */
  private readonly unwritten = new Map<string, BoundedCache<string, AccountState>>();
  private readonly listeners = new Set<(change: StateChange) => void>();
  private changes = 0;
  private readonly clock: () => Date;
  private readonly maxAccounts: number;
  private written = 0;

  constructor(private readonly options: StateStoreOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.maxAccounts = options.maxAccounts ?? DEFAULT_MAX_ACCOUNTS;
    for (const slug of options.providers.keys()) {
      this.accounts.set(slug, new Map());
      this.unwritten.set(slug, new BoundedCache(UNWRITTEN_CACHE));
    }
  }

  /** The account's state: the stored one, or a seeded one that is kept once it changes. */
  account(slug: string, account: string): AccountState {
    const stored = this.accountsOf(slug).get(account);
    if (stored) return stored;
    const cache = this.unwritten.get(slug)!;
    let state = cache.get(account);
    if (!state) {
      state = this.createAccount(slug, account, true);
      cache.set(account, state);
    }
    return state;
  }

  /** Forgets every account of all providers, one provider, or one account: they start from the seed again. */
  reset(slug?: string, account?: string): void {
    const slugs = slug === undefined ? [...this.accounts.keys()] : [slug];
    for (const name of slugs) {
      const accounts = this.accountsOf(name);
      this.forgetUnwritten(name, account);
      if (account === undefined) {
        // A new map, not clear(): the old one is what a rollback puts back.
        this.written -= accounts.size;
        this.accounts.set(name, new Map());
        this.notify({ kind: 'provider', provider: name, before: accounts });
        continue;
      }
      const before = accounts.get(account);
      if (!before) continue;
      accounts.delete(account);
      this.written -= 1;
      this.notify({ kind: 'account', provider: name, account, before });
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
    for (const [account, snapshot] of Object.entries(snapshots)) {
      const before = this.accountsOf(slug).get(account);
      this.load(slug, account, snapshot);
      this.notify({ kind: 'account', provider: slug, account, before });
    }
  }

  /** Restores everything from a snapshot (a state file), replacing what is stored, without reporting changes. */
  restore(snapshot: StateSnapshot): void {
    for (const [slug, accounts] of Object.entries(snapshot.providers)) {
      if (!this.accounts.has(slug)) continue; // a provider not served this run keeps no state
      this.put(slug, new Map());
      for (const [account, data] of Object.entries(accounts)) this.load(slug, account, data);
    }
  }

  /** The stored account, if it was ever written; never creates one. */
  stored(slug: string, account: string): AccountState | undefined {
    return this.accounts.get(slug)?.get(account);
  }

  /** Whether the provider keeps state this run. */
  serves(slug: string): boolean {
    return this.accounts.has(slug);
  }

  /** Stores an account from a snapshot, without reporting it (log replay at start; replaceAccounts reports). */
  load(slug: string, account: string, snapshot: AccountSnapshot): AccountState {
    const state = this.createAccount(slug, account, false);
    state.restore(snapshot);
    this.set(slug, account, state);
    return state;
  }

  /** Puts an account back as it was (undefined: absent), without reporting: a rollback or a log replay. */
  set(slug: string, account: string, state: AccountState | undefined): void {
    const accounts = this.accountsOf(slug);
    this.forgetUnwritten(slug, account);
    const had = accounts.has(account);
    if (state === undefined) accounts.delete(account);
    else accounts.set(account, state);
    this.written += (state === undefined ? 0 : 1) - (had ? 1 : 0);
  }

  /** Puts all of a provider's accounts back (a rolled-back reset), without reporting. */
  put(slug: string, accounts: Map<string, AccountState>): void {
    this.forgetUnwritten(slug);
    this.written += accounts.size - this.accountsOf(slug).size;
    this.accounts.set(slug, accounts);
  }

  /** Calls `listener` after every change (for persistence). */
  onChange(listener: (change: StateChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private createAccount(slug: string, account: string, seeded: boolean): AccountState {
    const provider = this.options.providers.get(slug)!;
    let seeding = seeded;
    const state = new AccountState(slug, account, provider.collections, this.clock, (changed, change) => {
      if (seeding) return;
      this.keep(changed);
      this.notify({ kind: 'record', state: changed, change });
    });
    if (seeded) {
      provider.seed(state);
      state.commit(state.allocation());
      seeding = false;
    }
    return state;
  }

  /** An account is kept from its first write, within the cap. */
  private keep(state: AccountState): void {
    const accounts = this.accountsOf(state.provider);
    const before = accounts.get(state.account);
    if (before === state) return;
    if (before === undefined && this.written >= this.maxAccounts) {
      // The refused change is already in the cached state: it goes, and the next read seeds again.
      this.forgetUnwritten(state.provider, state.account);
      this.options.onAccountLimit?.(this.maxAccounts);
      throw new MockError('MOCK_ERR_ACCOUNT_LIMIT', { max: this.maxAccounts });
    }
    this.set(state.provider, state.account, state);
    this.notify({ kind: 'account', provider: state.provider, account: state.account, before });
  }

  private forgetUnwritten(slug: string, account?: string): void {
    const cache = this.unwritten.get(slug);
    if (account === undefined) cache?.clear();
    else cache?.delete(account);
  }

  private accountsOf(slug: string): Map<string, AccountState> {
    const accounts = this.accounts.get(slug);
    if (!accounts) throw new MockError('MOCK_ERR_CONFIG', { why: `no stateful provider "${slug}" is served` });
    return accounts;
  }

  /** Counts changes: a request that made none has nothing to wait for on disk. */
  get revision(): number {
    return this.changes;
  }

  private notify(change: StateChange): void {
    this.changes += 1;
    for (const listener of this.listeners) listener(change);
  }
}
