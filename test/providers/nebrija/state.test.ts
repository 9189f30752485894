import { beforeEach, describe, expect, test } from 'vitest';
import { startSipmock } from '../../../src/server/create-app.js';
import { createLogger } from '../../../src/server/logger.js';
import { http, useSipmock, type HttpResult } from '../../helpers/start-server.js';

/**
 * Nebrija's stateful SIP trunks: CRUD over stored trunks, the masked password and its "********"
 * keep rule, read-only system trunks, partial updates, accounts by bearer token.
 * Source: Nebrija's PATCH page, https://docs.nebrijaai.com/api-reference/sip-trunks/actualizar-sip-trunk
 * (the seed, ../shared/seeds/003_58c35568053963e9.txt): the mask, the keep rule and system trunks.
 * The other operations' details are not public and are the spec's x-sipmock-assumptions.
 */
const T0 = '2025-03-01T10:00:00.000Z';
let clock = new Date(T0);
const sipmock = useSipmock({ providers: ['nebrija'], clock: () => clock });

const ACCOUNT = 'nbj_test_state';
const OTHER = 'nbj_test_state_other';
const TRUNKS = '/nebrija/api/v1/sip-trunks';
const SYSTEM_ID = '0b6c2f3e-8d1a-4c52-9e7f-5a4d3b2c1e90';
const MAIN_ID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PROVIDER_ID = /^ST_[A-Za-z0-9]{12}$/;

type Trunk = {
  id: string;
  name: string;
  gateways: { ipOrDomain: string; port: number; name: string }[];
  authentication: { username: string; password: string };
  advanced: Record<string, unknown>;
  isSystem: boolean;
  providerId: string;
  createdAt: string;
  updatedAt: string;
};

/** The seed, as the API returns it (password masked). */
const SYSTEM_TRUNK: Trunk = {
  id: SYSTEM_ID,
  name: 'Nebrija Platform Trunk',
  gateways: [{ ipOrDomain: '198.51.100.24', port: 5060, name: 'Platform Edge' }],
  authentication: { username: 'nebrija_platform', password: '********' },
  advanced: { transport: 'udp', mediaEncryption: 'disable' },
  isSystem: true,
  providerId: 'ST_8vRbH2cYdE3s',
  createdAt: '2023-11-02T08:00:00Z',
  updatedAt: '2023-11-02T08:00:00Z',
};
const MAIN_TRUNK: Trunk = {
  id: MAIN_ID,
  name: 'Main Office SIP Trunk',
  gateways: [
    { ipOrDomain: 'sip-gateway.example.com', port: 5060, name: 'Primary Gateway' },
    { ipOrDomain: '203.0.113.10', port: 5060, name: 'Backup Gateway' },
  ],
  authentication: { username: 'office_sip_user', password: '********' },
  advanced: {},
  isSystem: false,
  providerId: 'ST_4kTz9pQwLmNx',
  createdAt: '2024-01-15T09:30:00Z',
  updatedAt: '2024-01-15T09:30:00Z',
};
/** The seeded passwords, which only the state dump shows. */
const SYSTEM_PASSWORD = 'platform-secret-placeholder';
const MAIN_PASSWORD = 'change-me-placeholder';

/** One request to the provider; every answer must match the spec (no sl-violations header). */
async function call(method: string, path: string, body?: unknown, token = ACCOUNT, baseUrl = sipmock.current.url): Promise<HttpResult> {
  const response = await http(baseUrl, path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.headers.get('sl-violations'), `${method} ${path}: ${response.headers.get('sl-violations')}`).toBeNull();
  return response;
}

const create = async (body: unknown, token = ACCOUNT) => {
  const response = await call('POST', TRUNKS, body, token);
  expect(response.status, response.text).toBe(201);
  return response.json as Trunk;
};
const list = async (token = ACCOUNT) => (await call('GET', TRUNKS, undefined, token)).json as Trunk[];

/** The stored records of one account, as the control API dumps them (real passwords). */
async function dump(account = ACCOUNT): Promise<Trunk[]> {
  const response = await http(sipmock.current.url, `/__sipmock/state/nebrija?account=${account}`);
  expect(response.status).toBe(200);
  return (response.json as { accounts: Record<string, { trunks: Trunk[] }> }).accounts[account].trunks;
}
const storedPassword = async (id: string) => (await dump()).find((t) => t.id === id)!.authentication.password;

function seed(records: unknown[], account = ACCOUNT) {
  return http(sipmock.current.url, `/__sipmock/state/nebrija?account=${account}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ trunks: records }),
  });
}

const notFound = (id: string) => ({ statusCode: 404, message: `SIP trunk ${id} not found`, error: 'Not Found' });
const FORBIDDEN = { statusCode: 403, message: 'System SIP trunks cannot be modified or deleted', error: 'Forbidden' };

beforeEach(async () => {
  clock = new Date(T0);
  await http(sipmock.current.url, '/__sipmock/state/nebrija', { method: 'DELETE' });
});

describe('seed', () => {
  test('a new account has the system trunk and one customer trunk, in creation order', async () => {
    expect(await list()).toEqual([SYSTEM_TRUNK, MAIN_TRUNK]);
  });

  test('both seeded trunks can be read by id', async () => {
    expect((await call('GET', `${TRUNKS}/${SYSTEM_ID}`)).json).toEqual(SYSTEM_TRUNK);
    expect((await call('GET', `${TRUNKS}/${MAIN_ID}`)).json).toEqual(MAIN_TRUNK);
  });
});

describe('workflow', () => {
  test('create, get, list, update, delete, then the 404', async () => {
    const created = await create({
      name: 'Madrid PBX Trunk',
      gateways: [{ ipOrDomain: '203.0.113.10', port: 5061, name: 'PBX primary' }],
      authentication: { username: 'madrid_pbx', password: 'example-secret-placeholder' },
      advanced: { transport: 'tls', mediaEncryption: 'require' },
    });
    expect(created.id).toMatch(UUID);
    expect(created.providerId).toMatch(PROVIDER_ID);
    expect(created).toEqual({
      id: created.id,
      name: 'Madrid PBX Trunk',
      gateways: [{ ipOrDomain: '203.0.113.10', port: 5061, name: 'PBX primary' }],
      authentication: { username: 'madrid_pbx', password: '********' },
      advanced: { transport: 'tls', mediaEncryption: 'require' },
      isSystem: false,
      providerId: created.providerId,
      createdAt: T0,
      updatedAt: T0,
    });

    const path = `${TRUNKS}/${created.id}`;
    const got = await call('GET', path);
    expect(got.status).toBe(200);
    expect(got.json).toEqual(created);
    expect(await list()).toEqual([SYSTEM_TRUNK, MAIN_TRUNK, created]);

    clock = new Date('2025-03-02T12:00:00.000Z');
    const patched = await call('PATCH', path, { name: 'Madrid PBX Trunk (TLS)' });
    expect(patched.status).toBe(200);
    const updated = { ...created, name: 'Madrid PBX Trunk (TLS)', updatedAt: '2025-03-02T12:00:00.000Z' };
    expect(patched.json).toEqual(updated);
    expect((await call('GET', path)).json).toEqual(updated);

    const deleted = await call('DELETE', path);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');

    for (const [method, body] of [['GET'], ['PATCH', { name: 'x' }], ['DELETE']] as const) {
      const gone = await call(method, path, body);
      expect(gone.status, method).toBe(404);
      expect(gone.json, method).toEqual(notFound(created.id));
    }
    expect(await list()).toEqual([SYSTEM_TRUNK, MAIN_TRUNK]);
  });

  test('the list keeps creation order', async () => {
    const ids: string[] = [];
    for (const name of ['First', 'Second', 'Third']) ids.push((await create({ name, gateways: [{ ipOrDomain: 'pbx.example.com' }] })).id);
    expect((await list()).map((t) => t.id)).toEqual([SYSTEM_ID, MAIN_ID, ...ids]);
  });
});

describe('create fills the defaults', () => {
  test.each([
    {
      given: { name: 'Carrier Trunk', gateways: [{ ipOrDomain: '203.0.113.10' }] },
      want: { gateways: [{ ipOrDomain: '203.0.113.10', port: 5060, name: '' }], authentication: { username: '', password: '********' }, advanced: {} },
    },
    {
      given: { name: 'Carrier Trunk', gateways: [{ ipOrDomain: 'sip.example.net', port: 5080 }, { ipOrDomain: '192.0.2.1', name: 'B' }] },
      want: {
        gateways: [
          { ipOrDomain: 'sip.example.net', port: 5080, name: '' },
          { ipOrDomain: '192.0.2.1', port: 5060, name: 'B' },
        ],
        authentication: { username: '', password: '********' },
        advanced: {},
      },
    },
    {
      given: { name: 'Carrier Trunk', gateways: [{ ipOrDomain: '203.0.113.10' }], advanced: { codecs: ['PCMA'], maxConcurrentCalls: 5 } },
      want: { gateways: [{ ipOrDomain: '203.0.113.10', port: 5060, name: '' }], authentication: { username: '', password: '********' }, advanced: { codecs: ['PCMA'], maxConcurrentCalls: 5 } },
    },
  ])('$given → $want', async ({ given, want }) => {
    const created = await create(given);
    expect(created).toEqual({ id: created.id, name: 'Carrier Trunk', ...want, isSystem: false, providerId: created.providerId, createdAt: T0, updatedAt: T0 });
  });

  test('a body that tries to create a system trunk is refused by validation', async () => {
    const response = await call('POST', TRUNKS, { name: 'Sneaky', gateways: [{ ipOrDomain: 'a.example.com' }], isSystem: true });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ statusCode: 400, message: ['property isSystem should not exist'], error: 'Bad Request' });
    expect(await list()).toEqual([SYSTEM_TRUNK, MAIN_TRUNK]);
  });
});

describe('the password is stored but never returned', () => {
  const body = { name: 'Secret Trunk', gateways: [{ ipOrDomain: 'pbx.example.com' }], authentication: { username: 'u1', password: 's3cret-one' } };

  test('create, get, list and patch all answer "********"; the dump keeps the real one', async () => {
    const created = await create(body);
    const path = `${TRUNKS}/${created.id}`;
    const answers = [
      created,
      (await call('GET', path)).json as Trunk,
      (await list()).find((t) => t.id === created.id)!,
      (await call('PATCH', path, { name: 'Renamed' })).json as Trunk,
      (await call('PATCH', path, { authentication: { username: 'u2', password: 's3cret-two' } })).json as Trunk,
    ];
    for (const answer of answers) expect(answer.authentication.password).toBe('********');
    for (const trunk of await list()) expect(trunk.authentication.password).toBe('********');
    expect(await storedPassword(created.id)).toBe('s3cret-two');
    expect(await storedPassword(MAIN_ID)).toBe(MAIN_PASSWORD);
    expect(await storedPassword(SYSTEM_ID)).toBe(SYSTEM_PASSWORD);
  });

  test.each([
    { given: { authentication: { username: 'u2', password: '********' } }, want: { username: 'u2', password: 's3cret-one' } },
    { given: { authentication: { username: 'u1', password: 'rotated-secret' } }, want: { username: 'u1', password: 'rotated-secret' } },
    { given: { authentication: { username: 'u3', password: '*******' } }, want: { username: 'u3', password: '*******' } },
    { given: { name: 'No credentials sent' }, want: { username: 'u1', password: 's3cret-one' } },
  ])('PATCH $given stores $want', async ({ given, want }) => {
    const created = await create(body);
    const response = await call('PATCH', `${TRUNKS}/${created.id}`, given);
    expect(response.status).toBe(200);
    expect((response.json as Trunk).authentication).toEqual({ username: want.username, password: '********' });
    expect((await dump()).find((t) => t.id === created.id)!.authentication).toEqual(want);
  });

  test('a client can send back the trunk it read (minus read-only fields) and keep the password', async () => {
    const read = (await call('GET', `${TRUNKS}/${MAIN_ID}`)).json as Trunk;
    const { name, gateways, authentication, advanced } = read;
    const response = await call('PATCH', `${TRUNKS}/${MAIN_ID}`, { name, gateways, authentication: { ...authentication, username: 'office_sip_user2' }, advanced });
    expect(response.status).toBe(200);
    expect(await storedPassword(MAIN_ID)).toBe(MAIN_PASSWORD);
  });
});

describe('system trunks cannot be modified or deleted', () => {
  test.each([
    { method: 'PATCH', body: { name: 'Hijacked' } },
    { method: 'PATCH', body: { authentication: { username: 'x', password: 'y' } } },
    { method: 'PATCH', body: {} },
    { method: 'DELETE', body: undefined },
  ])('$method $body → 403, trunk unchanged', async ({ method, body }) => {
    clock = new Date('2025-06-01T00:00:00.000Z');
    const response = await call(method, `${TRUNKS}/${SYSTEM_ID}`, body);
    expect(response.status).toBe(403);
    expect(response.json).toEqual(FORBIDDEN);
    expect((await call('GET', `${TRUNKS}/${SYSTEM_ID}`)).json).toEqual(SYSTEM_TRUNK);
    expect(await storedPassword(SYSTEM_ID)).toBe(SYSTEM_PASSWORD);
    expect(await list()).toEqual([SYSTEM_TRUNK, MAIN_TRUNK]);
  });

  test('an unknown id is 404 before any 403', async () => {
    const id = '9b2d7e41-3c6a-4f0e-8a15-d2c4b6e8f013';
    expect((await call('DELETE', `${TRUNKS}/${id}`)).json).toEqual(notFound(id));
  });

  test('isSystem cannot be set through PATCH', async () => {
    const response = await call('PATCH', `${TRUNKS}/${MAIN_ID}`, { isSystem: true });
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ statusCode: 400, message: ['property isSystem should not exist'], error: 'Bad Request' });
    expect((await call('GET', `${TRUNKS}/${MAIN_ID}`)).json).toEqual(MAIN_TRUNK);
  });
});

describe('PATCH is partial', () => {
  const LATER = '2025-04-01T08:15:30.000Z';
  test.each([
    { given: {}, changes: {} },
    { given: { name: 'Renamed' }, changes: { name: 'Renamed' } },
    {
      given: { gateways: [{ ipOrDomain: '192.0.2.45', port: 5080, name: 'Failover Gateway' }, { ipOrDomain: 'edge.example.org' }] },
      changes: { gateways: [{ ipOrDomain: '192.0.2.45', port: 5080, name: 'Failover Gateway' }, { ipOrDomain: 'edge.example.org', port: 5060, name: '' }] },
    },
    { given: { authentication: { username: 'office_sip_user2', password: '********' } }, changes: { authentication: { username: 'office_sip_user2', password: '********' } } },
    { given: { advanced: { transport: 'tls', mediaEncryption: 'require' } }, changes: { advanced: { transport: 'tls', mediaEncryption: 'require' } } },
    { given: { name: 'Both', advanced: { maxConcurrentCalls: 10 } }, changes: { name: 'Both', advanced: { maxConcurrentCalls: 10 } } },
  ])('PATCH $given changes only $changes (and updatedAt)', async ({ given, changes }) => {
    clock = new Date(LATER);
    const want = { ...MAIN_TRUNK, ...changes, updatedAt: LATER };
    const response = await call('PATCH', `${TRUNKS}/${MAIN_ID}`, given);
    expect(response.status).toBe(200);
    expect(response.json).toEqual(want);
    expect((await call('GET', `${TRUNKS}/${MAIN_ID}`)).json).toEqual(want);
  });
});

describe('concurrency', () => {
  test('200 parallel creates give 200 distinct ids, all in the list', async () => {
    expect((await seed([])).status).toBe(200);
    const created = await Promise.all(
      Array.from({ length: 200 }, (_, i) => create({ name: `Trunk ${i}`, gateways: [{ ipOrDomain: `pbx${i}.example.com` }] })),
    );
    const ids = created.map((t) => t.id);
    expect(new Set(ids).size).toBe(200);
    expect(new Set(created.map((t) => t.providerId)).size).toBe(200);
    const listed = await list();
    expect(listed).toHaveLength(200);
    expect(new Set(listed.map((t) => t.id))).toEqual(new Set(ids));
  });

  test('100 parallel PATCHes on one trunk leave it equal to one of them', async () => {
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        call('PATCH', `${TRUNKS}/${MAIN_ID}`, { name: `Name ${i}`, gateways: [{ ipOrDomain: `gw${i}.example.com`, port: 5000 + i }], authentication: { username: `user${i}`, password: `pw${i}` } }),
      ),
    );
    for (const answer of answers) expect(answer.status).toBe(200);
    const final = (await call('GET', `${TRUNKS}/${MAIN_ID}`)).json as Trunk;
    const winner = answers.map((a) => a.json as Trunk).find((t) => t.name === final.name);
    expect(final).toEqual(winner);
    const i = final.name.replace('Name ', '');
    expect(final.gateways).toEqual([{ ipOrDomain: `gw${i}.example.com`, port: 5000 + Number(i), name: '' }]);
    expect(await storedPassword(MAIN_ID)).toBe(`pw${i}`);
  });
});

describe('accounts', () => {
  test('two tokens never see each other\'s trunks', async () => {
    const mine = await create({ name: 'Mine', gateways: [{ ipOrDomain: 'mine.example.com' }] });
    expect((await list(OTHER)).map((t) => t.id)).toEqual([SYSTEM_ID, MAIN_ID]);
    expect((await call('GET', `${TRUNKS}/${mine.id}`, undefined, OTHER)).json).toEqual(notFound(mine.id));
    // Changing the other account's copy of the seeded trunk leaves this one alone.
    expect((await call('DELETE', `${TRUNKS}/${MAIN_ID}`, undefined, OTHER)).status).toBe(204);
    expect((await call('GET', `${TRUNKS}/${MAIN_ID}`)).json).toEqual(MAIN_TRUNK);
  });

  test('two accounts working in parallel keep their own records', async () => {
    const [a, b] = await Promise.all(
      [ACCOUNT, OTHER].map((token) =>
        Promise.all(Array.from({ length: 20 }, (_, i) => create({ name: `${token} ${i}`, gateways: [{ ipOrDomain: 'pbx.example.com' }] }, token))),
      ),
    );
    expect(new Set((await list(ACCOUNT)).map((t) => t.id))).toEqual(new Set([SYSTEM_ID, MAIN_ID, ...a.map((t) => t.id)]));
    expect(new Set((await list(OTHER)).map((t) => t.id))).toEqual(new Set([SYSTEM_ID, MAIN_ID, ...b.map((t) => t.id)]));
  });
});

test('two fresh servers given the same requests give the same ids', async () => {
  const run = async () => {
    const server = await startSipmock({ port: 0, providers: ['nebrija'], logger: createLogger({ quiet: true }), clock: () => new Date(T0) });
    try {
      const bodies: Trunk[] = [];
      for (const name of ['One', 'Two', 'Three']) {
        const response = await call('POST', TRUNKS, { name, gateways: [{ ipOrDomain: 'pbx.example.com' }] }, ACCOUNT, server.url);
        bodies.push(response.json as Trunk);
      }
      return bodies;
    } finally {
      await server.close();
    }
  };
  const [first, second] = [await run(), await run()];
  expect(second).toEqual(first);
  expect(new Set(first.map((t) => t.id)).size).toBe(3);
});

describe('control API', () => {
  test('GET /__sipmock/state/nebrija shows the stored records with their real passwords', async () => {
    const created = await create({ name: 'Dumped', gateways: [{ ipOrDomain: 'pbx.example.com' }], authentication: { username: 'd', password: 'dump-me' } });
    const response = await http(sipmock.current.url, '/__sipmock/state/nebrija');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      provider: 'nebrija',
      accounts: {
        [ACCOUNT]: {
          trunks: [
            { ...SYSTEM_TRUNK, authentication: { username: 'nebrija_platform', password: SYSTEM_PASSWORD } },
            { ...MAIN_TRUNK, authentication: { username: 'office_sip_user', password: MAIN_PASSWORD } },
            { ...created, authentication: { username: 'd', password: 'dump-me' } },
          ],
        },
      },
      // What the next ids depend on travels in the dump, so a PUT of it restores allocation too.
      allocation: { [ACCOUNT]: { draws: expect.any(Number), sequences: { trunks: 0 } } },
    });
  });

  test('PUT seeds trunks; the password is stored, masked in answers, and kept by "********"', async () => {
    const record = {
      ...MAIN_TRUNK,
      id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      name: 'Seeded',
      authentication: { username: 'seeded_user', password: 'seeded-secret' },
    };
    const response = await seed([record]);
    expect(response.status, response.text).toBe(200);
    expect(response.json).toEqual({ provider: 'nebrija', accounts: [ACCOUNT] });
    expect(await list()).toEqual([{ ...record, authentication: { username: 'seeded_user', password: '********' } }]);
    await call('PATCH', `${TRUNKS}/${record.id}`, { authentication: { username: 'seeded_user2', password: '********' } });
    expect((await dump())[0].authentication).toEqual({ username: 'seeded_user2', password: 'seeded-secret' });
    // The seeded account no longer has the seed trunks.
    expect((await call('GET', `${TRUNKS}/${MAIN_ID}`)).status).toBe(404);
  });

  test.each([
    { why: 'port out of range', record: { ...MAIN_TRUNK, gateways: [{ ipOrDomain: 'a.example.com', port: 70000, name: '' }] } },
    { why: 'no providerId', record: (({ providerId: _, ...rest }) => rest)(MAIN_TRUNK) },
    { why: 'no authentication', record: (({ authentication: _, ...rest }) => rest)(MAIN_TRUNK) },
    { why: 'a password that is not a string', record: { ...MAIN_TRUNK, authentication: { username: 'u', password: 1234 } } },
    { why: 'no password', record: { ...MAIN_TRUNK, authentication: { username: 'u' } } },
    { why: 'isSystem not a boolean', record: { ...MAIN_TRUNK, isSystem: 'yes' } },
    { why: 'no gateway', record: { ...MAIN_TRUNK, gateways: [] } },
  ])('PUT refuses a record with $why (400) and keeps the state', async ({ record }) => {
    const response = await seed([record]);
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: 'MOCK_ERR_STATE_INVALID' });
    expect(await list()).toEqual([SYSTEM_TRUNK, MAIN_TRUNK]);
  });
});
