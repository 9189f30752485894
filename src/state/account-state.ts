import type { Faker } from '@faker-js/faker';
import { seededFaker } from '../mock/faker.js';
import { stableHash } from '../mock/stable-hash.js';
import { Collection, type StoredRecord } from './collection.js';

export type AccountSnapshot = {
  draws: number;
  collections: Record<string, { sequence: number; records: StoredRecord[] }>;
};

/**
 * The state of one account at one provider: its collections, a seeded source of realistic random
 * values, and the clock. Identical runs (same requests in the same order) give identical data.
 */
export class AccountState {
  private readonly collections = new Map<string, Collection>();
  /** How many random generators were handed out: part of the seed of the next one. */
  private draws = 0;

  constructor(
    readonly provider: string,
    readonly account: string,
    private readonly clock: () => Date,
    private readonly onChange: () => void,
  ) {}

  collection<T extends StoredRecord = StoredRecord>(name: string): Collection<T> {
    let collection = this.collections.get(name);
    if (!collection) {
      collection = new Collection();
      this.collections.set(name, collection);
    }
    return collection as unknown as Collection<T>;
  }

  /** A faker seeded from the provider, the account and how many came before: deterministic per run. */
  random(): Faker {
    return seededFaker(stableHash(`${this.provider}\u0000${this.account}\u0000${this.draws++}`));
  }

  now(): Date {
    return this.clock();
  }

  /** Marks the state as changed, so a state file is saved. */
  changed(): void {
    this.onChange();
  }

  toJSON(): AccountSnapshot {
    return {
      draws: this.draws,
      collections: Object.fromEntries([...this.collections].map(([name, collection]) => [name, collection.toJSON()])),
    };
  }

  restore(snapshot: AccountSnapshot): void {
    this.draws = snapshot.draws ?? 0;
    this.collections.clear();
    for (const [name, data] of Object.entries(snapshot.collections ?? {})) this.collections.set(name, Collection.fromJSON(data));
  }
}
