import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Fixture } from '../../src/recording/fixture.js';
import { saveFixture } from '../../src/recording/fixture-files.js';
import { startSipmock, type RunningSipmock } from '../../src/server/create-app.js';
import { createLogger } from '../../src/server/logger.js';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { http } from '../helpers/start-server.js';

const PROJECT = 'bc949800-7b40-43cf-8438-a85facfcbdd1';
const BASE = '/signalwire/api/fabric/resources/sip_gateways';
const RECORDED_ID = '7d6e5f4a-3b2c-4d1e-8f0a-9b8c7d6e5f4a';

const recordedGateway = {
  id: RECORDED_ID,
  project_id: PROJECT,
  display_name: 'Recorded PBX',
  type: 'sip_gateway',
  created_at: '2025-03-01T08:00:00Z',
  updated_at: '2025-03-01T08:00:00Z',
  sip_gateway: { id: '1a2b3c4d-5e6f-4a0b-8c1d-2e3f4a5b6c7d', uri: 'sip:pbx@recorded.example.net', name: 'Recorded PBX', ciphers: [], codecs: ['PCMU'], encryption: 'default' },
};

const fixture = (scenario: string, request: Partial<Fixture['request']>, response: Fixture['response'], operationId = 'create_sip_gateway'): Fixture => ({
  request: { method: 'POST', path: '/api/fabric/resources/sip_gateways', query: {}, headers: { authorization: 'Basic <redacted:basic>', 'content-type': 'application/json' }, body: null, ...request },
  response,
  meta: { provider: 'signalwire', operationId, scenario, description: `test fixture ${scenario}`, recordedAt: '2025-03-01T08:00:00Z', source: 'recorded', specVersion: '1.0.0' },
});

const createBody = { name: 'Recorded PBX', uri: 'sip:pbx@recorded.example.net', encryption: 'default', ciphers: [], codecs: ['PCMU'] };

async function startReplaying(mode: 'fallback' | 'strict'): Promise<RunningSipmock> {
  const dir = await mkdtemp(join(tmpdir(), 'sipmock-replay-'));
  await saveFixture(dir, fixture('happy-path', { body: { ...createBody, password: '<redacted:password>' } }, { status: 201, headers: { 'content-type': 'application/json; charset=utf-8' }, body: recordedGateway }));
  await saveFixture(dir, fixture('duplicate-name', { body: { ...createBody, name: 'Taken' } }, { status: 422, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { errors: [{ type: 'validation_error', code: 'not_unique_within_project', message: 'Name is taken', attribute: 'name', url: 'https://signalwire.com/docs/apis/error-codes#not_unique_within_project' }] } }));
  return startSipmock({ port: 0, providers: ['signalwire'], replay: { mode, fixturesDir: dir }, logger: createLogger({ quiet: true }) });
}

async function send(running: RunningSipmock, method: string, path: string, body?: unknown, extra: Record<string, string> = {}) {
  const headers = { ...(await PROVIDER_CASES.signalwire.credentials('', PROJECT)), 'content-type': 'application/json', ...extra };
  return http(running.url, path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

describe('serve --replay', () => {
  let running: RunningSipmock;
  beforeAll(async () => {
    running = await startReplaying('fallback');
  });
  afterAll(async () => running.close());

  test('answers a matching request with the recorded response, whatever its volatile and redacted fields hold', async () => {
    const response = await send(running, 'POST', BASE, { ...createBody, password: 'hunter2' });
    expect(response.status).toBe(201);
    expect(response.json).toEqual(recordedGateway);
    expect(response.headers.get('x-sipmock-fixture')).toBe('signalwire/create_sip_gateway/happy-path');
  });

  test('lands a replayed create in the store, so reads and lists agree with it', async () => {
    await send(running, 'POST', BASE, { ...createBody, password: 'x' });
    const read = await send(running, 'GET', `${BASE}/${RECORDED_ID}`);
    expect(read.status).toBe(200);
    expect(read.json).toEqual(recordedGateway);
    const list = (await send(running, 'GET', BASE)).json as { data: Array<{ id: string }> };
    expect(list.data.map((g) => g.id)).toContain(RECORDED_ID);
  });

  test('picks a fixture named by x-sipmock-fixture', async () => {
    const response = await send(running, 'POST', BASE, { ...createBody, name: 'Taken' }, { 'x-sipmock-fixture': 'create_sip_gateway/duplicate-name' });
    expect(response.status).toBe(422);
    expect((response.json as { errors: Array<{ code: string }> }).errors[0].code).toBe('not_unique_within_project');
  });

  test('falls back to the spec-driven mock when nothing matches', async () => {
    const response = await send(running, 'POST', BASE, { ...createBody, name: 'Fresh' });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-sipmock-fixture')).toBeNull();
    expect((response.json as { display_name: string }).display_name).toBe('Fresh');
  });

  test('refuses a request without credentials that only matches recordings made with them', async () => {
    const response = await http(running.url, BASE, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(createBody) });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-sipmock-fixture')).toBeNull();
  });
});

describe('serve --replay=strict', () => {
  let running: RunningSipmock;
  beforeAll(async () => {
    running = await startReplaying('strict');
  });
  afterAll(async () => running.close());

  test('answers an unmatched request with the provider error naming the closest fixture and how it differs', async () => {
    const response = await send(running, 'POST', BASE, { ...createBody, codecs: ['G722'] });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_REPLAY_UNMATCHED');
    const message = (response.json as { error: string }).error;
    expect(message).toContain('create_sip_gateway/happy-path.json');
    expect(message).toContain('body');
    expect(message).toContain('G722');
  });

  test('says so when an operation has no fixture at all', async () => {
    const response = await send(running, 'GET', `${BASE}/${RECORDED_ID}`);
    expect(response.status).toBe(404);
    expect((response.json as { error: string }).error).toContain('no fixture was recorded for this operation');
  });
});
