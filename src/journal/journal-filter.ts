import { MockError } from '../errors.js';
import type { StoredRecord } from './entry.js';

/**
 * Which journal entries to return; every given field must match. `status` is an exact status
 * (503, '503') or a class ('5xx'); `since` is an entry id (exclusive) or an ISO 8601 time.
 */
export type JournalFilter = {
  provider?: string;
  operationId?: string;
  method?: string;
  account?: string;
  status?: number | string;
  since?: number | string;
};

export type RecordPredicate = (record: StoredRecord) => boolean;

const FILTER_NAMES = ['provider', 'operationId', 'method', 'account', 'status', 'since'] as const;

/** Reads a filter from a query string; an unknown name or a malformed value is a 400. */
export function toJournalFilter(query: Record<string, unknown>): JournalFilter {
  const filter: JournalFilter = {};
  for (const [name, value] of Object.entries(query)) {
    if (!(FILTER_NAMES as readonly string[]).includes(name)) {
      throw new MockError('MOCK_ERR_JOURNAL_FILTER', { name, value: String(value), why: `filters are ${FILTER_NAMES.join(', ')}` });
    }
    if (typeof value !== 'string') throw new MockError('MOCK_ERR_JOURNAL_FILTER', { name, value: String(value), why: 'give it once' });
    filter[name as keyof JournalFilter] = value;
  }
  return filter;
}

/** Compiles a filter once, so matching a full ring is a loop of cheap comparisons. */
export function toPredicate(filter: JournalFilter = {}): RecordPredicate {
  const checks: RecordPredicate[] = [];
  if (filter.provider !== undefined) checks.push((r) => r.exchange.provider === filter.provider);
  if (filter.operationId !== undefined) checks.push((r) => r.exchange.operationId === filter.operationId);
  if (filter.method !== undefined) {
    const method = String(filter.method).toUpperCase();
    checks.push((r) => r.exchange.method === method);
  }
  if (filter.account !== undefined) checks.push((r) => r.exchange.account === filter.account);
  if (filter.status !== undefined) checks.push(toStatusCheck(filter.status));
  if (filter.since !== undefined) checks.push(toSinceCheck(filter.since));
  return (record) => checks.every((check) => check(record));
}

function toStatusCheck(status: number | string): RecordPredicate {
  const text = String(status).trim().toLowerCase();
  if (/^[1-5]\d\d$/.test(text)) {
    const exact = Number(text);
    return (r) => r.exchange.status === exact;
  }
  if (/^[1-5]xx$/.test(text)) {
    const hundreds = Number(text[0]);
    return (r) => Math.floor(r.exchange.status / 100) === hundreds;
  }
  throw new MockError('MOCK_ERR_JOURNAL_FILTER', { name: 'status', value: text, why: 'give a status (503) or a class (5xx)' });
}

function toSinceCheck(since: number | string): RecordPredicate {
  const text = String(since).trim();
  if (/^\d+$/.test(text)) {
    const id = Number(text);
    return (r) => r.id > id;
  }
  const time = Date.parse(text);
  // An ISO time has a date part; Date.parse alone would accept "1" or "May 5".
  if (!/^\d{4}-\d\d-\d\d/.test(text) || Number.isNaN(time)) {
    throw new MockError('MOCK_ERR_JOURNAL_FILTER', { name: 'since', value: text, why: 'give an entry id (exclusive) or an ISO 8601 time' });
  }
  return (r) => r.exchange.startedAt > time;
}
