import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/cli/commands/verify-run.js';
import type { Fixture } from '../../src/recording/fixture.js';
import { DEFAULT_FIXTURES_DIR, saveFixture } from '../../src/recording/fixture-files.js';
import { verifyFixtures, type VerifyReport } from '../../src/recording/verify.js';
import { runInProcess } from '../helpers/cli-process.js';
import { generateSampleFixtures, hasShippedFixtures } from './sample-fixtures.js';
import { EDITS, writeCandidate, type SpecEdit } from './spec-edits.js';

const SIPPET_PROVIDERS = 'must be one of: "twilio", "telnyx", "plivo", "bandwidth", "generic"';
const ENCRYPTIONS = 'must be one of: "required", "optional"';
const DELETE_POP_GONE = 'operation deletePop no longer exists; DELETE /api/rest/admin/pops/9 routes to no operation';

/** Per edit: every fixture that must FAIL, with all of its problems as the table prints them. */
const CASES: Array<[keyof typeof EDITS, Record<string, string[]>]> = [
  [
    'sippetProviderLosesVonage',
    {
      'sippet/createGateway/happy-path': [`request /data/attributes/provider enum: ${SIPPET_PROVIDERS}`, `response /data/attributes/provider enum: ${SIPPET_PROVIDERS}`],
      'sippet/deleteGateway/happy-path': [`response /data/attributes/provider enum: ${SIPPET_PROVIDERS}`],
      'sippet/getGateway/happy-path': [`response /data/attributes/provider enum: ${SIPPET_PROVIDERS}`],
      'sippet/listGateways/happy-path': [`response /data/0/attributes/provider enum: ${SIPPET_PROVIDERS}`],
      'sippet/updateGateway/happy-path': [`response /data/attributes/provider enum: ${SIPPET_PROVIDERS}`],
    },
  ],
  [
    'signalwireEncryptionLosesDefault',
    {
      'signalwire/create_sip_gateway/encryption-default': [`request /encryption enum: ${ENCRYPTIONS}`, `response /sip_gateway/encryption enum: ${ENCRYPTIONS}`],
      'signalwire/list_sip_gateways/happy-path': [`response /data/1/sip_gateway/encryption enum: ${ENCRYPTIONS}`],
    },
  ],
  // The 401 fixture sends the same body, but a refused request is not checked against the request schema.
  ['nebrijaCreateRequiresAdvanced', { 'nebrija/createSipTrunk/happy-path': ['request /advanced required: is required'] }],
  [
    'voicetelRenamesIp',
    { 'voicetel/gatewaysAdd/happy-path': ['response /gateways/0/ip required: is required', 'response /gateways/0/IP not_allowed: is not allowed'] },
  ],
  ['yetiDropsDeletePop', { 'yeti/deletePop/missing-credentials': [DELETE_POP_GONE], 'yeti/deletePop/unknown-id': [DELETE_POP_GONE] }],
  [
    'yetiRenamesDeletePop',
    Object.fromEntries(
      ['missing-credentials', 'unknown-id'].map((s) => [`yeti/deletePop/${s}`, ['operation deletePop no longer exists; DELETE /api/rest/admin/pops/9 now routes to destroyPop']]),
    ),
  ],
  [
    'voicetelMovesAddToV22',
    Object.fromEntries(
      ['happy-path', 'missing-credentials'].map((s) => [`voicetel/gatewaysAdd/${s}`, ['route POST /v2.1/gateways/add/ no longer routes to it (POST /v2.2/gateways/add/)']]),
    ),
  ],
  ['nebrijaAddsOptionalNotes', {}],
  ['yetiCreatePopAnswers200', { 'yeti/createPop/happy-path': ['status 201 is not documented; documented: 200, 400, 401, 406, 415, 422, 500'] }],
  ['nebrijaPortBecomesString', { 'nebrija/createSipTrunk/happy-path': ['request /gateways/0/port type: must be a string'] }],
];

function failures(report: VerifyReport): Record<string, string[]> {
  return Object.fromEntries(report.results.filter((r) => r.verdict !== 'ok').map((r) => [r.fixture, r.problems.map(formatProblem)]));
}

let work: string;
let sample: string;
let sampleFixtures: Fixture[];
const candidates = new Map<string, string>();

async function candidate(key: keyof typeof EDITS): Promise<string> {
  if (!candidates.has(key)) candidates.set(key, await writeCandidate(await mkdtemp(join(work, `${key}-`)), EDITS[key] as SpecEdit));
  return candidates.get(key)!;
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'sipmock-verify-'));
  sample = join(work, 'fixtures');
  sampleFixtures = await generateSampleFixtures(sample);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('verifyFixtures', () => {
  test('passes every shipped fixture (the generated sample while fixtures/ is empty) against the unchanged specs', async () => {
    const shipped = await hasShippedFixtures();
    const report = await verifyFixtures({ fixturesDir: shipped ? DEFAULT_FIXTURES_DIR : sample });
    expect(failures(report)).toEqual({});
    expect(report.ok).toBe(true);
    if (!shipped) expect(report.total).toBe(sampleFixtures.length);
    expect(report.total).toBeGreaterThan(0);
  });

  test.each(CASES)('catches the edit %s and names each broken rule', async (key, expected) => {
    const edit = EDITS[key] as SpecEdit;
    const report = await verifyFixtures({ fixturesDir: sample, providers: [edit.slug], specs: { [edit.slug]: await candidate(key) } });
    expect(failures(report)).toEqual(expected);
    expect(report.failed).toBe(Object.keys(expected).length);
    expect(report.ok).toBe(report.failed === 0);
    expect(report.total).toBe(sampleFixtures.filter((f) => f.meta.provider === edit.slug).length);
  });

  test('marks a fixture drift-known when meta.drift records every problem, and FAIL when it records only some', async () => {
    const original = sampleFixtures.find((f) => f.meta.operationId === 'gatewaysAdd' && f.meta.scenario === 'happy-path')!;
    // As the recorder writes drift: `<side>.<location>`, the pointer, the rule.
    const ipNotAllowed = { location: 'response.body', pointer: '/gateways/0/IP', rule: 'not_allowed', message: 'is not allowed' };
    const ipRequired = { location: 'body', pointer: '/gateways/0/ip', rule: 'required', message: 'is required' };
    const dir = join(work, 'drift');
    const save = (scenario: string, drift: NonNullable<Fixture['meta']['drift']>) => saveFixture(dir, { ...original, meta: { ...original.meta, scenario, drift } });
    await save('all-known', [ipNotAllowed, ipRequired]);
    await save('one-known', [ipNotAllowed]);
    await save('other-side', [{ ...ipNotAllowed, location: 'request.body' }, ipRequired]);
    const report = await verifyFixtures({ fixturesDir: dir, providers: ['voicetel'], specs: { voicetel: await candidate('voicetelRenamesIp') } });
    expect(report.results.map((r) => [r.fixture, r.verdict, r.problems.map((p) => `${p.pointer} ${p.known}`)])).toEqual([
      ['voicetel/gatewaysAdd/all-known', 'drift-known', ['/gateways/0/ip true', '/gateways/0/IP true']],
      ['voicetel/gatewaysAdd/one-known', 'FAIL', ['/gateways/0/ip false', '/gateways/0/IP true']],
      ['voicetel/gatewaysAdd/other-side', 'FAIL', ['/gateways/0/ip true', '/gateways/0/IP false']],
    ]);
    expect(report).toMatchObject({ ok: false, total: 3, failed: 2 });
  });

  test('accepts secret placeholders where the spec wants a real secret, and checks the same field otherwise', async () => {
    const original = sampleFixtures.find((f) => f.meta.operationId === 'accountApikey' && f.meta.scenario === 'happy-path')!;
    expect(original.response.body).toMatchObject({ apikey: '<redacted:apikey>' });
    const dir = join(work, 'placeholders');
    await saveFixture(dir, original);
    await saveFixture(dir, { ...original, response: { ...original.response, body: { ...(original.response.body as object), apikey: 'not-a-key' } }, meta: { ...original.meta, scenario: 'real-value' } });
    const report = await verifyFixtures({ fixturesDir: dir, providers: ['voicetel'] });
    expect(failures(report)).toEqual({ 'voicetel/accountApikey/real-value': ['response /apikey pattern: must match pattern "^[0-9a-f]{32}$"'] });
  });

  test('lets an error fixture carry a malformed id, but not a fixture the operation answered', async () => {
    const malformed = sampleFixtures.find((f) => f.meta.operationId === 'getGateway' && f.meta.scenario === 'malformed-id')!;
    const happy = sampleFixtures.find((f) => f.meta.operationId === 'getGateway' && f.meta.scenario === 'happy-path')!;
    // AshJsonApi's get route refuses an id that is not a uuid with 400 invalid_query (json_schema.ex href_schema).
    expect(malformed.response.status).toBe(400);
    const dir = join(work, 'malformed-id');
    await saveFixture(dir, malformed);
    await saveFixture(dir, { ...happy, request: { ...happy.request, path: malformed.request.path }, meta: { ...happy.meta, scenario: 'answered' } });
    const report = await verifyFixtures({ fixturesDir: dir, providers: ['sippet'] });
    expect(failures(report)).toEqual({ 'sippet/getGateway/answered': ['path /id format: must match format "uuid"'] });
  });

  test('refuses an unknown provider and a --spec for a provider that is not verified', async () => {
    await expect(verifyFixtures({ fixturesDir: sample, providers: ['twillio'] })).rejects.toThrow('unknown provider twillio; known: sippet, signalwire, voicetel, nebrija, yeti');
    await expect(verifyFixtures({ fixturesDir: sample, providers: ['yeti'], specs: { voicetel: 'x.yaml' } })).rejects.toThrow('--spec names voicetel, which is not being verified');
  });
});

describe('sipmock verify (CLI)', () => {
  test('prints the table, progress lines on stderr, and exits 1 when a fixture fails', async () => {
    const file = await candidate('voicetelRenamesIp');
    const result = await runInProcess(['verify', 'voicetel', '--spec', `voicetel=${file}`, '--fixtures', sample]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^FIXTURE +VERDICT +PROBLEMS$/);
    const row = lines.findIndex((line) => line.startsWith('voicetel/gatewaysAdd/happy-path '));
    expect(lines[row]).toMatch(/^voicetel\/gatewaysAdd\/happy-path +FAIL +response \/gateways\/0\/ip required: is required$/);
    expect(lines[row + 1]).toMatch(/^ +response \/gateways\/0\/IP not_allowed: is not allowed$/);
    expect(lines).toContainEqual(expect.stringMatching(/^voicetel\/gatewaysList\/happy-path +ok$/));
    expect(lines.at(-1)).toBe('24 fixture(s): 23 ok, 0 drift-known, 1 FAIL');
    expect(result.stderr).toBe('sipmock verify: voicetel 24 fixture(s), 1 FAIL\n');
  });

  test('--json prints the machine-readable report', async () => {
    const file = await candidate('yetiDropsDeletePop');
    const result = await runInProcess(['verify', 'yeti', '--spec', `yeti=${file}`, '--fixtures', sample, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as VerifyReport;
    expect(report).toMatchObject({ ok: false, total: 77, failed: 2 });
    expect(report.results.filter((r) => r.verdict === 'FAIL')).toEqual(
      ['missing-credentials', 'unknown-id'].map((scenario) => ({
        fixture: `yeti/deletePop/${scenario}`,
        file: join(sample, 'yeti', 'deletePop', `${scenario}.json`),
        verdict: 'FAIL',
        problems: [{ where: 'operation', pointer: '', rule: 'operation-removed', message: DELETE_POP_GONE.replace('operation ', ''), known: false }],
      })),
    );
  });

  test('exits 0 with --json when every fixture passes', async () => {
    const result = await runInProcess(['verify', 'nebrija', '--spec', `nebrija=${await candidate('nebrijaAddsOptionalNotes')}`, '--fixtures', sample, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, total: 10, failed: 0 });
  });

  test('exits 1 and names the problem for an unknown provider or a malformed --spec', async () => {
    const unknown = await runInProcess(['verify', 'twillio', '--fixtures', sample]);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toBe('sipmock: Invalid configuration: unknown provider twillio; known: sippet, signalwire, voicetel, nebrija, yeti\n');
    const malformed = await runInProcess(['verify', '--spec', 'voicetel']);
    expect(malformed.code).toBe(1);
    expect(malformed.stderr).toContain("option '--spec <slug=path>' argument 'voicetel' is invalid. expected <slug>=<path>");
  });
});
