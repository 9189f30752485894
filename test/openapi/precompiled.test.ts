import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { createOperation } from '../../src/openapi/operation.js';
import { precompileSpecs } from '../../src/openapi/precompile.js';
import { precompiledKey, precompiledValidators, readPrecompiled } from '../../src/openapi/precompiled.js';
import { compileAtRuntime, toViolations, warmFormats } from '../../src/openapi/schema-validator.js';
import { allValidatorSpecs } from '../../src/openapi/validator-specs.js';
import { DEFAULT_SPECS_DIR, startSipmock } from '../../src/server/create-app.js';
import { createLogger } from '../../src/server/logger.js';

// Two shipped specs keep the build step of this test short; the whole suite runs on all five
// precompiled specs anyway (the tests load the build's dist/precompiled/).
const SPECS = ['nebrija.openapi.yaml', 'signalwire.openapi.yaml'];
let specsDir: string;
let outDir: string;

beforeAll(async () => {
  specsDir = await mkdtemp(join(tmpdir(), 'sipmock-specs-'));
  outDir = await mkdtemp(join(tmpdir(), 'sipmock-precompiled-'));
  for (const file of SPECS) await copyFile(join(DEFAULT_SPECS_DIR, file), join(specsDir, file));
  await precompileSpecs(specsDir, outDir);
}, 60_000);

afterAll(async () => {
  await rm(specsDir, { recursive: true, force: true });
  await rm(outDir, { recursive: true, force: true });
});

/** Values that exercise a schema: the spec's examples, and those examples broken field by field. */
function samples(examples: unknown[]): unknown[] {
  const values: unknown[] = [null, {}, [], 'text', 42, true];
  for (const example of examples) {
    values.push(example);
    if (!example || typeof example !== 'object' || Array.isArray(example)) continue;
    for (const [name, value] of Object.entries(example)) {
      values.push({ ...example, [name]: typeof value === 'string' ? 12345 : 'not-the-type' });
      const { [name]: _dropped, ...rest } = example as Record<string, unknown>;
      values.push(rest);
    }
  }
  return values;
}

describe.each(SPECS)('precompiled validators of %s', (file) => {
  test('give the same verdict and the same violations as validators Ajv compiles at run time', async () => {
    const text = await readFile(join(specsDir, file), 'utf8');
    const key = precompiledKey(text);
    const precompiled = (await readPrecompiled(key, outDir))!;
    expect(precompiled).toBeDefined();
    const fromBuild = precompiledValidators(key, precompiled, outDir);
    let compared = 0;
    for (const operation of precompiled.operations) {
      const examples = [
        ...(operation.request?.body?.contents ?? []).flatMap((c) => c.examples ?? []),
        ...operation.responses.flatMap((r) => (r.contents ?? []).flatMap((c) => c.examples ?? [])),
      ].flatMap((e) => ('value' in e ? [e.value] : []));
      for (const spec of allValidatorSpecs(operation)) {
        const built = fromBuild(spec);
        const runtime = compileAtRuntime(spec);
        expect(built, `${spec.key} was precompiled`).not.toBe(runtime);
        for (const value of samples(examples)) {
          // Parameter validators coerce in place: give each its own copy.
          const [a, b] = [structuredClone(value), structuredClone(value)];
          const verdict = built(a);
          expect(runtime(b), spec.key).toBe(verdict);
          if (!verdict) expect(toViolations(built.errors ?? [], 'body'), spec.key).toEqual(toViolations(runtime.errors ?? [], 'body'));
          expect(a).toEqual(b);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  test('list the string formats their schemas check, so that a start runs them before any request does', async () => {
    const text = await readFile(join(specsDir, file), 'utf8');
    const precompiled = (await readPrecompiled(precompiledKey(text), outDir))!;
    const named = new Set([...text.matchAll(/^\s*format: ['"]?([\w-]+)/gm)].map((match) => match[1]));
    const { fullFormats } = (await import('ajv-formats/dist/formats.js')) as unknown as { fullFormats: Record<string, unknown> };
    const known = [...named].filter((name) => Object.hasOwn(fullFormats, name)).sort();
    expect(known.length).toBeGreaterThan(0);
    expect(precompiled.formats).toEqual(known);
    // Every shape ajv-formats gives a format (function, RegExp, { validate }, boolean) is run, and unknown names are skipped.
    expect(() => warmFormats([...Object.keys(fullFormats), 'no-such-format'])).not.toThrow();
  });

  test('are what loadSpec uses for the unchanged spec', async () => {
    const loaded = await loadSpec(join(specsDir, file), { precompiledDir: outDir });
    expect(loaded.source).toBe('precompiled');
  });
});

describe('a changed spec under the same name', () => {
  const CREATE = { name: 'PBX', gateways: [{ ipOrDomain: 'sip.example.com' }], advanced: { transport: 'udp' } };
  let changedDir: string;

  beforeAll(async () => {
    changedDir = await mkdtemp(join(tmpdir(), 'sipmock-changed-'));
    const text = await readFile(join(specsDir, 'nebrija.openapi.yaml'), 'utf8');
    expect(text).toContain('enum: [auto, udp, tcp, tls]');
    await writeFile(join(changedDir, 'nebrija.openapi.yaml'), text.replace('enum: [auto, udp, tcp, tls]', 'enum: [auto, tcp, tls]'));
  });
  afterAll(() => rm(changedDir, { recursive: true, force: true }));

  test('is not given the code precompiled for its old text: its new rules apply', async () => {
    const before = await loadSpec(join(specsDir, 'nebrija.openapi.yaml'), { precompiledDir: outDir });
    const after = await loadSpec(join(changedDir, 'nebrija.openapi.yaml'), { precompiledDir: outDir });
    expect(before.source).toBe('precompiled');
    expect(after.source).not.toBe('precompiled');
    const create = (spec: typeof before) => createOperation(spec.operations.find((o) => o.iid === 'createSipTrunk')!);
    const parts = { pathParams: {}, query: {}, body: CREATE, mediaType: 'application/json' };
    expect(create(before).validateRequest(parts)).toEqual([]);
    expect(create(after).validateRequest(parts)).toEqual([
      expect.objectContaining({ location: 'body', path: ['advanced', 'transport'], rule: 'enum' }),
    ]);
  });

  test('is served by a real server with its new rules, the shipped spec with the old ones', async () => {
    const statusFor = async (dir: string | undefined) => {
      const server = await startSipmock({ port: 0, providers: ['nebrija'], specsDir: dir, logger: createLogger({ quiet: true }) });
      try {
        const response = await fetch(`${server.url}/nebrija/api/v1/sip-trunks`, {
          method: 'POST',
          headers: { authorization: 'Bearer nbj_test', 'content-type': 'application/json' },
          body: JSON.stringify(CREATE),
        });
        await response.arrayBuffer();
        return response.status;
      } finally {
        await server.close();
      }
    };
    expect(await statusFor(undefined)).toBe(201);
    expect(await statusFor(changedDir)).toBe(400);
  });
});
