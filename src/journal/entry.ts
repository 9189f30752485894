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

/** A record in the ring: its id, and its bodies already cut to the limit. */
export type StoredRecord = ExchangeRecord & { id: number; requestBytes: number; responseBytes: number };

/** The largest body part kept per request or response, in bytes; the rest is dropped. */
export const JOURNAL_BODY_LIMIT = 4096;

/**
 * Keeps at most JOURNAL_BODY_LIMIT bytes. A body that is a view into a larger memory block (node's
 * 8 KiB buffer pool, a socket read) is copied out, or the ring would keep the whole block alive.
 */
export function boundBody(body: Buffer | undefined): Buffer | undefined {
  if (body === undefined || body.length === 0) return undefined;
  const kept = body.length <= JOURNAL_BODY_LIMIT ? body : body.subarray(0, JOURNAL_BODY_LIMIT);
  if (kept.buffer.byteLength === kept.length) return kept;
  const copy = Buffer.allocUnsafeSlow(kept.length);
  kept.copy(copy);
  return copy;
}

/** Redacts and decodes a stored record. */
export function toJournalEntry(record: StoredRecord): JournalEntry {
  const { redactor } = record;
  const entry: JournalEntry = {
    id: record.id,
    time: new Date(record.startedAt).toISOString(),
    provider: record.provider,
    operationId: record.operationId ?? null,
    method: record.method,
    path: record.path,
    query: redactor.query(record.query),
    account: record.account ?? null,
    request: { headers: redactor.headers(record.requestHeaders), ...toBody(record.requestBody, record.requestBytes, redactor) },
    response: { status: record.status, headers: redactor.headers(record.responseHeaders), ...toBody(record.responseBody, record.responseBytes, redactor) },
    durationMs: Math.round(record.durationMs * 1000) / 1000,
    source: record.source,
    violations: record.violations,
  };
  if (record.overrideId !== undefined) entry.overrideId = record.overrideId;
  if (record.undocumented) entry.undocumented = true;
  if (record.fault !== undefined) entry.fault = record.fault;
  return entry;
}

function toBody(body: Buffer | undefined, bytes: number, redactor: JournalRedactor): Omit<JournalBodySide, 'headers'> {
  if (body === undefined || body.length === 0) return {};
  const text = body.toString('utf8');
  if (bytes > body.length) return { body: redactor.text(text), bodyTruncated: true, bodyBytes: bytes };
  try {
    return { body: redactor.body(JSON.parse(text)) };
  } catch {
    return { body: redactor.text(text) };
  }
}
