import { BoundedCache } from '../bounded-cache.js';
import type { JournalEntry, JournalSource, JournalViolation } from '../journal/entry.js';
import { createRedactionPolicy, type RedactionPolicy } from '../recording/redaction-policy.js';
import { sentPaths } from './field-paths.js';
import { toRejection } from './rejection.js';
import { isJsonObject } from '../json-object.js';

/** What the coverage counters need of one answered request: a live exchange or a journal entry. */
export type CoverageSample = {
  provider: string;
  operationId: string | undefined;
  method: string;
  path: string;
  /** 0 when a fault sent nothing. */
  status: number;
  source: JournalSource;
  query: Readonly<Record<string, string>>;
  /** The parsed request body (a string when it was not JSON or was cut short). */
  body: unknown;
  /** The `x-sipmock-error` of the answer, when sipmock raised an error. */
  errorCode?: string;
  violations: readonly JournalViolation[];
  overrideId?: string;
  fault?: string;
};

export type OperationCounter = {
  calls: number;
  statuses: Map<number, number>;
  bodyFields: Set<string>;
  queryParams: Set<string>;
  /** Redacted reason → count. */
  rejected: Map<string, number>;
  faults: Map<string, number>;
};

export type ProviderCounter = {
  requests: number;
  operations: Map<string, OperationCounter>;
  /** `METHOD path` (redacted) of requests that matched no operation → count. */
  unmatched: Map<string, number>;
  overrides: Map<string, { count: number; operationIds: Set<string> }>;
};

/** Distinct reasons and unmatched requests kept per operation or provider; the rest are counted under one line. */
const MAX_DISTINCT = 50;
const OTHERS = '(other reasons)';

/**
 * The coverage counters: every answered request, whatever the journal's ring keeps. Counting is
 * a few map updates per request; a body is walked for its member paths, bounded.
 */
export class CoverageRecorder {
  private readonly providers = new Map<string, ProviderCounter>();
  private readonly policies = new Map<string, RedactionPolicy>();
  private readonly reasons = new BoundedCache<string, string>(256);

  /** `secretFieldsOf` gives a provider's own secret names, for the redaction of reasons. */
  constructor(private readonly secretFieldsOf: (slug: string) => readonly string[] = () => []) {}

  record(sample: CoverageSample): void {
    const provider = this.provider(sample.provider);
    provider.requests += 1;
    if (sample.overrideId !== undefined) countOverride(provider, sample.overrideId, sample.operationId);
    if (sample.operationId === undefined) {
      const key = `${sample.method} ${this.policy(sample.provider).url(sample.path)}`;
      countBounded(provider.unmatched, key, '(other requests)');
      return;
    }
    const operation = this.operation(provider, sample.operationId);
    operation.calls += 1;
    if (sample.fault !== undefined) operation.faults.set(sample.fault, (operation.faults.get(sample.fault) ?? 0) + 1);
    // A status the mock's own controls answered (a bad Prefer header) is not one the provider would send.
    if (sample.status > 0 && !isControlError(sample.errorCode)) operation.statuses.set(sample.status, (operation.statuses.get(sample.status) ?? 0) + 1);
    for (const name in sample.query) operation.queryParams.add(name);
    sentPaths(sample.body, operation.bodyFields);
    const rejection = toRejection(sample.errorCode, sample.violations);
    if (rejection !== undefined) countBounded(operation.rejected, this.redacted(sample.provider, rejection), OTHERS);
  }

  /** Counts a journal entry (a line of a journal file); parts a hand-edited line gets wrong are left out. */
  recordEntry(entry: JournalEntry): void {
    const response = isJsonObject(entry.response) ? entry.response : undefined;
    const request = isJsonObject(entry.request) ? entry.request : undefined;
    const errorCode = isJsonObject(response?.headers) ? response.headers['x-sipmock-error'] : undefined;
    this.record({
      provider: entry.provider,
      operationId: entry.operationId ?? undefined,
      method: entry.method,
      path: entry.path,
      status: Number.isInteger(response?.status) ? response!.status : 0,
      source: entry.source,
      query: isJsonObject(entry.query) ? entry.query : {},
      body: request?.bodyTruncated ? undefined : request?.body,
      errorCode: typeof errorCode === 'string' ? errorCode : undefined,
      violations: Array.isArray(entry.violations) ? entry.violations.filter(isViolation) : [],
      overrideId: typeof entry.overrideId === 'string' ? entry.overrideId : undefined,
      fault: typeof entry.fault === 'string' ? entry.fault : undefined,
    });
  }

  counters(slug: string): ProviderCounter | undefined {
    return this.providers.get(slug);
  }

  /** The providers that were sent requests, in the order they first were. */
  slugs(): string[] {
    return [...this.providers.keys()];
  }

  clear(): void {
    this.providers.clear();
  }

  private provider(slug: string): ProviderCounter {
    let counter = this.providers.get(slug);
    if (!counter) {
      counter = { requests: 0, operations: new Map(), unmatched: new Map(), overrides: new Map() };
      this.providers.set(slug, counter);
    }
    return counter;
  }

  private operation(provider: ProviderCounter, operationId: string): OperationCounter {
    let counter = provider.operations.get(operationId);
    if (!counter) {
      counter = { calls: 0, statuses: new Map(), bodyFields: new Set(), queryParams: new Set(), rejected: new Map(), faults: new Map() };
      provider.operations.set(operationId, counter);
    }
    return counter;
  }

  /** A reason as the report shows it: the same reasons come again and again, so each is redacted once. */
  private redacted(slug: string, reason: string): string {
    const key = `${slug}\u0000${reason}`;
    let redacted = this.reasons.get(key);
    if (redacted === undefined) {
      redacted = this.policy(slug).string(reason);
      this.reasons.set(key, redacted);
    }
    return redacted;
  }

  private policy(slug: string): RedactionPolicy {
    let policy = this.policies.get(slug);
    if (!policy) {
      policy = createRedactionPolicy({ secretFields: this.secretFieldsOf(slug) });
      this.policies.set(slug, policy);
    }
    return policy;
  }
}

function countOverride(provider: ProviderCounter, id: string, operationId: string | undefined): void {
  let seen = provider.overrides.get(id);
  if (!seen) {
    seen = { count: 0, operationIds: new Set() };
    provider.overrides.set(id, seen);
  }
  seen.count += 1;
  if (operationId !== undefined) seen.operationIds.add(operationId);
}

function countBounded(counts: Map<string, number>, key: string, others: string): void {
  const known = counts.get(key);
  if (known !== undefined) return void counts.set(key, known + 1);
  // Past the cap, new keys share one line: a client looping over random paths must not grow the report.
  const slot = counts.size < MAX_DISTINCT ? key : others;
  counts.set(slot, (counts.get(slot) ?? 0) + 1);
}

function isControlError(code: string | undefined): boolean {
  return code !== undefined && (code.startsWith('MOCK_ERR_PREFER') || code === 'MOCK_ERR_REPLAY_UNMATCHED');
}


function isViolation(value: unknown): value is JournalViolation {
  return isJsonObject(value) && typeof value.side === 'string' && typeof value.location === 'string' && Array.isArray(value.path) && typeof value.message === 'string';
}
