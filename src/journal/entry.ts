import type { IncomingHttpHeaders } from 'node:http';
import type { Fault } from '../overrides/override-spec.js';
import type { JournalRedactor } from './redactor.js';

/** What answered a request: stored state, the spec, a recorded fixture, an override, or an error sipmock raised itself. */
export type JournalSource = 'state' | 'spec' | 'fixture' | 'override' | 'error';

/** A way the request or the answer broke the spec. */
export type JournalViolation = { side: 'request' | 'response'; location: string; path: string[]; rule: string; message: string };

export type JournalBodySide = {
  headers: Record<string, string>;
  /** Parsed JSON, or text; cut to JOURNAL_BODY_LIMIT bytes (then a string, with `bodyTruncated` and `bodyBytes`). */
  body?: unknown;
  bodyTruncated?: true;
  bodyBytes?: number;
};

/** One request a provider answered, redacted, as `GET /__sipmock/journal` and `journal.entries()` give it. */
export type JournalEntry = {
  /** Increasing from 1 for the life of the server (a clear does not restart it). */
  id: number;
  /** When the request arrived, ISO 8601. */
  time: string;
  provider: string;
  /** null when the request matched no operation of the spec. */
  operationId: string | null;
  method: string;
  path: string;
  query: Record<string, string>;
  /** The account the credentials belong to; null before (or without) authentication. */
  account: string | null;
  request: JournalBodySide;
  response: JournalBodySide & { status: number };
  durationMs: number;
  source: JournalSource;
  overrideId?: string;
  /** Set when an override answered a status the operation does not document. */
  undocumented?: true;
  /** The fault an override answered with (then status 0 means nothing was sent). */
  fault?: Fault;
  violations: JournalViolation[];
};

/**
 * What a provider route hands the journal: references to what it already has, nothing copied or
 * redacted. The journal turns it into a JournalEntry only when someone reads it.
 */
export type ExchangeRecord = {
  provider: string;
  method: string;
  path: string;
  query: Readonly<Record<string, string>>;
  operationId: string | undefined;
  account: string | undefined;
  requestHeaders: IncomingHttpHeaders;
  requestBody: Buffer | undefined;
  status: number;
  responseHeaders: Readonly<Record<string, string | number>>;
  responseBody: Buffer | undefined;
  /** Date.now() when the request arrived. */
  startedAt: number;
  durationMs: number;
  source: JournalSource;
  overrideId?: string;
  undocumented?: boolean;
  fault?: Fault;
  violations: JournalViolation[];
  redactor: JournalRedactor;
};

/**
 * A record in the ring: its id, the exchange, and the bodies cut to the limit, held as latin1
 * strings (one byte per byte): one small heap object each, cheaper to make and to collect than a
 * Buffer, and never a view that keeps a larger memory block (node's buffer pool) alive.
 */
export type StoredRecord = {
  id: number;
  exchange: ExchangeRecord;
  requestBody: string | undefined;
  responseBody: string | undefined;
  requestBytes: number;
  responseBytes: number;
};

/** The largest body part kept per request or response, in bytes; the rest is dropped. */
export const JOURNAL_BODY_LIMIT = 4096;

/** The first JOURNAL_BODY_LIMIT bytes of a body, as a latin1 string. */
export function boundBody(body: Buffer | undefined): string | undefined {
  if (body === undefined || body.length === 0) return undefined;
  return body.toString('latin1', 0, Math.min(body.length, JOURNAL_BODY_LIMIT));
}

/** Redacts and decodes a stored record. */
export function toJournalEntry(record: StoredRecord): JournalEntry {
  const { exchange } = record;
  const { redactor } = exchange;
  const entry: JournalEntry = {
    id: record.id,
    time: new Date(exchange.startedAt).toISOString(),
    provider: exchange.provider,
    operationId: exchange.operationId ?? null,
    method: exchange.method,
    path: exchange.path,
    query: redactor.query(exchange.query),
    account: exchange.account ?? null,
    request: { headers: redactor.headers(exchange.requestHeaders), ...toBody(record.requestBody, record.requestBytes, redactor) },
    response: { status: exchange.status, headers: redactor.headers(exchange.responseHeaders), ...toBody(record.responseBody, record.responseBytes, redactor) },
    durationMs: Math.round(exchange.durationMs * 1000) / 1000,
    source: exchange.source,
    violations: exchange.violations,
  };
  if (exchange.overrideId !== undefined) entry.overrideId = exchange.overrideId;
  if (exchange.undocumented) entry.undocumented = true;
  if (exchange.fault !== undefined) entry.fault = exchange.fault;
  return entry;
}

function toBody(kept: string | undefined, bytes: number, redactor: JournalRedactor): Omit<JournalBodySide, 'headers'> {
  if (kept === undefined) return {};
  const text = Buffer.from(kept, 'latin1').toString('utf8');
  if (bytes > kept.length) return { body: redactor.text(text), bodyTruncated: true, bodyBytes: bytes };
  try {
    return { body: redactor.body(JSON.parse(text)) };
  } catch {
    return { body: redactor.text(text) };
  }
}
