import { createRequire } from 'node:module';
import type { Faker } from '@faker-js/faker';
import { MockError } from '../errors.js';
import { stableHash } from '../mock/stable-hash.js';
import { Collection, type CollectionSnapshot, type IdStrategy, type StoredRecord } from './collection.js';

const require = createRequire(import.meta.url);

/** An account as it is saved and dumped: its records, and what its next ids depend on. */
export type AccountSnapshot = {
  /** How many random generators were handed out: the seed of the next UUID depends on it. */
  draws: number;
  collections: Record<string, CollectionSnapshot>;
};

/**
 * The state of one account at one provider: its collections, a seeded source of realistic random
 * values, and the clock. Identical runs (same requests in the same order) give identical data.
 * Every change to a collection is reported to `onChange`, so no handler has to.
 */
export class AccountState {
  private readonly collections = new Map<string, Collection>();
  private draws = 0;

  constructor(
    readonly provider: string,
    readonly account: string,
    idStrategies: ReadonlyMap<string, IdStrategy>,
    private readonly clock: () => Date,
    private readonly onChange: (state: AccountState) => void,
  ) {
    for (const [name, ids] of idStrategies) {
      this.collections.set(name, new Collection(name, ids, () => this.random(), () => this.onChange(this)));
    }
  }

  /** A collection the provider defines; any other name is a bug in the provider. */
  collection<T extends StoredRecord = StoredRecord>(name: string): Collection<T> {
    const collection = this.collections.get(name);
    if (!collection) throw new MockError('MOCK_ERR_INTERNAL', { why: `${this.provider} defines no collection "${name}"` });
    return collection as unknown as Collection<T>;
  }

  /** A faker seeded from the provider, the account and how many came before: deterministic per run. */
  random(): Faker {
    // faker is loaded on first use: it costs a tenth of a cold start.
    const { Faker: FakerClass, en } = require('@faker-js/faker') as typeof import('@faker-js/faker');
    const faker = new FakerClass({ locale: [en] });
    faker.seed(stableHash(`${this.provider}\u0000${this.account}\u0000${this.draws++}`));
    return faker;
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
  }
}
