import type { Violation } from '../../errors.js';
import type { ProviderRequest } from '../types.js';

import type { ResourceError } from './jsonapi-errors.js';

/** jsonapi-resources' titles by error code, for the 400s the mock raises itself. */
const TITLES: Record<string, string> = {
  '102': 'Filter not allowed',
  '103': 'Invalid field value',
  '104': 'Invalid field',
  '110': 'Key is not included in URL',
  '112': 'Invalid field',
  '114': 'Invalid sort criteria',
  '116': 'Type Mismatch',
  '118': 'Invalid page value',
};

export function badRequest(code: string, detail: string): ResourceError {
  return { title: TITLES[code] ?? 'Bad Request', detail, code, status: '400' };
}

/**
 * A query parameter the spec refused, worded as jsonapi-resources 0.9 words it: the offending
 * value first ("created-at is not a valid sort criteria for registrations").
 */
export function queryError(violation: Violation, request: ProviderRequest): ResourceError {
  const parameter = violation.path[0];
  if (violation.rule === 'business') return badRequest(violation.code ?? '400', violation.message);
  const raw = request.url.searchParams.get(parameter) ?? '';
  const type = request.path.split('/')[4] ?? '';
  const page = /^page\[(number|size)\]$/.exec(parameter)?.[1];
  if (page) {
    if (page === 'size' && violation.rule === 'maximum') return badRequest('118', `size exceeds maximum page size of ${limitOf(violation)}.`);
    return badRequest('118', `${raw} is not a valid value for ${page} page parameter.`);
  }
  const bad = firstUnknown(raw, violation);
  if (parameter === 'sort') return badRequest('114', `${bad} is not a valid sort criteria for ${type}`);
  if (parameter === 'include') return badRequest('112', `${bad} is not a valid relationship of ${type}`);
  const fieldsOf = /^fields\[(.+)\]$/.exec(parameter)?.[1];
  if (fieldsOf) return badRequest('104', `${bad} is not a valid field for ${fieldsOf}.`);
  const filter = /^filter\[(.+)\]$/.exec(parameter)?.[1];
  return badRequest('103', `${raw} is not a valid value for ${filter ?? parameter}.`);
}

/**
 * The first comma-separated item that is not among the allowed names, which the violation message
 * lists (an enum) or spells as the first group of a `^(a|b)(,(a|b))*$` pattern.
 */
function firstUnknown(raw: string, violation: Violation): string {
  const allowed = new Set<string>();
  if (violation.rule === 'enum') for (const match of violation.message.matchAll(/"([^"]*)"/g)) allowed.add(match[1]);
  if (violation.rule === 'pattern') for (const name of /\(([^()]+)\)/.exec(violation.message)?.[1].split('|') ?? []) allowed.add(name);
  return raw.split(',').find((item) => !allowed.has(item.replace(/^-/, ''))) ?? raw;
}

function limitOf(violation: Violation): string {
  return violation.message.match(/-?\d+/)?.[0] ?? '';
}
