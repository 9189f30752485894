import type { AccountSnapshot, AccountState, Allocation } from './account-state.js';
import type { RecordChange, StoredRecord } from './collection.js';
import type { StateChange, StateStore } from './store.js';

/**
 * One line of the state log. Each one sets something to an absolute value, so replaying a log
 * twice (a crash between compaction and the log's removal) gives the same state:
 * - `reset`: the provider has no accounts;
 * - `account`: the account is this snapshot; `drop`: it is gone;
 * - `records`: these records of the account are put or deleted, and its allocation is this.
 */
export type LogEntry =
  | { reset: string }
  | { p: string; a: string; account: AccountSnapshot }
  | { p: string; a: string; drop: true }
  | { p: string; a: string; alloc: Allocation; put: Record<string, StoredRecord[]>; del: Record<string, string[]> };

/** A batch sealed for writing: its text, and the allocations to note as on disk once it is. */
export type SealedBatch = { text: string; entries: number; allocations: Map<AccountState, Allocation> };

const key = (provider: string, account: string) => `${provider}\u0000${account}`;

/**
 * The changes made since the last save started: what to write (each changed thing once, at its
 * value when the batch is sealed) and how to undo them (newest first) when the write fails.
 */
export class ChangeBatch {
  readonly done: Promise<void>;
  resolve!: () => void;
  reject!: (error: Error) => void;
  private readonly undo: Array<() => void> = [];
  private readonly resetProviders = new Set<string>();
  private readonly accounts = new Map<string, { provider: string; account: string }>();
  private readonly records = new Map<AccountState, RecordChange[]>();

  constructor(private readonly store: StateStore) {
    this.done = new Promise<void>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // A batch nobody waits for (a change outside a request) must not become an unhandled rejection.
    this.done.catch(() => undefined);
  }

  get size(): number {
    return this.undo.length;
  }

  add(change: StateChange): void {
    const { store } = this;
    if (change.kind === 'record') {
      const list = this.records.get(change.state) ?? [];
      if (list.length === 0) this.records.set(change.state, list);
      list.push(change.change);
      const { collection, id, previous } = change.change;
      this.undo.push(() => change.state.collection(collection).revert(id, previous));
      return;
    }
    if (change.kind === 'provider') {
      this.resetProviders.add(change.provider);
      this.undo.push(() => store.put(change.provider, change.before));
      return;
    }
    this.accounts.set(key(change.provider, change.account), { provider: change.provider, account: change.account });
    this.undo.push(() => store.set(change.provider, change.account, change.before));
  }

  /** The log line of this batch: one JSON array of entries, so a torn last line is one whole batch lost. */
  seal(): SealedBatch {
    const entries: LogEntry[] = [];
    const allocations = new Map<AccountState, Allocation>();
    for (const provider of this.resetProviders) entries.push({ reset: provider });
    for (const { provider, account } of this.accounts.values()) {
      const state = this.store.stored(provider, account);
      if (state) {
        entries.push({ p: provider, a: account, account: state.toJSON() });
        allocations.set(state, state.allocation());
      } else if (!this.resetProviders.has(provider)) {
        entries.push({ p: provider, a: account, drop: true });
      }
    }
    for (const [state, changes] of this.records) {
      // Accounts replaced, dropped or new in this batch are written whole above; records of an account no longer stored are moot.
      if (this.accounts.has(key(state.provider, state.account)) || this.store.stored(state.provider, state.account) !== state) continue;
      const put: Record<string, StoredRecord[]> = Object.create(null);
      const del: Record<string, string[]> = Object.create(null);
      const seen = new Set<string>();
      for (const { collection, id } of changes) {
        if (seen.has(`${collection}\u0000${id}`)) continue;
        seen.add(`${collection}\u0000${id}`);
        const current = state.collection(collection).get(id);
        if (current) (put[collection] ??= []).push(current);
        else (del[collection] ??= []).push(id);
      }
      const alloc = state.allocation();
      allocations.set(state, alloc);
      entries.push({ p: state.provider, a: state.account, alloc, put, del });
    }
    return { text: entries.length === 0 ? '' : `${JSON.stringify(entries)}\n`, entries: entries.length, allocations };
  }

  /** Undoes every change of the batch, newest first. */
  rollback(): void {
    for (let index = this.undo.length - 1; index >= 0; index--) this.undo[index]();
    for (const state of this.records.keys()) state.rollbackAllocation();
  }

  /** Notes what was written as on disk: a later failed save rolls back to it. */
  commit(sealed: SealedBatch): void {
    for (const [state, allocation] of sealed.allocations) state.commit(allocation);
    this.resolve();
  }
}
