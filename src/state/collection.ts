/** A stored record: any JSON object with a string id, unique within its collection. */
export type StoredRecord = { id: string; [key: string]: unknown };

/** The records of one kind in one account, in insertion order, plus the last number handed out. */
export class Collection<T extends StoredRecord = StoredRecord> {
  private readonly records = new Map<string, T>();
  /** The last sequence number handed out, for providers with increasing integer ids. */
  sequence = 0;

  list(): T[] {
    return [...this.records.values()];
  }

  get(id: string): T | undefined {
    return this.records.get(id);
  }

  has(id: string): boolean {
    return this.records.has(id);
  }

  /** Inserts or replaces the record with its id. */
  set(record: T): T {
    this.records.set(record.id, record);
    return record;
  }

  delete(id: string): T | undefined {
    const record = this.records.get(id);
    this.records.delete(id);
    return record;
  }

  get size(): number {
    return this.records.size;
  }

  /** The next integer id, past every id already stored: Yeti and VoiceTel ids only grow. */
  nextSequence(start = 1): number {
    this.sequence = Math.max(this.sequence + 1, start);
    return this.sequence;
  }

  toJSON(): { sequence: number; records: T[] } {
    return { sequence: this.sequence, records: this.list() };
  }

  static fromJSON<T extends StoredRecord>(data: { sequence?: number; records: T[] }): Collection<T> {
    const collection = new Collection<T>();
    collection.sequence = data.sequence ?? 0;
    for (const record of data.records) collection.set(record);
    return collection;
  }
}
