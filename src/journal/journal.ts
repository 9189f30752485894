import { boundBody, toJournalEntry, type ExchangeRecord, type JournalEntry, type StoredRecord } from './entry.js';
import { toPredicate, type JournalFilter } from './journal-filter.js';

export const DEFAULT_JOURNAL_SIZE = 1000;

export type JournalListener = (entry: JournalEntry) => void;

export type JournalOptions = {
  /** How many entries the ring keeps (default 1000); the oldest go first. 0 keeps none. */
  size?: number;
  /** Also given every entry, redacted, as it is recorded (the journal file). */
  sink?: JournalListener;
};

/**
 * The request journal: a bounded ring of what providers answered. Recording is cheap (the route's
 * own objects, bodies cut to a fixed size); redaction and decoding happen when an entry is read,
 * or at once when a listener or a sink wants every entry.
 */
export class Journal {
  readonly size: number;
  private readonly ring: Array<StoredRecord | undefined>;
  /** Where the next record goes; `count` of the slots before it (wrapping) are filled. */
  private next = 0;
  private count = 0;
  private lastId = 0;
  /** Called with every new record: subscribers, waiters and the sink. */
  private readonly observers = new Set<(record: StoredRecord) => void>();

  constructor(options: JournalOptions = {}) {
    this.size = Math.max(0, Math.floor(options.size ?? DEFAULT_JOURNAL_SIZE));
    this.ring = new Array<StoredRecord | undefined>(this.size);
    const sink = options.sink;
    if (sink) this.observers.add((record) => sink(toJournalEntry(record)));
  }

  record(exchange: ExchangeRecord): void {
    // A journal of size 0 that nobody listens to records nothing at all.
    if (this.size === 0 && this.observers.size === 0) return;
    const stored: StoredRecord = {
      id: ++this.lastId,
      exchange,
      requestBody: boundBody(exchange.requestBody),
      responseBody: boundBody(exchange.responseBody),
      requestBytes: exchange.requestBody?.length ?? 0,
      responseBytes: exchange.responseBody?.length ?? 0,
    };
    // The bodies are kept as strings above; the exchange must not hold the Buffers alive too.
    exchange.requestBody = undefined;
    exchange.responseBody = undefined;
    if (this.size > 0) {
      this.ring[this.next] = stored;
      this.next = (this.next + 1) % this.size;
      this.count = Math.min(this.count + 1, this.size);
    }
    for (const observer of this.observers) observer(stored);
  }

  /** The entries that match, oldest first. */
  entries(filter?: JournalFilter): JournalEntry[] {
    const matches = toPredicate(filter);
    const found: JournalEntry[] = [];
    for (const record of this.records()) if (matches(record)) found.push(toJournalEntry(record));
    return found;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.count = 0;
  }

  /** Calls `listener` with every entry recorded from now on (the inspector's event stream); returns the unsubscribe. */
  subscribe(listener: JournalListener): () => void {
    const observer = (record: StoredRecord) => listener(toJournalEntry(record));
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /**
   * The oldest entry that matches, already recorded or the next one to come. Use `since` to wait
   * only for new ones. Rejects after `timeoutMs` (default 5000) with what it waited for.
   */
  waitFor(filter: JournalFilter, options: { timeoutMs?: number } = {}): Promise<JournalEntry> {
    const matches = toPredicate(filter);
    for (const record of this.records()) if (matches(record)) return Promise.resolve(toJournalEntry(record));
    const timeoutMs = options.timeoutMs ?? 5000;
    return new Promise((resolve, reject) => {
      const observer = (record: StoredRecord) => {
        if (!matches(record)) return;
        clearTimeout(timer);
        this.observers.delete(observer);
        resolve(toJournalEntry(record));
      };
      this.observers.add(observer);
      const timer = setTimeout(() => {
        this.observers.delete(observer);
        reject(new Error(`sipmock journal: no request matching ${JSON.stringify(filter)} within ${timeoutMs} ms`));
      }, timeoutMs);
    });
  }

  private *records(): Generator<StoredRecord> {
    const start = (this.next - this.count + this.size) % Math.max(this.size, 1);
    for (let i = 0; i < this.count; i++) yield this.ring[(start + i) % this.size]!;
  }
}
