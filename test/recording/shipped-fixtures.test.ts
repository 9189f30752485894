import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_FIXTURES_DIR, loadFixtures, type FixtureFile } from '../../src/recording/fixture-files.js';
import { generateFixtures, GENERATION_TIME, type GenerateResult } from '../../src/recording/generate-fixtures.js';
import { REQUIRED_ERROR_STATUSES } from '../../src/recording/scenario-plan.js';
import { PROVIDERS } from '../../src/providers/registry.js';
import { DEFAULT_SPECS_DIR } from '../../src/server/create-app.js';
import { mountProvider, type MountedProvider } from '../../src/server/mounted-provider.js';

/** The fake credentials the generator authenticates with: none may reach a file. */
const GENERATOR_SECRETS = ['sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'PT0123', Buffer.from('bc949800-7b40-43cf-8438-a85facfcbdd1:PT0123').toString('base64'), '0123456789abcdef0123456789abcdef', 'nbj_test_token', '111111'];

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.json')).map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}

let shipped: FixtureFile[];
const mounted = new Map<string, MountedProvider>();
beforeAll(async () => {
  shipped = await loadFixtures(DEFAULT_FIXTURES_DIR);
  for (const definition of PROVIDERS) mounted.set(definition.slug, await mountProvider(definition, DEFAULT_SPECS_DIR));
});

describe('fixtures/ is in sync with the generator', () => {
  let outDir: string;
  let result: GenerateResult;
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'sipmock-generate-'));
    result = await generateFixtures({ outDir });
  }, 60_000);
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  test('a fresh run writes byte-identical files (run `npm run fixtures:generate` when this fails)', async () => {
    expect(result.warnings).toEqual([]);
    const generated = await listFiles(outDir);
    expect(generated).toEqual(await listFiles(DEFAULT_FIXTURES_DIR));
    for (const file of generated) {
      expect(await readFile(join(outDir, file), 'utf8'), file).toBe(await readFile(join(DEFAULT_FIXTURES_DIR, file), 'utf8'));
    }
    expect(Object.values(result.counts).reduce((a, b) => a + b, 0)).toBe(generated.length);
  });
});

describe('generateFixtures', () => {
  test('removes spec fixtures it no longer makes, and leaves recorded ones alone', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'sipmock-stale-'));
    try {
      const [sample] = shipped.filter((f) => f.fixture.meta.provider === 'nebrija');
      const stale = { ...sample.fixture, meta: { ...sample.fixture.meta, operationId: 'droppedOperation' } };
      const recorded = { ...stale, meta: { ...stale.meta, scenario: 'recorded-by-hand', source: 'recorded' } };
      await mkdir(join(outDir, 'nebrija', 'droppedOperation'), { recursive: true });
      await writeFile(join(outDir, 'nebrija/droppedOperation/happy-path.json'), JSON.stringify(stale));
      await writeFile(join(outDir, 'nebrija/droppedOperation/recorded-by-hand.json'), JSON.stringify(recorded));
      const result = await generateFixtures({ outDir, providers: ['nebrija'] });
      expect(result.removed).toEqual([join(outDir, 'nebrija/droppedOperation/happy-path.json')]);
      expect(await listFiles(join(outDir, 'nebrija/droppedOperation'))).toEqual(['recorded-by-hand.json']);
      expect(result.counts).toEqual({ nebrija: shipped.filter((f) => f.fixture.meta.provider === 'nebrija').length });
    } finally {
      await rm(outDir, { recursive: true, force: true });
    }
  });
});

describe('the shipped fixtures', () => {
  test('every file is in the fixture format, made from the spec of the current version, without drift', () => {
    expect(shipped.length).toBeGreaterThan(0);
    for (const { file, fixture } of shipped) {
      const provider = mounted.get(fixture.meta.provider)!;
      expect(relative(DEFAULT_FIXTURES_DIR, file)).toBe(join(fixture.meta.provider, fixture.meta.operationId, `${fixture.meta.scenario}.json`));
      expect(fixture.meta).toMatchObject({ source: 'spec', recordedAt: GENERATION_TIME, specVersion: provider.spec.document.info.version });
      expect(fixture.meta.drift, file).toBeUndefined();
    }
  });

  test('no file holds a credential or a JWT', async () => {
    for (const { file } of shipped) {
      const text = await readFile(file, 'utf8');
      for (const secret of GENERATOR_SECRETS) expect(text, file).not.toContain(secret);
      expect(text, file).not.toMatch(/eyJ[A-Za-z0-9_-]+\./);
    }
  });

  describe.each(PROVIDERS.map((p) => p.slug))('%s', (slug) => {
    test('every operation has a happy path and a fixture for each documented 400/401/403/404/409/422/500', () => {
      const provider = mounted.get(slug)!;
      const mine = shipped.map((f) => f.fixture).filter((f) => f.meta.provider === slug);
      const missing: string[] = [];
      for (const operation of provider.operations) {
        const fixtures = mine.filter((f) => f.meta.operationId === operation.operationId);
        const happy = fixtures.find((f) => f.meta.scenario === 'happy-path');
        if (!happy || happy.response.status !== operation.successStatus) missing.push(`${operation.operationId}: happy-path ${operation.successStatus}`);
        for (const status of REQUIRED_ERROR_STATUSES.filter((s) => operation.responses.has(s))) {
          if (!fixtures.some((f) => f.response.status === status)) missing.push(`${operation.operationId}: ${status}`);
        }
      }
      expect(missing).toEqual([]);
      // Nothing for an operation the spec does not have.
      expect(mine.filter((f) => !provider.operations.some((o) => o.operationId === f.meta.operationId))).toEqual([]);
    });
  });
});
