import type { Faker } from '@faker-js/faker';
import { MockError } from '../errors.js';

/** A stored record: any JSON object with a string id, unique within its collection. */
export type StoredRecord = { id: string; [key: string]: unknown };

/**
 * How a collection makes new ids: UUIDs from the account's seeded random, increasing integers
 * from `start`, or ids the client names (the collection only refuses duplicates).
 */
export type IdStrategy = 'uuid' | 'client' | { sequence: { start: number } };

export type CollectionSnapshot<T extends StoredRecord = StoredRecord> = { sequence: number; records: T[] };

/** One record changed: what it was before (undefined: it did not exist), for persistence and rollback. */
export type RecordChange = { collection: string; id: string; previous: StoredRecord | undefined };

/**
 * The records of one kind in one account, in insertion order. It owns its ids: `insert` refuses an
 * id that exists and `update` one that does not, and `nextId` never hands out a stored id, even
 * after a dump and restore or a replay. Every change is reported to `onChange` with the record's
 * previous value (persistence logs it, and rolls it back when the save fails).
 */
export class Collection<T extends StoredRecord = StoredRecord> {
  private readonly records = new Map<string, T>();
  /** The last sequence number handed out (integer-id collections). */
  private sequence = 0;
  /** The highest integer id ever stored: new integer ids start above it. */
  private highest = 0;
  /** Counts changes, so derived views know when to rebuild. */
  private version = 0;
  private readonly views = new Map<string, { version: number; value: unknown }>();

  constructor(
    readonly name: string,
    private readonly ids: IdStrategy,
    private readonly random: () => Faker,
    private readonly onChange: (change: RecordChange) => void,
  ) {}

  get size(): number {
    return this.records.size;
  }

  list(): T[] {
    return [...this.records.values()];
  }

  /**
   * A value derived from all the records (a sorted list, an index), built once and reused until the
   * collection changes: a list page then costs what it returns, not a sort of every record.
   */
  view<V>(name: string, build: (records: T[]) => V): V {
    const cached = this.views.get(name);
    if (cached && cached.version === this.version) return cached.value as V;
    const value = build(this.list());
    this.views.set(name, { version: this.version, value });
    return value;
  }

  get(id: string): T | undefined {
    return this.records.get(id);
  }

  /** The record, or the provider's 404 for it (MOCK_ERR_NOT_FOUND naming `resource` and the id). */
  getOrThrow(id: string, resource: string): T {
    const record = this.records.get(id);
    if (record === undefined) throw new MockError('MOCK_ERR_NOT_FOUND', { resource, id });
    return record;
  }

  /**
   * A new id. UUIDs are drawn from `random` (the handler's own seeded faker, so its other values
   * stay in sequence) until one is unused; integers continue past the highest stored one.
   */
  nextId(random?: Faker): string {
    if (this.ids === 'client') throw internal(`collection ${this.name} takes ids from the client; it makes none`);
    if (this.ids === 'uuid') {
      const source = random ?? this.random();
      let id = source.string.uuid();
      while (this.records.has(id)) id = source.string.uuid();
      return id;
    }
    this.sequence = Math.max(this.sequence + 1, this.ids.sequence.start, this.highest + 1);
    return String(this.sequence);
  }

  /** Adds a record whose id is new; an existing id is a bug in the caller, never an overwrite. */
  insert(record: T): T {
    if (this.records.has(record.id)) throw internal(`collection ${this.name} already holds id ${record.id}`);
    this.store(record);
    this.changed(record.id, undefined);
    return record;
  }

  /** Replaces a stored record by its id. */
  update(record: T): T {
    const previous = this.records.get(record.id);
    if (!previous) throw internal(`collection ${this.name} holds no id ${record.id} to update`);
    this.store(record);
    this.changed(record.id, previous);
    return record;
  }

  /** Inserts or replaces: for replayed answers, which may or may not name a record already stored. */
  upsert(record: T): T {
    const previous = this.records.get(record.id);
    this.store(record);
    this.changed(record.id, previous);
    return record;
  }

  remove(id: string): T | undefined {
    const record = this.records.get(id);
    if (record === undefined) return undefined;
    this.records.delete(id);
    this.version += 1;
    this.changed(id, record);
    return record;
  }

  toJSON(): CollectionSnapshot<T> {
    return { sequence: this.sequence, records: this.list() };
  }

  /** Replaces the contents, without reporting a change (the caller reports one for the whole restore). */
  restore(snapshot: CollectionSnapshot<T>): void {
    this.records.clear();
    this.highest = 0;
    this.version += 1;
    for (const record of snapshot.records) this.store(record);
    this.sequence = Number.isSafeInteger(snapshot.sequence) ? snapshot.sequence : 0;
  }

  /** The last sequence number handed out: it travels in dumps and logs. */
  get allocated(): number {
    return this.sequence;
  }

  /** Sets a record to `value` (removes it when undefined) without reporting a change: rollback and log replay. */
  revert(id: string, value: T | undefined): void {
    if (value === undefined) {
      this.records.delete(id);
      this.version += 1;
    } else this.store(value);
  }

  /**
   * Sets the last sequence number handed out. `recount` finds the highest stored id again, which
   * only a rollback needs: it may have removed the highest record.
   */
  setAllocated(sequence: number, recount = false): void {
    this.sequence = Number.isSafeInteger(sequence) ? sequence : 0;
    if (!recount) return;
    this.highest = 0;
    for (const key of this.records.keys()) this.noteId(key);
  }

  private changed(id: string, previous: T | undefined): void {
    this.onChange({ collection: this.name, id, previous });
  }

  private store(record: T): void {
    this.records.set(record.id, record);
    this.version += 1;
    this.noteId(record.id);
  }

  private noteId(id: string): void {
    const value = Number(id);
    if (Number.isSafeInteger(value) && value > this.highest) this.highest = value;
  }
}

function internal(why: string): MockError {
  return new MockError('MOCK_ERR_INTERNAL', { why });
}
