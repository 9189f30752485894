import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { IHttpOperation } from '@stoplight/types';
import type { OpenAPIV3_1 } from 'openapi-types';
import { MockError } from '../errors.js';
import { compileInBackground } from './background-compile.js';
import { useValidators } from './operation.js';
import { precompiledKey, precompiledValidators, readPrecompiled } from './precompiled.js';

const require = createRequire(import.meta.url);

/**
 * Specs the build did not precompile (precompiled.ts) are cached by their content and the
 * prism-http version once loaded: parsing YAML and converting it costs most of a cold start, and a
 * cached model skips loading prism-http at all.
 */
const CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/sipmock/', import.meta.url));
const CACHE_KEY = `sipmock-spec-cache-1 prism-http@${(require('@stoplight/prism-http/package.json') as { version: string }).version}`;

/** JSON Schema 2020-12: the only dialect our 3.1 specs may declare (see prism-notes 3.8). */
export const JSON_SCHEMA_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/** The OpenAPI 3.1 base dialect URI: Ajv cannot compile it, and Prism then silently validates nothing. */
const OAS_BASE_DIALECT = /^https:\/\/spec\.openapis\.org\/oas\/3\.1\/dialect\//;

/** An OpenAPI 3.1 document as parsed, with the `x-` extensions sipmock reads. */
export type SpecDocument = OpenAPIV3_1.Document & {
  jsonSchemaDialect?: string;
  info: OpenAPIV3_1.InfoObject & { [extension: `x-${string}`]: unknown };
};

export type LoadedSpec = {
  file: string;
  document: SpecDocument;
  operations: IHttpOperation[];
  /** Where the model came from: the build's precompiled files, the cache, or parsing just now. */
  source?: 'precompiled' | 'cache' | 'parsed';
};

type OperationsModule = { getHttpOperationsFromSpec(spec: unknown): Promise<IHttpOperation[]> };

/**
 * Loads one OpenAPI document into prism-http's operation model: what the build generated for this
 * exact text when there is one (its validators come with it), else from the cache when the same
 * spec was loaded before, else by parsing it.
 * Only prism-http's spec loader is imported, not its whole engine: it costs a third of the time
 * and of the memory, which keeps cold start short.
 */
export async function loadSpec(file: string, options: { precompiledDir?: string } = {}): Promise<LoadedSpec> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new MockError('MOCK_ERR_SPEC_UNREADABLE', { file, why: error.message });
  });
  const key = precompiledKey(text);
  const precompiled = await readPrecompiled(key, options.precompiledDir);
  if (precompiled) {
    const validators = precompiledValidators(key, precompiled, options.precompiledDir);
    for (const operation of precompiled.operations) useValidators(operation, validators);
    return { file, document: precompiled.document as SpecDocument, operations: precompiled.operations, source: 'precompiled' };
  }
  const loaded = await loadUnseen(file, text);
  const validators = compileInBackground(loaded.operations);
  for (const operation of loaded.operations) useValidators(operation, validators);
  return loaded;
}

/** A spec the build did not see: from the cache when it was loaded before, else parsed (and cached). */
async function loadUnseen(file: string, text: string): Promise<LoadedSpec> {
  const cacheFile = join(CACHE_DIR, `${createHash('sha256').update(`${CACHE_KEY}\0${text}`).digest('hex')}.json`);
  const cached = await readFile(cacheFile, 'utf8').then((json) => JSON.parse(json) as Omit<LoadedSpec, 'file'>, () => undefined);
  if (cached) return { file, ...cached, source: 'cache' };
  const loaded = await parseSpec(file, text);
  // The cache is an optimisation only: a read-only install just loads the slow way every time.
  await mkdir(CACHE_DIR, { recursive: true })
    .then(() => writeFile(`${cacheFile}.${process.pid}.tmp`, JSON.stringify({ document: loaded.document, operations: loaded.operations })))
    .then(() => rename(`${cacheFile}.${process.pid}.tmp`, cacheFile))
    .catch(() => undefined);
  return loaded;
}

/** Parses and converts a spec's text (no cache): what loadSpec does for a spec it has not seen. */
export async function parseSpec(file: string, text: string): Promise<LoadedSpec> {
  let document: SpecDocument;
  try {
    // Loaded here only: precompiled and cached specs need no YAML parser.
    const { parse: parseYaml } = require('yaml') as typeof import('yaml');
    document = parseYaml(text) as SpecDocument;
  } catch (error) {
    throw new MockError('MOCK_ERR_SPEC_UNREADABLE', { file, why: (error as Error).message });
  }
  checkDialect(file, document);
  const { getHttpOperationsFromSpec } = require('@stoplight/prism-http/dist/utils/operations') as OperationsModule;
  // prism-http mutates nothing we keep, but give it a copy: the document is also used for fixtures and diffs.
  const operations = await getHttpOperationsFromSpec(structuredClone(document));
  return { file, document, operations, source: 'parsed' };
}

function checkDialect(file: string, document: SpecDocument): void {
  if (typeof document?.openapi !== 'string') {
    throw new MockError('MOCK_ERR_SPEC_UNREADABLE', { file, why: 'it has no `openapi` version field' });
  }
  const dialect = document.jsonSchemaDialect;
  if (document.openapi.startsWith('3.1') && (dialect === undefined || OAS_BASE_DIALECT.test(dialect))) {
    throw new MockError('MOCK_ERR_SPEC_DIALECT', { file, dialect: dialect ?? '(none)' });
  }
}
