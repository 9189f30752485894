import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadFixtures } from '../../src/recording/fixture-files.js';
import { startRecordProxy, type RecordEvent, type RecordProxy } from '../../src/recording/record-proxy.js';
import { createRedactionPolicy, redactAuthorization } from '../../src/recording/redaction-policy.js';
import { findProvider } from '../../src/providers/registry.js';
import { DEFAULT_SPECS_DIR, startSipmock, type RunningSipmock } from '../../src/server/create-app.js';
import { createLogger } from '../../src/server/logger.js';
import { mountProvider, type MountedProvider } from '../../src/server/mounted-provider.js';
import { startCli } from '../helpers/cli-process.js';

const SIGNALWIRE_BASIC = Buffer.from('bc949800-7b40-43cf-8438-a85facfcbdd1:PTsecret-sw-4711').toString('base64');
const VOICETEL_KEY = 'deadbeefcafebabe0123456789abcdef';
const VOICETEL_PASSWORD = 'vt-password-0815';
const YETI_PASSWORD = 'yeti-pass-9921';
const REGISTRATION_PASSWORD = 'reg-secret-5150';
const RECORDED_AT = new Date('2026-02-01T10:00:00Z');

let upstream: RunningSipmock;
let workDir: string;

beforeAll(async () => {
  upstream = await startSipmock({ port: 0, logger: createLogger({ quiet: true }), secret: new Uint8Array(32).fill(9), credentials: { yeti: [`admin:${YETI_PASSWORD}`] } });
  workDir = await mkdtemp(join(tmpdir(), 'sipmock-record-'));
});
afterAll(async () => {
  await upstream?.close();
  await rm(workDir, { recursive: true, force: true });
});

type Session = { proxy: RecordProxy; events: RecordEvent[]; outDir: string; provider: MountedProvider };

async function record(slug: string, outDir: string, target = `${upstream.url}/${slug}`, timeoutMs?: number): Promise<Session> {
  const provider = await mountProvider(findProvider(slug)!, DEFAULT_SPECS_DIR);
  const events: RecordEvent[] = [];
  const proxy = await startRecordProxy({ provider, upstream: target, outDir, port: 0, timeoutMs, clock: () => RECORDED_AT, onEvent: (event) => events.push(event) });
  return { proxy, events, outDir, provider };
}

async function send(session: Session, method: string, path: string, options: { headers?: Record<string, string>; body?: unknown } = {}) {
  const response = await fetch(`${session.proxy.url}${path}`, {
    method,
    headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const json = response.headers.get('content-type')?.includes('json') && text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  return { status: response.status, text, json };
}

/** Every written file: relative name → text, after the session has finished writing. */
async function written(session: Session): Promise<Record<string, string>> {
  await session.proxy.close();
  const files: Record<string, string> = {};
  for (const file of session.proxy.files) files[relative(session.outDir, file)] = await readFile(file, 'utf8');
  return files;
}

async function expectValidFixtures(session: Session, secrets: string[]): Promise<void> {
  const loaded = await loadFixtures(session.outDir);
  expect(loaded).toHaveLength(session.proxy.files.length);
  for (const { file, fixture } of loaded) {
    const text = await readFile(file, 'utf8');
    for (const secret of secrets) expect(text, `${file} holds ${secret.slice(0, 12)}…`).not.toContain(secret);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]+\./);
    expect(fixture.meta).toMatchObject({ source: 'recorded', upstream: `${upstream.url}/${fixture.meta.provider}`, recordedAt: RECORDED_AT.toISOString(), specVersion: session.provider.spec.document.info.version });
    expect(fixture.meta.drift).toBeUndefined();
  }
}

describe('record: signalwire (Basic auth)', () => {
  test('forwards every exchange unchanged and writes one fixture each, named by status', async () => {
    const session = await record('signalwire', join(workDir, 'signalwire'));
    const auth = { authorization: `Basic ${SIGNALWIRE_BASIC}`, accept: 'application/json' };
    const base = '/api/fabric/resources/sip_gateways';
    const created = await send(session, 'POST', base, { headers: auth, body: { name: 'Lab PBX', uri: 'sip:lab@sip.example.net', encryption: 'optional', ciphers: [], codecs: ['PCMU'] } });
    expect(created.status).toBe(201);
    const id = created.json!.id as string;
    const viaProxy = await send(session, 'GET', `${base}/${id}`, { headers: auth });
    const direct = await fetch(`${upstream.url}/signalwire${base}/${id}`, { headers: auth });
    expect(viaProxy.status).toBe(200);
    expect(viaProxy.text).toBe(await direct.text());
    expect((await send(session, 'GET', `${base}/00000000-0000-4000-8000-000000000000`, { headers: auth })).status).toBe(404);
    expect((await send(session, 'GET', `${base}/00000000-0000-4000-8000-000000000001`, { headers: auth })).status).toBe(404);
    expect((await send(session, 'GET', base)).status).toBe(401);
    expect((await send(session, 'POST', base, { headers: auth, body: { uri: 'sip:lab@sip.example.net' } })).status).toBe(422);
    expect((await send(session, 'GET', '/api/not-a-route', { headers: auth })).status).toBe(404);

    const files = await written(session);
    expect(Object.keys(files).sort()).toEqual([
      'signalwire/create_sip_gateway/happy-path.json',
      'signalwire/create_sip_gateway/invalid-body.json',
      'signalwire/get_sip_gateway/happy-path.json',
      'signalwire/get_sip_gateway/unknown-id-2.json',
      'signalwire/get_sip_gateway/unknown-id.json',
      'signalwire/list_sip_gateways/missing-credentials.json',
    ]);
    expect(session.events.filter((e) => e.kind === 'skipped')).toEqual([
      { kind: 'skipped', method: 'GET', path: '/api/not-a-route', status: 404, reason: 'no operation of signalwire matches GET /api/not-a-route' },
    ]);
    const get = JSON.parse(files['signalwire/get_sip_gateway/happy-path.json']);
    expect(get.request).toEqual({ method: 'GET', path: `${base}/${id}`, query: {}, headers: { accept: 'application/json', authorization: 'Basic <redacted:basic>' }, body: null });
    expect(get.response).toEqual({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.parse(viaProxy.text) });
    await expectValidFixtures(session, ['PTsecret-sw-4711', SIGNALWIRE_BASIC]);
  });

  test('a later session overwrites the file an earlier one wrote under the same name', async () => {
    const outDir = join(workDir, 'signalwire-again');
    const first = await record('signalwire', outDir);
    await send(first, 'GET', '/api/fabric/resources/sip_gateways');
    await written(first);
    const second = await record('signalwire', outDir);
    await send(second, 'GET', '/api/fabric/resources/sip_gateways');
    const files = await written(second);
    expect(Object.keys(files)).toEqual(['signalwire/list_sip_gateways/missing-credentials.json']);
  });
});

describe('record: voicetel (API key in the body)', () => {
  test('redacts the apikey field, login passwords and the key the API hands out', async () => {
    const session = await record('voicetel', join(workDir, 'voicetel'));
    const login = await send(session, 'POST', '/v2.1/account/apikey/', { body: { username: 4592086960, password: VOICETEL_PASSWORD } });
    expect(login.status).toBe(200);
    const issuedKey = login.json!.apikey as string;
    expect((await send(session, 'POST', '/v2.1/gateways/add/', { body: { apikey: VOICETEL_KEY, gateways: [{ gateway: '203.0.113.10:5060' }] } })).status).toBe(200);
    expect((await send(session, 'POST', '/v2.1/gateways/list/', { body: { apikey: VOICETEL_KEY } })).status).toBe(200);
    expect((await send(session, 'POST', '/v2.1/gateways/list/', { body: {} })).status).toBe(400);
    expect((await send(session, 'POST', '/v2.1/gateways/list/', { body: { apikey: 'not-a-key' } })).status).toBe(401);
    expect((await send(session, 'POST', '/v2.1/gateways/add/', { body: { apikey: VOICETEL_KEY } })).status).toBe(400);
    expect((await send(session, 'POST', '/v2.1/gateways/remove/', { body: { apikey: VOICETEL_KEY, routes: [{ route: 4242 }] } })).status).toBe(409);

    const files = await written(session);
    expect(Object.keys(files).sort()).toEqual([
      'voicetel/accountApikey/happy-path.json',
      'voicetel/gatewaysAdd/happy-path.json',
      'voicetel/gatewaysAdd/invalid-body.json',
      'voicetel/gatewaysList/happy-path.json',
      // No key at all is VoiceTel's documented 400 "Field Required: apikey" (gateways.json v2.1.6), named by its status.
      'voicetel/gatewaysList/invalid-body.json',
      'voicetel/gatewaysList/invalid-credentials.json',
      'voicetel/gatewaysRemove/conflict.json',
    ]);
    const apikey = JSON.parse(files['voicetel/accountApikey/happy-path.json']);
    expect(apikey.request.body).toEqual({ username: 4592086960, password: '<redacted:password>' });
    expect(apikey.response.body).toEqual({ statusCode: '200', status: 'Success', apikey: '<redacted:apikey>' });
    expect(JSON.parse(files['voicetel/gatewaysAdd/happy-path.json']).request.body).toEqual({ apikey: '<redacted:apikey>', gateways: [{ gateway: '203.0.113.10:5060' }] });
    await expectValidFixtures(session, [VOICETEL_KEY, VOICETEL_PASSWORD, issuedKey]);
  });
});

describe('record: yeti (JWT login)', () => {
  test('redacts the login password, the JWT in the answer, in Authorization and in ?token=, and auth-password', async () => {
    const session = await record('yeti', join(workDir, 'yeti'));
    const jsonApi = { 'content-type': 'application/vnd.api+json', accept: 'application/vnd.api+json' };
    const login = await send(session, 'POST', '/api/rest/admin/auth', { body: { auth: { username: 'admin', password: YETI_PASSWORD } } });
    expect(login.status).toBe(201);
    const jwt = login.json!.jwt as string;
    expect((await send(session, 'POST', '/api/rest/admin/auth', { body: { auth: { username: 'admin', password: 'not-it' } } })).status).toBe(401);
    const registration = { name: 'lab-101', domain: 'sip.example.net', username: '101', contact: 'sip:101@203.0.113.21:5060', 'auth-user': '101', 'auth-password': REGISTRATION_PASSWORD };
    const created = await send(session, 'POST', '/api/rest/admin/registrations', { headers: { ...jsonApi, authorization: jwt }, body: { data: { type: 'registrations', attributes: registration } } });
    expect(created.status).toBe(201);
    const id = (created.json!.data as { id: string }).id;
    expect((await send(session, 'GET', `/api/rest/admin/registrations/${id}?token=${jwt}`, { headers: { accept: jsonApi.accept } })).status).toBe(200);
    expect((await send(session, 'GET', '/api/rest/admin/registrations/999999', { headers: { accept: jsonApi.accept, authorization: `Bearer ${jwt}` } })).status).toBe(404);
    expect((await send(session, 'GET', '/api/rest/admin/registrations', { headers: { accept: jsonApi.accept } })).status).toBe(401);
    const invalid = await send(session, 'POST', '/api/rest/admin/registrations', { headers: { ...jsonApi, authorization: jwt }, body: { data: { type: 'registrations', attributes: { ...registration, name: '' } } } });
    expect(invalid.status).toBe(422);

    const files = await written(session);
    expect(Object.keys(files).sort()).toEqual([
      'yeti/createAuthToken/happy-path.json',
      'yeti/createAuthToken/invalid-credentials.json',
      'yeti/createRegistration/happy-path.json',
      'yeti/createRegistration/invalid-body.json',
      'yeti/getRegistration/happy-path.json',
      'yeti/getRegistration/unknown-id.json',
      'yeti/listRegistrations/missing-credentials.json',
    ]);
    expect(JSON.parse(files['yeti/createAuthToken/happy-path.json']).response.body).toEqual({ jwt: '<redacted:jwt>' });
    const create = JSON.parse(files['yeti/createRegistration/happy-path.json']);
    expect(create.request.headers.authorization).toBe('<redacted:jwt>');
    expect(create.request.body.data.attributes['auth-password']).toBe('<redacted:password>');
    const get = JSON.parse(files['yeti/getRegistration/happy-path.json']);
    expect(get.request.query).toEqual({ token: '<redacted:token>' });
    expect(JSON.parse(files['yeti/getRegistration/unknown-id.json']).request.headers.authorization).toBe('Bearer <redacted:token>');
    expect(JSON.parse(files['yeti/listRegistrations/missing-credentials.json']).response).toEqual({ status: 401, headers: {}, body: null });
    await expectValidFixtures(session, [YETI_PASSWORD, REGISTRATION_PASSWORD, jwt, jwt.split('.')[2]]);
  });
});

describe('record: an upstream that is not the spec, or not there', () => {
  let rogue: Server;
  let rogueUrl: string;
  beforeAll(async () => {
    // A real server that breaks the SignalWire spec: a wrong body, an undocumented status, gzip.
    rogue = createServer((req, res) => {
      if (req.url?.endsWith('/hang')) return;
      if (req.method === 'DELETE') return void res.writeHead(418, { 'content-type': 'text/plain' }).end('teapot');
      const body = gzipSync(JSON.stringify({ id: 5, name: 'Rogue' }));
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip', 'x-upstream': 'rogue' }).end(body);
    });
    await new Promise<void>((resolve) => rogue.listen(0, '127.0.0.1', resolve));
    rogueUrl = `http://127.0.0.1:${(rogue.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    rogue.closeAllConnections();
    return new Promise<void>((resolve) => rogue.close(() => resolve()));
  });

  test('marks drift in meta and reports it, while the client gets the upstream answer as sent', async () => {
    const session = await record('signalwire', join(workDir, 'rogue'), rogueUrl);
    const path = '/api/fabric/resources/sip_gateways/0823a606-0aff-4c90-9eba-f88ba118fe05';
    const response = await fetch(`${session.proxy.url}${path}`, { headers: { authorization: `Basic ${SIGNALWIRE_BASIC}` } });
    expect(response.headers.get('x-upstream')).toBe('rogue');
    expect(await response.json()).toEqual({ id: 5, name: 'Rogue' });
    expect((await send(session, 'DELETE', path)).text).toBe('teapot');
    const files = await written(session);
    const get = JSON.parse(files['signalwire/get_sip_gateway/happy-path.json']);
    expect(get.response.body).toEqual({ id: 5, name: 'Rogue' });
    expect(get.meta.drift).toEqual([
      ...['project_id', 'display_name', 'type', 'created_at', 'updated_at', 'sip_gateway'].map((name) => ({ location: 'response.body', pointer: `/${name}`, rule: 'required', message: 'is required' })),
      { location: 'response.body', pointer: '/name', rule: 'not_allowed', message: 'is not allowed' },
      { location: 'response.body', pointer: '/id', rule: 'type', message: 'must be a string' },
    ]);
    const teapot = JSON.parse(files['signalwire/delete_sip_gateway/status-418.json']);
    // Plain text cannot be redacted field by field: it is withheld, and the fixture says why.
    expect(teapot.response).toEqual({ status: 418, headers: { 'content-type': 'text/plain' }, body: null });
    expect(teapot.meta.omitted).toEqual([{ location: 'response.body', reason: 'a text/plain body (6 bytes) cannot be redacted field by field: not written' }]);
    expect(teapot.meta.drift).toEqual([{ location: 'response.status', pointer: '', rule: 'status', message: '418 is not a documented status of delete_sip_gateway (documented: 204, 401, 403, 404, 422, 500)' }]);
    expect(session.events.filter((e) => e.kind === 'recorded').every((e) => e.kind === 'recorded' && e.drift.length > 0)).toBe(true);
  });

  test('answers 504 in JSON when the upstream does not answer in time', async () => {
    const session = await record('signalwire', join(workDir, 'slow'), rogueUrl, 150);
    const response = await send(session, 'GET', '/api/fabric/resources/sip_gateways/hang');
    expect(response.status).toBe(504);
    expect(response.json).toEqual({ error: 'gateway_timeout', message: `The upstream ${rogueUrl} did not answer GET /api/fabric/resources/sip_gateways/hang within 0.15 s` });
    expect(await written(session)).toEqual({});
  });

  test('answers 502 in JSON when the upstream is down, and writes nothing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const session = await record('signalwire', join(workDir, 'down'), `http://127.0.0.1:${port}`);
    const response = await send(session, 'GET', '/api/fabric/resources/sip_gateways');
    expect(response.status).toBe(502);
    expect(response.json).toEqual({ error: 'bad_gateway', message: expect.stringMatching(/^Failed to forward GET \/api\/fabric\/resources\/sip_gateways to http:\/\/127\.0\.0\.1:\d+: connect ECONNREFUSED .*Is the upstream running\?$/) });
    expect(await written(session)).toEqual({});
    expect(session.events.map((e) => e.kind)).toEqual(['upstream-error']);
  });
});

describe('sipmock record (CLI)', () => {
  test('prints where it listens, records, and stops on SIGTERM', async () => {
    const outDir = join(workDir, 'cli');
    const cli = startCli(['record', 'nebrija', '--upstream', `${upstream.url}/nebrija`, '--port', '0', '--out', outDir]);
    const line = await cli.waitForLine((l) => l.startsWith('sipmock record nebrija '));
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)![1];
    const response = await fetch(`${url}/api/v1/sip-trunks`, { headers: { authorization: 'Bearer nbj_cli_token' } });
    expect(response.status).toBe(200);
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
    expect(cli.stderr()).toContain('REC   GET /api/v1/sip-trunks 200 -> nebrija/listSipTrunks/happy-path.json');
    const [fixture] = await loadFixtures(outDir);
    expect(fixture.fixture.request.headers.authorization).toBe('Bearer <redacted:token>');
  });

  test('never shows the upstream userinfo: not in the banner, meta.upstream or meta.description', async () => {
    const outDir = join(workDir, 'cli-userinfo');
    const target = upstream.url.replace('http://', 'http://recorder:pw-4711@');
    const cli = startCli(['record', 'nebrija', '--upstream', `${target}/nebrija`, '--port', '0', '--out', outDir]);
    const line = await cli.waitForLine((l) => l.startsWith('sipmock record nebrija '));
    expect(line).toMatch(new RegExp(`^sipmock record nebrija http://127\\.0\\.0\\.1:\\d+ -> ${upstream.url}/nebrija \\(fixtures: `));
    const url = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)![1];
    expect((await fetch(`${url}/api/v1/sip-trunks`, { headers: { authorization: 'Bearer nbj_cli_token' } })).status).toBe(200);
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
    const [{ fixture, file }] = await loadFixtures(outDir);
    expect(fixture.meta.upstream).toBe(`${upstream.url}/nebrija`);
    expect(fixture.meta.description).toBe(`Recorded from ${upstream.url}/nebrija: GET /api/v1/sip-trunks answered 200`);
    for (const text of [await readFile(file, 'utf8'), cli.lines().join('\n'), cli.stderr()]) expect(text).not.toContain('pw-4711');
  });

  test.each(['record', 'import-har', 'export-har', 'fixtures generate'])('%s --help shows an example', async (command) => {
    const cli = startCli([...command.split(' '), '--help']);
    expect((await cli.exited).code).toBe(0);
    expect(cli.lines().join('\n')).toMatch(/Example:\n {2}\$ sipmock /);
  });
});

describe('redaction', () => {
  const policy = createRedactionPolicy();
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.abc_DEF-123';
  test.each([
    ['Bearer sk_live_123', 'Bearer <redacted:token>'],
    ['bearer 0123456789abcdef0123456789abcdef', 'Bearer <redacted:token>'],
    [`Bearer ${jwt}`, 'Bearer <redacted:token>'],
    ['Basic YWRtaW46c2VjcmV0', 'Basic <redacted:basic>'],
    [jwt, '<redacted:jwt>'],
    ['opaque-token', '<redacted:token>'],
    ['Token abc', 'Token <redacted:token>'],
    ['<redacted:jwt>', '<redacted:jwt>'],
  ])('Authorization %s → %s', (given, want) => {
    expect(redactAuthorization(given)).toBe(want);
  });

  test('replaces secret members at any depth and JWTs inside any string, and keeps masked or empty passwords', () => {
    const given = {
      apikey: 'deadbeefcafebabe0123456789abcdef',
      gateways: [{ authentication: { username: 'u', password: 's3cret' } }, { authentication: { username: 'u', password: '********' } }, { authentication: { password: '' } }],
      data: { attributes: { 'auth-password': '111111', 'auth-user': '100' } },
      jwt,
      note: `token was ${jwt}.`,
      password: null,
    };
    expect(policy.json(given).value).toEqual({
      apikey: '<redacted:apikey>',
      gateways: [{ authentication: { username: 'u', password: '<redacted:password>' } }, { authentication: { username: 'u', password: '********' } }, { authentication: { password: '' } }],
      data: { attributes: { 'auth-password': '<redacted:password>', 'auth-user': '100' } },
      jwt: '<redacted:jwt>',
      note: 'token was <redacted:jwt>.',
      password: null,
    });
  });

  test('keeps only the headers that matter on each side', () => {
    const request = { 'Content-Type': 'application/json', accept: 'application/json', authorization: 'Basic eA==', prefer: 'code=404', cookie: 'a=1', 'x-api-key': 'k', host: 'h' };
    expect(policy.headers(request, 'request')).toEqual({ accept: 'application/json', authorization: 'Basic <redacted:basic>', 'content-type': 'application/json', prefer: 'code=404' });
    const response = { 'content-type': 'application/json', location: '/x', 'www-authenticate': 'Basic realm="x"', 'set-cookie': ['a=1'], date: 'now' };
    expect(policy.headers(response, 'response')).toEqual({ 'content-type': 'application/json', location: '/x', 'www-authenticate': 'Basic' });
  });
});
