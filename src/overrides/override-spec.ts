import { MockError } from '../errors.js';
import type { Operation } from '../openapi/operation.js';
import type { MountedProvider } from '../server/mounted-provider.js';
import { isJsonObject } from '../json-object.js';

export const FAULTS = ['reset', 'hang', 'empty', 'malformed', 'slow-body'] as const;
/**
 * - `reset`: the connection is destroyed; `hang`: no answer until the client gives up;
 * - `empty`: the status with no body; `malformed`: a truncated JSON body; `slow-body`: the body trickles out.
 */
export type Fault = (typeof FAULTS)[number];

/** One answer of an override. At least one of status, example, body or fault. */
export type OverrideRespond = {
  status?: number;
  /** A named example of the operation's spec (its status is found when none is given). */
  example?: string;
  body?: unknown;
  headers?: Record<string, string>;
  fault?: Fault;
};

/** A runtime stub: when a request matches, it is answered as `respond` (or the next of `sequence`) says. */
export type OverrideSpec = {
  provider: string;
  /** The operation; or `method` + `path` (a real path, or the spec's template) instead. */
  operationId?: string;
  method?: string;
  path?: string;
  /** Subsets the request must contain; all optional. */
  match?: { account?: string; query?: Record<string, unknown>; body?: unknown; headers?: Record<string, string> };
  respond?: OverrideRespond;
  /** Answers in turn (each merged over `respond`); once used up the override is spent. */
  sequence?: OverrideRespond[];
  /** How many requests it answers, then it is spent; unlimited without it (or the length of `sequence`). */
  times?: number;
  delayMs?: number;
  delay?: { min: number; max: number };
  /** Answer before authentication; by default credentials are checked first, as the provider would. */
  skipAuth?: boolean;
};

/** An override as the store keeps it: checked, with its operation resolved. */
export type CheckedOverride = {
  spec: OverrideSpec;
  operation: Operation;
  /** Set when the spec gave a concrete path: the request's path must be this one. */
  exactPath?: string;
  answers: OverrideRespond[];
  /** Fires allowed in total; undefined: unlimited. */
  limit?: number;
};

const TOP_LEVEL = ['provider', 'operationId', 'method', 'path', 'match', 'respond', 'sequence', 'times', 'delayMs', 'delay', 'skipAuth'];
const RESPOND_KEYS = ['status', 'example', 'body', 'headers', 'fault'];

/** Checks an override against the served providers and their specs; what is wrong is a 400 naming the field. */
export function checkOverride(input: unknown, providers: readonly MountedProvider[]): CheckedOverride {
  if (!isJsonObject(input)) throw refuse('the body must be a JSON object');
  const unknown = Object.keys(input).filter((key) => !TOP_LEVEL.includes(key));
  if (unknown.length > 0) throw refuse(`unknown field ${unknown.join(', ')}; fields are ${TOP_LEVEL.join(', ')}`);
  const spec = input as OverrideSpec;
  const provider = providers.find((p) => p.definition.slug === spec.provider);
  if (!provider) throw refuse(`provider must be one of ${providers.map((p) => p.definition.slug).join(', ')}`);
  const { operation, exactPath } = resolveOperation(spec, provider);
  checkMatch(spec.match);
  if (spec.respond === undefined && spec.sequence === undefined) throw refuse('give respond or sequence');
  if (spec.sequence !== undefined && (!Array.isArray(spec.sequence) || spec.sequence.length === 0)) throw refuse('sequence must be a non-empty array of respond objects');
  const answers = spec.sequence ? spec.sequence.map((step, index) => ({ ...spec.respond, ...checkRespond(step, `sequence[${index}]`) })) : [spec.respond!];
  for (const [index, answer] of answers.entries()) checkAnswer(checkRespond(answer, spec.sequence ? `sequence[${index}]` : 'respond'), operation);
  if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times > 0)) throw refuse('times must be a positive integer');
  checkDelay(spec);
  if (spec.skipAuth !== undefined && typeof spec.skipAuth !== 'boolean') throw refuse('skipAuth must be true or false');
  // Before authentication there is no account to compare: such an override could never fire.
  if (spec.skipAuth === true && spec.match?.account !== undefined) throw refuse('match.account needs authentication; drop skipAuth or the account');
  const limits = [spec.times, spec.sequence?.length].filter((n): n is number => n !== undefined);
  return { spec, operation, exactPath, answers, limit: limits.length > 0 ? Math.min(...limits) : undefined };
}

function resolveOperation(spec: OverrideSpec, provider: MountedProvider): { operation: Operation; exactPath?: string } {
  if (spec.operationId !== undefined) {
    const operation = provider.byId.get(spec.operationId);
    if (!operation) throw refuse(`operationId "${spec.operationId}" is no operation of ${provider.definition.slug}; known: ${[...provider.byId.keys()].join(', ')}`);
    return { operation };
  }
  if (typeof spec.method !== 'string' || typeof spec.path !== 'string') throw refuse('give operationId, or method and path');
  const method = spec.method.toUpperCase();
  const template = provider.operations.find((o) => o.method === method && o.pathTemplate === spec.path);
  if (template) return { operation: template };
  const found = provider.find(method, spec.path);
  if (found.kind !== 'found') throw refuse(`${method} ${spec.path} matches no operation of ${provider.definition.slug}`);
  return { operation: found.operation, exactPath: spec.path };
}

function checkMatch(match: OverrideSpec['match']): void {
  if (match === undefined) return;
  if (!isJsonObject(match)) throw refuse('match must be an object');
  const unknown = Object.keys(match).filter((key) => !['account', 'query', 'body', 'headers'].includes(key));
  if (unknown.length > 0) throw refuse(`unknown match field ${unknown.join(', ')}; fields are account, query, body, headers`);
  if (match.account !== undefined && typeof match.account !== 'string') throw refuse('match.account must be a string');
  if (match.query !== undefined && !isJsonObject(match.query)) throw refuse('match.query must be an object');
  if (match.headers !== undefined && !isJsonObject(match.headers)) throw refuse('match.headers must be an object');
}

function checkRespond(respond: unknown, where: string): OverrideRespond {
  if (!isJsonObject(respond)) throw refuse(`${where} must be an object`);
  const unknown = Object.keys(respond).filter((key) => !RESPOND_KEYS.includes(key));
  if (unknown.length > 0) throw refuse(`unknown field ${where}.${unknown.join(', ')}; fields are ${RESPOND_KEYS.join(', ')}`);
  const r = respond as OverrideRespond;
  if (r.status !== undefined && !(Number.isInteger(r.status) && r.status >= 100 && r.status <= 599)) throw refuse(`${where}.status must be an HTTP status (100-599)`);
  if (r.fault !== undefined && !FAULTS.includes(r.fault)) throw refuse(`${where}.fault must be one of ${FAULTS.join(', ')}`);
  if (r.headers !== undefined && (!isJsonObject(r.headers) || Object.values(r.headers).some((v) => typeof v !== 'string'))) {
    throw refuse(`${where}.headers must map names to strings`);
  }
  if (r.example !== undefined && typeof r.example !== 'string') throw refuse(`${where}.example must be a string`);
  return r;
}

function checkAnswer(answer: OverrideRespond, operation: Operation): void {
  if (answer.status === undefined && answer.example === undefined && answer.body === undefined && answer.fault === undefined) {
    throw refuse('respond takes at least one of status, example, body or fault');
  }
  if (answer.example === undefined) return;
  const statuses = answer.status !== undefined ? [answer.status] : [...operation.responses.keys()];
  const has = statuses.some((status) => operation.responses.get(status)?.contents.some((c) => c.examples.has(answer.example!)));
  if (!has) throw refuse(`example "${answer.example}" is not documented for ${operation.operationId}${answer.status !== undefined ? ` status ${answer.status}` : ''}`);
}

function checkDelay(spec: OverrideSpec): void {
  if (spec.delayMs !== undefined && !(typeof spec.delayMs === 'number' && spec.delayMs >= 0 && spec.delayMs <= 600_000)) {
    throw refuse('delayMs must be a number of milliseconds from 0 to 600000');
  }
  if (spec.delay === undefined) return;
  const { min, max } = spec.delay as { min: unknown; max: unknown };
  if (typeof min !== 'number' || typeof max !== 'number' || min < 0 || max < min || max > 600_000) {
    throw refuse('delay must be { "min": <ms>, "max": <ms> } with 0 <= min <= max <= 600000');
  }
}


function refuse(why: string): MockError {
  return new MockError('MOCK_ERR_OVERRIDE_INVALID', { why });
}
