import type { Violation } from '../../errors.js';
import { toPointer } from '../../openapi/schema-validator.js';
import type { RoutedRequest } from '../types.js';
import { ashErrors, type AshError } from './ash-error.js';
import { inspect } from './elixir-inspect.js';
import { valueAt } from '../../json-object.js';

const JSON_API = 'application/vnd.api+json';
/** Attributes the create action requires: their schema is not wrapped in `anyOf: [null, ...]`. */
const REQUIRED_ON_CREATE = ['name', 'provider'];

/**
 * The request body checked against the route's schema, worded as AshJsonApi words JsonXema's
 * failures (ash-project/ash_json_api@50e6416 lib/ash_json_api/error/schema_errors.ex). The spec's
 * request body schemas are that runtime schema (json_schema.ex route_in_schema), so the spec's
 * own validator finds the failures and this only rewords and orders them.
 */
export function bodyErrors(request: RoutedRequest): AshError[] {
  const operation = request.operation;
  if (!operation || operation.requestMediaTypes.length === 0) return [];
  // Plug reads a body it cannot parse as JSON:API as no body; a JSON value that is not an
  // object lands under `_json`.
  const body = toBodyParams(request.body);
  const violations = operation
    .validateRequest({ pathParams: {}, query: {}, body, mediaType: JSON_API })
    .filter((violation) => violation.location === 'body');
  const anyOfWrapped = (name: string) => operation.operationId !== 'createGateway' || !REQUIRED_ON_CREATE.includes(name);
  const errors = violations.map((violation) => ({ key: visitKey(violation), error: toAshError(violation, body, anyOfWrapped) }));
  // JsonXema walks the error tree parent first, keys in order, and prepends each message.
  errors.sort((a, b) => comparePaths(a.key, b.key));
  return dedupe(errors.map((e) => e.error)).reverse();
}

function toBodyParams(body: unknown): unknown {
  if (body === undefined) return {};
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? body : { _json: body };
}

function toAshError(violation: Violation, body: unknown, anyOfWrapped: (name: string) => boolean): AshError {
  const path = violation.path;
  const attribute = path[0] === 'data' && path[1] === 'attributes' && path.length >= 3 ? path[2] : undefined;
  if (violation.rule === 'required') return ashErrors.required(toPointer(path));
  if (violation.rule === 'not_allowed') return ashErrors.invalidBody(`Expected only defined properties, got key ${inspect(path)}.`, toPointer(path));
  if (attribute !== undefined && violation.rule === 'pattern') {
    // An attribute format is Ash's own `match` validation, not part of the schema AshJsonApi checks.
    const pattern = /"(.*)"$/.exec(violation.message)?.[1] ?? '';
    const at = ['data', 'attributes', attribute];
    return ashErrors.invalidAttribute(`must match ${inspect(pattern)}`, toPointer(at), { match: pattern });
  }
  if (attribute !== undefined && anyOfWrapped(attribute)) {
    const at = ['data', 'attributes', attribute];
    return ashErrors.invalidBody(`No match of any schema, at ${inspect(at)}.`, toPointer(at));
  }
  const value = valueAt(body, path);
  const where = path.length === 0 ? '.' : `, at ${inspect(path)}.`;
  if (violation.rule === 'type') return ashErrors.invalidBody(`Expected ${inspect(value)} to be ${jsonTypes(violation.message)}${where}`, toPointer(path));
  if (violation.rule === 'enum') return ashErrors.invalidBody(`Value ${inspect(value)} is not allowed in enum${where}`, toPointer(path));
  if (violation.rule === 'const') {
    const expected = /^must be (.*)$/.exec(violation.message)?.[1] ?? '';
    return ashErrors.invalidBody(`Expected the value to be ${expected}, got ${inspect(value)}${where}`, toPointer(path));
  }
  return ashErrors.invalidBody(`${violation.message}${where}`, toPointer(path));
}

/** "must be an object or null" → "object or null". */
function jsonTypes(message: string): string {
  return message
    .replace(/^must be /, '')
    .split(' or ')
    .map((type) => type.replace(/^an? /, ''))
    .join(' or ');
}

/** A `required` failure is reported when its parent is visited; any other at its own path. */
function visitKey(violation: Violation): string[] {
  return violation.rule === 'required' ? violation.path.slice(0, -1) : violation.path;
}

function comparePaths(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

/** Several failures inside one anyOf-wrapped attribute are one failure of that attribute. */
function dedupe(errors: AshError[]): AshError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.code} ${error.source?.pointer} ${error.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

