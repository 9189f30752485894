import { createRequire } from 'node:module';
import type { Ajv2020, ErrorObject, Options, ValidateFunction } from 'ajv/dist/2020.js';
import type { Violation } from '../errors.js';
import type { ValidatorFlavour, ValidatorSpec } from './validator-specs.js';

export type SchemaValidator = (value: unknown) => Violation[];

/** Turns a validator spec into a compiled function: code generated at build time, or Ajv now. */
export type ValidatorSource = (spec: ValidatorSpec) => ValidateFunction;

const require = createRequire(import.meta.url);

/**
 * Ajv for JSON Schema 2020-12, the dialect every spec declares. `strict: false` because prism-http
 * stamps `x-stoplight` and OpenAPI keeps `example`/`xml` keywords inside schemas; `allErrors`
 * so that every failing field gets its own entry, as providers report them.
 * Parameters come in as strings, so their validator coerces ("5" → 5) in place.
 * The build's precompiled validators are keyed by these options (see precompiled.ts).
 */
export const AJV_OPTIONS: Options = { strict: false, allErrors: true, validateFormats: true, discriminator: false };

/**
 * Ajv is loaded on first use: validators of the shipped specs are generated at build time, so a
 * server that serves only those never loads it.
 */
export function createAjv(options: { coerceTypes?: boolean; source?: boolean } = {}): Ajv2020 {
  const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as typeof import('ajv-formats');
  const ajv = new AjvClass({ ...AJV_OPTIONS, coerceTypes: options.coerceTypes ?? false, code: { source: options.source ?? false } });
  addFormats.default(ajv);
  return ajv;
}

/** One string each format of ajv-formats' full mode is likely to accept: its checks run to the end. */
const FORMAT_SAMPLES = ['https://example.com/a/b?c=d#e', '2024-05-06T12:20:00Z', 'ops@example.com', '192.168.0.1', '2001:db8::1', '00000000-0000-4000-8000-000000000000', '/a/b'];

type FormatCheck = ((text: string) => boolean) | RegExp | { validate?: ((text: string) => boolean) | RegExp } | boolean;

/**
 * Runs each named format of ajv-formats on sample strings, twice: V8 compiles a regular expression
 * on its first run and compiles it again to machine code on the next, and `uri`'s costs about 4 ms.
 * Done while the server starts, it is not paid by the first request that checks a URI. Formats
 * ajv-formats does not know are skipped.
 */
export function warmFormats(names: readonly string[]): void {
  if (names.length === 0) return;
  const { fullFormats } = require('ajv-formats/dist/formats') as { fullFormats: Record<string, FormatCheck | undefined> };
  for (const name of names) {
    if (!Object.hasOwn(fullFormats, name)) continue;
    const check = toCheck(fullFormats[name]);
    for (let round = 0; round < 2; round++) for (const sample of FORMAT_SAMPLES) check?.(sample);
  }
}

function toCheck(format: FormatCheck | undefined): ((text: string) => boolean) | undefined {
  const inner = typeof format === 'object' && !(format instanceof RegExp) ? format.validate : format;
  if (typeof inner === 'function') return inner;
  if (inner instanceof RegExp) return (text) => inner.test(text);
  return undefined;
}

const runtimeAjv: Partial<Record<ValidatorFlavour, Ajv2020>> = {};

/** The fallback for specs the build did not see: Ajv compiles at run time, one instance per flavour. */
export const compileAtRuntime: ValidatorSource = (spec) => {
  const ajv = (runtimeAjv[spec.flavour] ??= createAjv({ coerceTypes: spec.flavour === 'parameters' }));
  return ajv.compile(spec.schema);
};

/** Compiles a schema once into a function that returns violations located at `location`. */
export function compileSchema(
  ajv: Ajv2020,
  schema: object,
  location: Violation['location'],
): SchemaValidator {
  return toSchemaValidator(ajv.compile(schema), location);
}

/**
 * Wraps a compiled Ajv function (compiled now, or precompiled at build time) so that it returns
 * violations located at `location`. Parameters are coerced from strings, so they are also checked
 * for the non-finite numbers coercion can make.
 */
export function toSchemaValidator(validate: ValidateFunction, location: Violation['location']): SchemaValidator {
  if (location === 'body') return (value) => (validate(value) ? [] : toViolations(validate.errors ?? [], location));
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
