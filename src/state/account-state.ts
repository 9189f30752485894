import type { Faker } from '@faker-js/faker';
import { MockError } from '../errors.js';
import { seededFaker } from '../mock/faker.js';
import { stableHash } from '../mock/stable-hash.js';
import { Collection, type CollectionSnapshot, type IdStrategy, type RecordChange, type StoredRecord } from './collection.js';

/** An account as it is saved and dumped: its records, and what its next ids depend on. */
export type AccountSnapshot = {
  /** How many random generators were handed out: the seed of the next UUID depends on it. */
  draws: number;
  collections: Record<string, CollectionSnapshot>;
};

/** What the next ids of an account depend on: its draws and each collection's sequence. */
export type Allocation = { draws: number; sequences: Record<string, number> };

/**
 * The state of one account at one provider: its collections, a seeded source of realistic random
 * values, and the clock. Identical runs (same requests in the same order) give identical data.
 * Every change to a collection is reported to `onChange`, so no handler has to. The allocation
 * last written to disk is kept, so a failed save can put the next ids back where they were.
 */
export class AccountState {
  private readonly collections = new Map<string, Collection>();
  private draws = 0;
  private committed: Allocation = { draws: 0, sequences: Object.create(null) };

  constructor(
    readonly provider: string,
    readonly account: string,
    idStrategies: ReadonlyMap<string, IdStrategy>,
    private readonly clock: () => Date,
    private readonly onChange: (state: AccountState, change: RecordChange) => void,
  ) {
    for (const [name, ids] of idStrategies) {
      this.collections.set(name, new Collection(name, ids, () => this.random(), (change) => this.onChange(this, change)));
    }
  }

  /** A collection the provider defines; any other name is a bug in the provider. */
  collection<T extends StoredRecord = StoredRecord>(name: string): Collection<T> {
    const collection = this.collections.get(name);
    if (!collection) throw new MockError('MOCK_ERR_INTERNAL', { why: `${this.provider} defines no collection "${name}"` });
    return collection as unknown as Collection<T>;
  }

  /** Whether the provider defines the collection (a log written by another version may name others). */
  has(name: string): boolean {
    return this.collections.has(name);
  }

  /** A faker seeded from the provider, the account and how many came before: deterministic per run. */
  random(): Faker {
    return seededFaker(stableHash(`${this.provider}\u0000${this.account}\u0000${this.draws++}`));
  }

  now(): Date {
    return this.clock();
  }

  toJSON(): AccountSnapshot {
    const collections: Record<string, CollectionSnapshot> = Object.create(null);
    for (const [name, collection] of this.collections) collections[name] = collection.toJSON();
    return { draws: this.draws, collections };
  }

  /** Replaces the contents with a snapshot's; collections it does not name are emptied. */
  restore(snapshot: AccountSnapshot): void {
    this.draws = Number.isSafeInteger(snapshot.draws) ? snapshot.draws : 0;
    for (const [name, collection] of this.collections) {
      const saved = Object.hasOwn(snapshot.collections, name) ? snapshot.collections[name] : undefined;
      collection.restore(saved ?? { sequence: 0, records: [] });
    }
    this.commit(this.allocation());
  }

  allocation(): Allocation {
    const sequences: Record<string, number> = Object.create(null);
    for (const [name, collection] of this.collections) sequences[name] = collection.allocated;
    return { draws: this.draws, sequences };
  }

  /** Notes the allocation as written to disk. */
  commit(allocation: Allocation): void {
    this.committed = allocation;
  }

  /** Sets the allocation (log replay), and notes it as written. */
  allocate(allocation: Allocation): void {
    this.draws = Number.isSafeInteger(allocation.draws) ? allocation.draws : 0;
    for (const [name, collection] of this.collections) {
      if (Object.hasOwn(allocation.sequences, name)) collection.setAllocated(allocation.sequences[name]);
    }
    this.commit(this.allocation());
  }

  /** Puts the allocation back to what is on disk: the end of a rolled-back save. */
  rollbackAllocation(): void {
    this.draws = this.committed.draws;
    for (const [name, collection] of this.collections) collection.setAllocated(this.committed.sequences[name] ?? 0, true);
  }
}
