import { createRequire } from 'node:module';
import type { IHttpOperation } from '@stoplight/types';
import { stableHash } from './stable-hash.js';

/**
 * The one place that touches prism-http's engine internals and fp-ts. It turns Prism's data
 * generators (json-schema-faker for dynamic data, json-schema-sampler for static data) into plain
 * functions. The engine is loaded on first use only: most requests are answered from examples and
 * state, and loading it costs about half a second.
 */

type Either<E, A> = { _tag: 'Left'; left: E } | { _tag: 'Right'; right: A };
type GeneratorModule = {
  generate(resource: unknown, bundle: unknown, schema: unknown, seed?: string): Either<Error, unknown>;
  generateStatic(resource: unknown, schema: unknown): Either<Error, unknown>;
};
type JsonSchemaFaker = { JSONSchemaFaker: { option(options: Record<string, unknown>): void } };
type Faker = { faker: { seed(seed?: number): void } };

const require = createRequire(import.meta.url);
let generator: GeneratorModule | undefined;
let prismFaker: Faker['faker'] | undefined;
let jsf: JsonSchemaFaker['JSONSchemaFaker'] | undefined;

const GENERATOR = '@stoplight/prism-http/dist/mocker/generator/JSONSchema';

function loadGenerator(): GeneratorModule {
  if (generator) return generator;
  // Resolve json-schema-faker and faker from prism-http's own directory: a top-level copy of
  // another version would be a different instance (prism-notes 3.7).
  const fromPrism = createRequire(require.resolve(GENERATOR));
  useEnglishOnlyFaker(fromPrism);
  generator = require(GENERATOR) as GeneratorModule;
  // fillProperties adds random junk keys to every object that does not forbid them.
  jsf = (fromPrism('json-schema-faker') as JsonSchemaFaker).JSONSchemaFaker;
  jsf.option({ fillProperties: false });
  prismFaker = (fromPrism('@faker-js/faker') as Faker).faker;
  return generator;
}

/**
 * prism-http's generator loads faker's main entry, which builds every locale (about 30 MiB and
 * a third of a second) for a faker that only ever speaks English. faker's `locale/en` entry is the
 * same Faker with the English locale alone, so it stands in for the main entry in the module cache
 * before the generator loads: the data stays prism-http's, at a fraction of the memory.
 */
function useEnglishOnlyFaker(fromPrism: NodeJS.Require): void {
  const main = fromPrism.resolve('@faker-js/faker');
  if (require.cache[main]) return;
  const english = fromPrism('@faker-js/faker/locale/en') as unknown;
  require.cache[main] = { id: main, filename: main, loaded: true, exports: { default: english, faker: english } } as unknown as NodeJS.Module;
}

export type GenerateResult = { ok: true; value: unknown } | { ok: false; error: Error };

/**
 * Generates a value for `schema`: realistic random data (dynamic), or the deterministic
 * schema sample Prism's static mode gives. With a seed the dynamic value is the same every time.
 */
export function generateFromSchema(
  operation: IHttpOperation,
  schema: object,
  options: { dynamic: boolean; seed?: string },
): GenerateResult {
  const engine = loadGenerator();
  if (!options.dynamic) return unwrap(engine.generateStatic(operation, schema));
  // Prism only seeds json-schema-faker's random source; seed faker too, so x-faker values and
  // formats drawn from faker are stable. Without a seed, reset both so a previous seed never leaks.
  prismFaker?.seed(options.seed === undefined ? undefined : stableHash(options.seed));
  if (options.seed === undefined) jsf?.option({ random: Math.random });
  return unwrap(
    engine.generate(operation, (operation as { __bundled__?: unknown }).__bundled__, schema, options.seed),
  );
}

function unwrap(result: Either<Error, unknown>): GenerateResult {
  return result._tag === 'Right' ? { ok: true, value: result.right } : { ok: false, error: result.left };
}

type PrismDiagnostic = { code?: string | number; message: string; path?: Array<string | number>; severity: number };
type PrismOutput = { output: { statusCode: number }; validations: { input: PrismDiagnostic[] } };
type PrismInstance = { request(input: unknown, operations: IHttpOperation[]): () => Promise<Either<Error, PrismOutput>> };

export type PrismCheckRequest = {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: unknown;
};

export type PrismCheckResult =
  | { ok: true; status: number; errors: Array<{ path: string[]; code: string; message: string }> }
  | { ok: false; error: Error };

/**
 * Runs one request through prism-http's own pipeline (routing, request validation, mocking), with
 * security checks off, and returns the Error-severity input diagnostics it reports. This is Prism's
 * opinion of a request, used to prove that our specs drive Prism's validation (3.1 dialect pitfalls
 * make it silently validate nothing otherwise).
 */
export async function checkWithPrism(operations: IHttpOperation[], request: PrismCheckRequest): Promise<PrismCheckResult> {
  const prism = require('@stoplight/prism-http') as { createInstance(config: unknown, components: unknown): PrismInstance };
  const { createLogger } = require('@stoplight/prism-core') as { createLogger(name: string, options: unknown): unknown };
  const instance = prism.createInstance(
    { mock: { dynamic: false }, validateRequest: true, validateResponse: false, checkSecurity: false, errors: false },
    { logger: createLogger('sipmock-prism', { level: 'silent' }) },
  );
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  const headers: Record<string, string> = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  const result = await instance.request(
    { method: request.method.toLowerCase(), url: { path: request.path, query: request.query ?? {} }, headers, body: request.body },
    operations,
  )();
  if (result._tag === 'Left') return { ok: false, error: result.left };
  // Severity 0 is DiagnosticSeverity.Error in @stoplight/types.
  const errors = result.right.validations.input
    .filter((d) => d.severity === 0)
    .map((d) => ({ path: (d.path ?? []).map(String), code: String(d.code ?? ''), message: d.message }));
  return { ok: true, status: result.right.output.statusCode, errors };
}
