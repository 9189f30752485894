import { MockError } from '../errors.js';

/** The metrics a threshold can name. */
export const COVERAGE_METRICS = ['operations', 'statuses', 'fields'] as const;
export type CoverageMetric = (typeof COVERAGE_METRICS)[number];

/** Minimum percentages, e.g. `{ operations: 80, statuses: 50 }`. */
export type CoverageMinimum = Partial<Record<CoverageMetric, number>>;

/** An exclusion: an operation (all its statuses), or one documented status of it. */
export type CoverageIgnore = { operationId: string; status?: number };

export type CoverageOptions = {
  /** `operations=80,statuses=50` or an object; the report's `ok` is false under any of them. */
  min?: string | CoverageMinimum;
  /** `<operationId>` or `<operationId>:<status>`: shown as skipped and left out of the percentages. */
  ignore?: ReadonlyArray<string | CoverageIgnore>;
};

/** `operations=80,statuses=50` → `{ operations: 80, statuses: 50 }`. */
export function toCoverageMinimum(value: string | CoverageMinimum | undefined): CoverageMinimum {
  if (value === undefined) return {};
  const pairs = typeof value === 'string' ? value.split(',').map((pair) => pair.trim()).filter((pair) => pair !== '').map(splitPair) : Object.entries(value);
  const minimum: CoverageMinimum = {};
  for (const [name, raw] of pairs) {
    const shown = `${name}=${String(raw)}`;
    if (!(COVERAGE_METRICS as readonly string[]).includes(name)) refuse('min', shown, `the metrics are ${COVERAGE_METRICS.join(', ')}`);
    const percent = typeof raw === 'number' ? raw : String(raw).trim() === '' ? NaN : Number(raw);
    if (!(percent >= 0 && percent <= 100)) refuse('min', shown, 'give a percentage from 0 to 100');
    minimum[name as CoverageMetric] = percent;
  }
  return minimum;
}

/** `createSipGateway` or `createSipGateway:422`. */
export function toCoverageIgnore(value: string | CoverageIgnore): CoverageIgnore {
  if (typeof value !== 'string') return value;
  const at = value.lastIndexOf(':');
  const text = value.trim();
  if (at === -1) {
    if (text === '') refuse('ignore', value, 'give <operationId> or <operationId>:<status>');
    return { operationId: text };
  }
  const status = Number(value.slice(at + 1));
  const operationId = value.slice(0, at).trim();
  if (operationId === '' || !Number.isInteger(status) || status < 100 || status > 599) refuse('ignore', value, 'give <operationId> or <operationId>:<status>, a status from 100 to 599');
  return { operationId, status };
}

function splitPair(pair: string): [string, string] {
  const at = pair.indexOf('=');
  if (at === -1) refuse('min', pair, 'give <metric>=<percent>, e.g. operations=80,statuses=50');
  return [pair.slice(0, at).trim(), pair.slice(at + 1)];
}

function refuse(name: string, value: string, why: string): never {
  throw new MockError('MOCK_ERR_COVERAGE_OPTION', { name, value, why });
}
