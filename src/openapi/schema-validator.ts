import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Violation } from '../errors.js';

export type SchemaValidator = (value: unknown) => Violation[];

/**
 * Ajv for JSON Schema 2020-12, the dialect every spec declares. `strict: false` because prism-http
 * stamps `x-stoplight` and OpenAPI keeps `example`/`xml` keywords inside schemas; `allErrors`
 * so that every failing field gets its own entry, as providers report them.
 * Parameters come in as strings, so their validator coerces ("5" → 5) in place.
 */
export function createAjv(options: { coerceTypes?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    coerceTypes: options.coerceTypes ?? false,
    validateFormats: true,
    discriminator: false,
  });
  addFormats.default(ajv);
  return ajv;
}

/** Compiles a schema once into a function that returns violations located at `location`. */
export function compileSchema(
  ajv: Ajv2020,
  schema: object,
  location: Violation['location'],
): SchemaValidator {
  const validate: ValidateFunction = ajv.compile(schema);
  if (!ajv.opts.coerceTypes) return (value) => (validate(value) ? [] : toViolations(validate.errors ?? [], location));
  return (value) => {
    const violations = validate(value) ? [] : toViolations(validate.errors ?? [], location);
    return [...violations, ...nonFinite(value, location, violations)];
  };
}

/** Coercion turns "1e999" into Infinity, which Ajv takes for an integer and JSON writes as null: refuse it. */
function nonFinite(value: unknown, location: Violation['location'], reported: Violation[]): Violation[] {
  if (value === null || typeof value !== 'object') return [];
  const found: Violation[] = [];
  for (const [name, coerced] of Object.entries(value)) {
    if (typeof coerced !== 'number' || Number.isFinite(coerced) || reported.some((v) => v.path[0] === name)) continue;
    found.push({ location, path: [name], rule: 'type', message: 'must be a finite number' });
  }
  return found;
}

/** Keywords whose failure only repeats what the failures of their sub-schemas already say. */
const SUMMARY_KEYWORDS = new Set(['anyOf', 'oneOf', 'allOf', 'if', 'then', 'else', '$ref']);

/**
 * Turns Ajv errors into one violation per offending field (the first failing rule of a field
 * wins: an item that is not a string is not also reported as outside the enum).
 */
export function toViolations(errors: ErrorObject[], location: Violation['location']): Violation[] {
  const relevant = errors.length > 1 ? errors.filter((e) => !SUMMARY_KEYWORDS.has(e.keyword)) : errors;
  const seen = new Set<string>();
  const violations: Violation[] = [];
  for (const error of relevant.length > 0 ? relevant : errors) {
    const violation = toViolation(error, location);
    const key = violation.path.join('/');
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push(violation);
  }
  return violations;
}

function toViolation(error: ErrorObject, location: Violation['location']): Violation {
  const path = splitPointer(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { location, path: [...path, String(params.missingProperty)], rule: 'required', message: 'is required' };
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const name = String(params.additionalProperty ?? params.unevaluatedProperty);
      return { location, path: [...path, name], rule: 'not_allowed', message: 'is not allowed' };
    }
    case 'enum':
      return {
        location,
        path,
        rule: 'enum',
        message: `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return { location, path, rule: 'const', message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'type':
      return { location, path, rule: 'type', message: `must be ${describeType(params.type)}` };
    default:
      return { location, path, rule: error.keyword, message: error.message ?? 'is invalid' };
  }
}

function describeType(type: unknown): string {
  const types = Array.isArray(type) ? type : String(type).split(',');
  const named = types.map((t) => (t === 'null' ? 'null' : t === 'array' || t === 'object' ? `an ${t}` : `a ${t}`));
  return named.join(' or ');
}

/** "/data/attributes/name" → ['data', 'attributes', 'name'], with JSON Pointer escapes undone. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** ['data', 'attributes', 'name'] → "/data/attributes/name". */
export function toPointer(path: string[]): string {
  return path.map((segment) => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}
