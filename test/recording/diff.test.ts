import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SPECS_DIR } from '../../src/server/create-app.js';
import { diffSpecs } from '../../src/openapi/diff/diff-specs.js';
import { diffSchemas } from '../../src/openapi/diff/schema-diff.js';
import type { SchemaSide, SpecChange } from '../../src/openapi/diff/spec-change.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { runInProcess } from '../helpers/cli-process.js';
import { generateSampleFixtures } from './sample-fixtures.js';
import { EDITS, writeCandidate, type SpecEdit } from './spec-edits.js';

const SIPPET_BODY = 'request body application/vnd.api+json /data/attributes/provider enum-value-removed';
const sippetResponse = (status: number, pointer = '/data/attributes/provider') => `response ${status} application/vnd.api+json ${pointer} enum-value-removed`;
const SIGNALWIRE_OPERATIONS = ['list_sip_gateways', 'create_sip_gateway', 'get_sip_gateway', 'update_sip_gateway', 'delete_sip_gateway', 'list_sip_gateway_addresses'];
const BASIC = 'SignalWireBasicAuth (http basic)';
const BEARER = 'SignalWireBasicAuth (http bearer)';

/** Per edit: every change diff finds, as `kind operationId where [pointer] rule`. */
const CASES: Array<[keyof typeof EDITS, string[]]> = [
  [
    'sippetProviderLosesVonage',
    [
      'breaking listGateways query parameter filter[provider] enum-value-removed',
      `non-breaking listGateways ${sippetResponse(200, '/data/[]/attributes/provider')}`,
      `breaking createGateway ${SIPPET_BODY}`,
      `non-breaking createGateway ${sippetResponse(201)}`,
      `non-breaking getGateway ${sippetResponse(200)}`,
      `breaking updateGateway ${SIPPET_BODY}`,
      `non-breaking updateGateway ${sippetResponse(200)}`,
      `non-breaking deleteGateway ${sippetResponse(200)}`,
    ],
  ],
  [
    'signalwireEncryptionLosesDefault',
    [
      'non-breaking list_sip_gateways response 200 application/json /data/[]/sip_gateway/encryption enum-value-removed',
      'breaking create_sip_gateway request body application/json /encryption enum-value-removed',
      'non-breaking create_sip_gateway response 201 application/json /sip_gateway/encryption enum-value-removed',
      'non-breaking get_sip_gateway response 200 application/json /sip_gateway/encryption enum-value-removed',
      'breaking update_sip_gateway request body application/json /encryption enum-value-removed',
      'non-breaking update_sip_gateway response 200 application/json /sip_gateway/encryption enum-value-removed',
    ],
  ],
  ['nebrijaCreateRequiresAdvanced', ['breaking createSipTrunk request body application/json /advanced field-required']],
  [
    'voicetelRenamesIp',
    ['breaking gatewaysAdd response 200 application/json /gateways/[]/IP field-removed', 'additive gatewaysAdd response 200 application/json /gateways/[]/ip field-added'],
  ],
  ['yetiDropsDeletePop', ['breaking deletePop operation operation-removed']],
  ['yetiRenamesDeletePop', ['non-breaking deletePop operation operation-renamed']],
  ['voicetelMovesAddToV22', ['breaking gatewaysAdd operation path-changed']],
  ['nebrijaAddsOptionalNotes', ['additive createSipTrunk request body application/json /notes field-added']],
  ['yetiCreatePopAnswers200', ['breaking createPop response 201 status-removed', 'additive createPop response 200 status-added']],
  ['signalwireDropsBasicAuth', SIGNALWIRE_OPERATIONS.flatMap((id) => [`breaking ${id} auth auth-removed`, `additive ${id} auth auth-added`])],
  [
    'nebrijaPortBecomesString',
    // Once the type changed, the integer's minimum and maximum and the string's new pattern are not compared.
    ['createSipTrunk', 'updateSipTrunk'].map((id) => `breaking ${id} request body application/json /gateways/[]/port type-changed`),
  ],
];

const line = (c: SpecChange) => [c.kind, c.operationId, c.where, c.pointer, c.rule].filter(Boolean).join(' ');

let work: string;
let sample: string;

async function candidate(key: keyof typeof EDITS): Promise<string> {
  return writeCandidate(await mkdtemp(join(work, `${key}-`)), EDITS[key] as SpecEdit);
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'sipmock-diff-'));
  sample = join(work, 'fixtures');
  await generateSampleFixtures(sample);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('diffSpecs', () => {
  test.each(CASES)('classifies the edit %s', async (key, expected) => {
    const edit = EDITS[key] as SpecEdit;
    const diff = diffSpecs(await loadSpec(join(DEFAULT_SPECS_DIR, `${edit.slug}.openapi.yaml`)), await loadSpec(await candidate(key)));
    expect(diff.changes.map(line)).toEqual(expected);
  });

  test('names what changed in each message', async () => {
    const messages = async (key: keyof typeof EDITS) => {
      const edit = EDITS[key] as SpecEdit;
      const diff = diffSpecs(await loadSpec(join(DEFAULT_SPECS_DIR, `${edit.slug}.openapi.yaml`)), await loadSpec(await candidate(key)));
      return diff.changes.map((c) => c.message);
    };
    expect((await messages('signalwireEncryptionLosesDefault'))[1]).toBe('enum value "default" removed; now one of: "required", "optional"');
    expect(await messages('voicetelRenamesIp')).toEqual(['field IP removed', 'new field ip']);
    expect(await messages('yetiDropsDeletePop')).toEqual(['operation deletePop (DELETE /api/rest/admin/pops/{id}) removed']);
    expect(await messages('yetiRenamesDeletePop')).toEqual(['operationId deletePop → destroyPop']);
    expect(await messages('voicetelMovesAddToV22')).toEqual(['path /v2.1/gateways/add/ → /v2.2/gateways/add/']);
    expect(await messages('yetiCreatePopAnswers200')).toEqual(['success status 201 removed; success now: 200', 'new status 200']);
    expect((await messages('signalwireDropsBasicAuth')).slice(0, 2)).toEqual([
      `auth ${BASIC} is no longer accepted; now: ${BEARER}`,
      `auth ${BEARER} is now accepted`,
    ]);
  });

  test('finds no change between a spec and itself', async () => {
    const spec = await loadSpec(join(DEFAULT_SPECS_DIR, 'yeti.openapi.yaml'));
    const diff = diffSpecs(spec, await loadSpec(join(DEFAULT_SPECS_DIR, 'yeti.openapi.yaml')));
    expect(diff.changes).toEqual([]);
    expect(diff.unchanged).toEqual(spec.operations.map((o) => o.iid));
  });
});

/** Small given/want rows for the rules the real edits above do not reach. */
const SCHEMA_CASES: Array<[string, SchemaSide, object, object, string[]]> = [
  ['a response field becoming optional', 'response', { type: 'object', required: ['id'], properties: { id: { type: 'string' } } }, { type: 'object', properties: { id: { type: 'string' } } }, ['breaking /id field-optional']],
  ['a request field becoming optional', 'request', { type: 'object', required: ['id'], properties: { id: { type: 'string' } } }, { type: 'object', properties: { id: { type: 'string' } } }, ['additive /id field-optional']],
  ['a new required request field', 'request', { type: 'object', properties: {} }, { type: 'object', required: ['pin'], properties: { pin: { type: 'string' } } }, ['breaking /pin required-field-added']],
  ['a response field becoming nullable (anyOf with null)', 'response', { properties: { pop: { type: 'object' } } }, { properties: { pop: { anyOf: [{ type: 'object' }, { type: 'null' }] } } }, ['breaking /pop nullable-added']],
  ['a request field no longer accepting null', 'request', { properties: { name: { type: ['string', 'null'] } } }, { properties: { name: { type: 'string' } } }, ['breaking /name nullable-removed']],
  ['a new enum value in a response (strict clients)', 'response', { enum: ['a'] }, { enum: ['a', 'b'] }, ['breaking enum-value-added']],
  ['a new enum value in a request', 'request', { enum: ['a'] }, { enum: ['a', 'b'] }, ['additive enum-value-added']],
  ['a widened response type', 'response', { type: 'integer' }, { type: 'number' }, ['breaking type-widened']],
  ['a narrowed request type', 'request', { type: ['string', 'integer'] }, { type: 'string' }, ['breaking type-narrowed']],
  ['a shorter maxLength in a request', 'request', { type: 'string', maxLength: 64 }, { type: 'string', maxLength: 32 }, ['breaking constraint-narrowed']],
  ['a request object closed to unknown fields', 'request', { type: 'object' }, { type: 'object', additionalProperties: false }, ['breaking additional-properties-closed']],
  ['a response field removed from an array item', 'response', { type: 'array', items: { properties: { a: {}, b: {} } } }, { type: 'array', items: { properties: { a: {} } } }, ['breaking /[]/b field-removed']],
  ['a field removed inside additionalProperties', 'response', { additionalProperties: { properties: { a: {} } } }, { additionalProperties: {} }, ['breaking /{*}/a field-removed']],
  ['allOf parts merged before comparing', 'request', { allOf: [{ properties: { a: {} } }, { required: ['a'] }] }, { properties: { a: {} } }, ['additive /a field-optional']],
  ['a new oneOf variant in a response', 'response', { oneOf: [{ type: 'string' }, { type: 'integer' }] }, { oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'boolean' }] }, ['breaking variant-added']],
  ['a changed field inside a oneOf variant', 'response', { oneOf: [{ const: 'x' }, { properties: { a: {} } }] }, { oneOf: [{ const: 'x' }, { properties: {} }] }, ['breaking /a field-removed']],
  ['a deprecated field (documentation only)', 'response', { properties: { a: { type: 'string' } } }, { properties: { a: { type: 'string', deprecated: true, description: 'Use b.' } } }, ['non-breaking /a deprecated']],
];

describe('diffSchemas', () => {
  test.each(SCHEMA_CASES)('classifies %s', (_, side, before, after, expected) => {
    expect(diffSchemas(before, after, side).map((c) => [c.kind, c.pointer, c.rule].filter(Boolean).join(' '))).toEqual(expected);
  });
});

describe('sipmock diff (CLI)', () => {
  test('prints the changes grouped by operation with the touched fixtures, and exits 1 on a breaking change', async () => {
    const file = await candidate('voicetelRenamesIp');
    const result = await runInProcess(['diff', 'specs/voicetel.openapi.yaml', file, '--fixtures', sample]);
    expect(result.code).toBe(1);
    const fixtures = ['happy-path', 'missing-credentials'].map((scenario) => join(sample, 'voicetel', 'gatewaysAdd', `${scenario}.json`));
    expect(result.stdout).toBe(
      [
        `sipmock diff voicetel: specs/voicetel.openapi.yaml (2.1.6) → ${file} (2.1.6)`,
        '',
        'gatewaysAdd  POST /v2.1/gateways/add/',
        '  BREAKING  response 200 application/json /gateways/[]/IP  field-removed: field IP removed',
        '  additive  response 200 application/json /gateways/[]/ip  field-added: new field ip',
        `  fixtures: ${fixtures.join(', ')}`,
        '',
        '1 breaking, 1 additive, 0 non-breaking change(s) in 1 operation(s); 12 unchanged; 2 fixture(s) touched by breaking changes',
      ].join('\n'),
    );
    expect(result.stderr).toBe('');
  });

  test('--json merges a change shared by several operations and lists their fixtures', async () => {
    const result = await runInProcess(['diff', 'specs/signalwire.openapi.yaml', await candidate('signalwireEncryptionLosesDefault'), '--fixtures', sample, '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ ok: false, provider: 'signalwire', summary: { breaking: 2, additive: 0, 'non-breaking': 4, unchangedOperations: 2 } });
    expect(report.before).toEqual({ file: 'specs/signalwire.openapi.yaml', title: expect.any(String), version: '1.0.0' });
    const fixturesOf = (id: string, scenarios: string[]) => scenarios.map((s) => join(sample, 'signalwire', id, `${s}.json`));
    expect(report.changes.filter((c: { kind: string }) => c.kind === 'breaking')).toEqual([
      {
        kind: 'breaking',
        rule: 'enum-value-removed',
        where: 'request body application/json',
        pointer: '/encryption',
        message: 'enum value "default" removed; now one of: "required", "optional"',
        operationIds: ['create_sip_gateway', 'update_sip_gateway'],
        fixtures: [
          ...fixturesOf('create_sip_gateway', ['encryption-default', 'happy-path', 'missing-credentials']),
          ...fixturesOf('update_sip_gateway', ['happy-path', 'missing-credentials']),
        ],
      },
    ]);
  });

  test('exits 0 for an additive change, finding the provider from the file name', async () => {
    const document = parse(await readFile(await candidate('nebrijaAddsOptionalNotes'), 'utf8'));
    delete document.info['x-sipmock-provider'];
    const file = join(work, 'nebrija-next.yaml');
    await writeFile(file, stringify(document));
    const result = await runInProcess(['diff', 'specs/nebrija.openapi.yaml', file, '--fixtures', sample, '--json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: true,
      provider: 'nebrija',
      summary: { breaking: 0, additive: 1, 'non-breaking': 0, unchangedOperations: 4 },
      operations: [{ operationId: 'createSipTrunk', breaking: 0, additive: 1, fixtures: [join(sample, 'nebrija', 'createSipTrunk', 'happy-path.json'), join(sample, 'nebrija', 'createSipTrunk', 'missing-credentials.json')] }],
    });
  });
});
