import { MockError } from '../errors.js';
import type { ProviderModel, OperationModel } from './coverage-model.js';
import { toCoverageIgnore, toCoverageMinimum, COVERAGE_METRICS, type CoverageIgnore, type CoverageMetric, type CoverageOptions } from './coverage-options.js';
import type { CoverageRecorder, OperationCounter } from './coverage-recorder.js';

/** covered out of total; percent is 100 when there is nothing to cover. */
export type CoverageRatio = { covered: number; total: number; percent: number };
export type CoverageSummary = Record<CoverageMetric, CoverageRatio>;
export type CoverageCount = { count: number };

/** Member paths (or query parameter names) the spec declares and the client sent. */
export type FieldCoverage = { declared: string[]; sent: string[]; neverSent: string[]; undeclared: string[] };

export type StatusCoverage = { status: number; count: number; ignored?: true };

export type OperationCoverage = {
  operationId: string;
  method: string;
  path: string;
  calls: number;
  ignored?: true;
  /** Every documented status, with how often the client was answered it. */
  statuses: StatusCoverage[];
  undocumentedStatuses: Array<{ status: number } & CoverageCount>;
  body: FieldCoverage;
  query: FieldCoverage;
  /** Requests the spec rejected, by redacted reason. */
  rejected: Array<{ reason: string } & CoverageCount>;
  faults: Array<{ fault: string } & CoverageCount>;
};

export type ProviderCoverage = {
  provider: string;
  title: string;
  requests: number;
  summary: CoverageSummary;
  operations: OperationCoverage[];
  /** Requests that matched no operation (`METHOD path`, redacted). */
  unmatched: Array<{ request: string } & CoverageCount>;
  overrides: Array<{ id: string; operationIds: string[] } & CoverageCount>;
  rejected: number;
};

export type CoverageThreshold = { metric: CoverageMetric; min: number; percent: number; ok: boolean };

/** The coverage report (schemas/coverage.schema.json). */
export type CoverageReport = {
  version: 1;
  generatedAt: string;
  requests: number;
  summary: CoverageSummary;
  thresholds: CoverageThreshold[];
  /** False when a threshold is not met. */
  ok: boolean;
  ignored: string[];
  providers: ProviderCoverage[];
};

/**
 * Maps what the recorder counted onto what each provider's spec documents. Ignored operations and
 * statuses are shown but left out of the percentages; an exclusion naming no operation is refused.
 */
export function buildCoverageReport(models: readonly ProviderModel[], recorder: CoverageRecorder, options: CoverageOptions = {}): CoverageReport {
  const minimum = toCoverageMinimum(options.min);
  const ignores = (options.ignore ?? []).map(toCoverageIgnore);
  const unknown = ignores.filter((rule) => !models.some((model) => model.operations.some((op) => op.operationId === rule.operationId)));
  if (unknown.length > 0) {
    throw new MockError('MOCK_ERR_COVERAGE_OPTION', { name: 'ignore', value: unknown[0].operationId, why: 'no served provider has this operationId' });
  }
  const providers = models.map((model) => toProviderCoverage(model, recorder, ignores));
  const summary = sumOf(providers.map((provider) => provider.summary));
  const thresholds = COVERAGE_METRICS.filter((metric) => minimum[metric] !== undefined).map((metric) => {
    const min = minimum[metric]!;
    return { metric, min, percent: summary[metric].percent, ok: summary[metric].percent >= min };
  });
  return {
    version: 1,
    generatedAt: new Date().toISOString(),
    requests: providers.reduce((sum, provider) => sum + provider.requests, 0),
    summary,
    thresholds,
    ok: thresholds.every((threshold) => threshold.ok),
    ignored: ignores.map((rule) => (rule.status === undefined ? rule.operationId : `${rule.operationId}:${rule.status}`)),
    providers,
  };
}

function toProviderCoverage(model: ProviderModel, recorder: CoverageRecorder, ignores: CoverageIgnore[]): ProviderCoverage {
  const counter = recorder.counters(model.slug);
  const operations = model.operations.map((operation) => toOperationCoverage(operation, counter?.operations.get(operation.operationId), ignores));
  const counted = operations.filter((operation) => !operation.ignored);
  const statuses = counted.flatMap((operation) => operation.statuses.filter((status) => !status.ignored));
  const fields = counted.flatMap((operation) => [operation.body, operation.query]);
  return {
    provider: model.slug,
    title: model.title,
    requests: counter?.requests ?? 0,
    summary: {
      operations: ratio(counted.filter((operation) => operation.calls > 0).length, counted.length),
      statuses: ratio(statuses.filter((status) => status.count > 0).length, statuses.length),
      fields: ratio(sum(fields.map((field) => field.declared.length - field.neverSent.length)), sum(fields.map((field) => field.declared.length))),
    },
    operations,
    unmatched: toCounts(counter?.unmatched).map(([request, count]) => ({ request, count })),
    overrides: [...(counter?.overrides ?? new Map()).entries()].map(([id, seen]) => ({ id, count: seen.count, operationIds: [...seen.operationIds].sort() })),
    rejected: sum(operations.flatMap((operation) => operation.rejected.map((rejection) => rejection.count))),
  };
}

function toOperationCoverage(model: OperationModel, counter: OperationCounter | undefined, ignores: CoverageIgnore[]): OperationCoverage {
  const rules = ignores.filter((rule) => rule.operationId === model.operationId);
  const whole = rules.some((rule) => rule.status === undefined);
  const documented = new Set(model.statuses);
  const coverage: OperationCoverage = {
    operationId: model.operationId,
    method: model.method,
    path: model.path,
    calls: counter?.calls ?? 0,
    statuses: model.statuses.map((status) => {
      const seen: StatusCoverage = { status, count: counter?.statuses.get(status) ?? 0 };
      if (whole || rules.some((rule) => rule.status === status)) seen.ignored = true;
      return seen;
    }),
    undocumentedStatuses: [...(counter?.statuses ?? new Map<number, number>())].filter(([status]) => !documented.has(status)).sort(([a], [b]) => a - b).map(([status, count]) => ({ status, count })),
    body: toFieldCoverage(model.bodyFields, counter?.bodyFields),
    query: toFieldCoverage(model.queryParams, counter?.queryParams),
    rejected: toCounts(counter?.rejected).map(([reason, count]) => ({ reason, count })),
    faults: toCounts(counter?.faults).map(([fault, count]) => ({ fault, count })),
  };
  if (whole) coverage.ignored = true;
  return coverage;
}

function toFieldCoverage(declared: string[], sent: ReadonlySet<string> | undefined): FieldCoverage {
  const given = sent ?? new Set<string>();
  const known = new Set(declared);
  return {
    declared,
    sent: declared.filter((field) => given.has(field)),
    neverSent: declared.filter((field) => !given.has(field)),
    undeclared: [...given].filter((field) => !known.has(field)).sort(),
  };
}

/** Most frequent first, then by name. */
function toCounts(counts: ReadonlyMap<string, number> | undefined): Array<[string, number]> {
  return [...(counts ?? new Map<string, number>())].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

function sumOf(summaries: CoverageSummary[]): CoverageSummary {
  const metric = (name: CoverageMetric) => ratio(sum(summaries.map((s) => s[name].covered)), sum(summaries.map((s) => s[name].total)));
  return { operations: metric('operations'), statuses: metric('statuses'), fields: metric('fields') };
}

function ratio(covered: number, total: number): CoverageRatio {
  // One decimal, rounded down: 79.99% must not pass a threshold of 80.
  return { covered, total, percent: total === 0 ? 100 : Math.floor((covered / total) * 1000) / 10 };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
