import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IHttpOperation } from '@stoplight/types';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { AJV_OPTIONS, compileAtRuntime, warmFormats, type ValidatorSource } from './schema-validator.js';
import type { ValidatorFlavour } from './validator-specs.js';

const require = createRequire(import.meta.url);
const version = (name: string) => (require(`${name}/package.json`) as { version: string }).version;

/**
 * What `npm run build` generates for every spec in specs/ (scripts/precompile.mjs): the operation
 * model and the spec's Ajv validators as standalone code, so that neither a start nor a first
 * request pays for parsing or compiling. Files are named by the hash of the spec's text and of
 * everything that shapes the output, so a changed spec (or engine) never meets stale code: it is
 * not found, and sipmock loads and compiles it at run time instead.
 */
export const PRECOMPILED_DIR = fileURLToPath(new URL('../../dist/precompiled/', import.meta.url));

/** Bump when the model or the validator keys change shape. */
const FORMAT = 'sipmock-precompiled-2';

export function precompiledKey(text: string): string {
  const engine = `prism-http@${version('@stoplight/prism-http')} ajv@${version('ajv')} ajv-formats@${version('ajv-formats')}`;
  return createHash('sha256').update(`${FORMAT} ${engine} ${JSON.stringify(AJV_OPTIONS)}\0${text}`).digest('hex');
}

/** The JSON file beside the validators: the model and which export validates what. */
export type PrecompiledSpec = {
  document: unknown;
  operations: IHttpOperation[];
  /** Validator key (validator-specs.ts) → [flavour, export name]. */
  validators: Record<string, [ValidatorFlavour, string]>;
  /** The string formats its schemas name (`uri`, `date-time`, …), sorted. */
  formats: string[];
};

/** The generated module: one factory per flavour, each returning its validators by export name. */
type ValidatorModule = Record<ValidatorFlavour, (require: NodeJS.Require) => Record<string, ValidateFunction>>;

export async function readPrecompiled(key: string, dir = PRECOMPILED_DIR): Promise<PrecompiledSpec | undefined> {
  const json = await readFile(join(dir, `${key}.json`), 'utf8').catch(() => undefined);
  return json === undefined ? undefined : (JSON.parse(json) as PrecompiledSpec);
}

/**
 * The validators of one precompiled spec. Its code is loaded and run now, while the server starts,
 * and the string formats it checks are run on samples (warmFormats), so that a first request
 * neither parses nor compiles anything; a key the build did not see is compiled at run time.
 */
export function precompiledValidators(key: string, { validators: index, formats }: Pick<PrecompiledSpec, 'validators' | 'formats'>, dir = PRECOMPILED_DIR): ValidatorSource {
  const module = require(join(dir, `${key}.cjs`)) as ValidatorModule;
  warmFormats(formats);
  const compiled: Record<ValidatorFlavour, Record<string, ValidateFunction>> = { parameters: module.parameters(require), body: module.body(require) };
  return (spec) => {
    const entry = index[spec.key];
    const found = entry && entry[0] === spec.flavour ? compiled[spec.flavour][entry[1]] : undefined;
    return found ?? compileAtRuntime(spec);
  };
}
