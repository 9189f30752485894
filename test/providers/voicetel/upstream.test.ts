import { beforeEach, describe, expect, test } from 'vitest';
import { http, useSipmock } from '../../helpers/start-server.js';

/**
 * VoiceTel behaviour read from its own sources. SPECS = voicetel/voicetel.github.io@b313046
 * vendor/api-specs/ (gateways.json and account.json v2.1.6); V22 = the same repository's
 * vendor/api-specs/v2.2.json (v2.2.10, also voicetel/api-collections@9cfa271 spec/v2.2.json);
 * SDK = voicetel/typescript-sdk@aa962d9; CREDENTIALS = src/docs/api/v2.1/credentials/index.njk.
 */
const KEY = '0123456789abcdef0123456789abcdef';
const LOGIN = { username: 4592086960, password: 'secret' };
const sipmock = useSipmock({ providers: ['voicetel'], credentials: { voicetel: [KEY, `${LOGIN.username}:${LOGIN.password}`] } });

function call(method: string, path: string, body?: unknown, headers: Record<string, string> = { authorization: `Bearer ${KEY}` }) {
  const withType = body === undefined ? headers : { ...headers, 'content-type': 'application/json' };
  return http(sipmock.current.url, `/voicetel${path}`, { method, headers: withType, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** SDK src/transport.ts: Bearer key, JSON, and the `{status, data}` envelope unwrapped. */
async function sdk(method: string, path: string, body?: unknown) {
  const response = await call(method, path, body);
  const json = response.json as { status?: string; data?: unknown } | undefined;
  return { status: response.status, data: json && 'data' in json ? json.data : json };
}

beforeEach(async () => {
  await http(sipmock.current.url, '/__sipmock/state/voicetel', { method: 'DELETE' });
});

describe('voicetel v2.1 authentication', () => {
  test.each(['/v2.1/gateways/list/', '/v2.1/gateways/add/', '/v2.1/gateways/remove/', '/v2.1/gateways/update/', '/v2.1/numbers/route/'])(
    'answers %s without any key with 400 "Field Required: apikey" (SPECS gateways.json errorResponse example)',
    async (path) => {
      for (const body of [{}, { apikey: '' }]) {
        const response = await call('POST', path, body, {});
        expect([response.status, response.json]).toEqual([400, { statusCode: '400', status: 'Error', message: 'Field Required: apikey' }]);
      }
    },
  );

  test('answers a key it does not know with 401 (SPECS gateways.json declares 401 errorResponse)', async () => {
    const response = await call('POST', '/v2.1/gateways/list/', { apikey: 'ffffffffffffffffffffffffffffffff' }, {});
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({ statusCode: '401', status: 'Error' });
  });

  test('takes the header over the body key when both are sent (CREDENTIALS "the header takes precedence")', async () => {
    const response = await call('POST', '/v2.1/gateways/list/', { apikey: 'ffffffffffffffffffffffffffffffff' });
    expect(response.status).toBe(200);
  });

  test.each([[{ username: LOGIN.username }], [{ password: 'secret' }], [{}]])(
    'answers account/apikey %j with 400 "Field Required: username or password" (SPECS account.json)',
    async (body) => {
      const response = await call('POST', '/v2.1/account/apikey/', body, {});
      expect(response.json).toEqual({ statusCode: '400', status: 'Error', message: 'Field Required: username or password' });
    },
  );

  test('hands out a key the gateway calls accept, and refuses a wrong password with 401 (SPECS account.json, CREDENTIALS bootstrap)', async () => {
    const issued = await call('POST', '/v2.1/account/apikey/', LOGIN, {});
    const apikey = (issued.json as { apikey: string }).apikey;
    expect(issued.json).toEqual({ statusCode: '200', status: 'Success', apikey: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect((await call('POST', '/v2.1/gateways/list/', { apikey }, {})).status).toBe(200);
    const wrong = await call('POST', '/v2.1/account/apikey/', { ...LOGIN, password: 'nope' }, {});
    expect(wrong.json).toEqual({ statusCode: '401', status: 'Error', message: 'Invalid username or password' });
  });

  test('serves the v2.1 paths without their trailing slash too (CREDENTIALS calls /v2.1/info/cnam so)', async () => {
    expect((await call('POST', '/v2.1/gateways/add', { gateways: [{ gateway: '203.0.113.10:5060' }] })).status).toBe(200);
    const list = await call('POST', '/v2.1/gateways/list', {});
    expect((list.json as { gateways: unknown[] }).gateways).toContainEqual({ route: '1000', gateway: '203.0.113.10:5060' });
    expect((await call('POST', '/v2.1/account/apikey', LOGIN, {})).status).toBe(200);
  });
});

describe('voicetel v2.1 gateways', () => {
  test('lists the system routes 1-6 and 8, then user gateways from 1000, routes as strings (SPECS gateways.json gatewaysList)', async () => {
    await call('POST', '/v2.1/gateways/add/', { gateways: [{ gateway: '203.0.113.10:5060' }] });
    const list = (await call('POST', '/v2.1/gateways/list/', {})).json as { gateways: Array<{ route: string; gateway: string }> };
    expect(list.gateways.map((g) => g.route)).toEqual(['1', '2', '3', '4', '5', '6', '8', '1000']);
    expect(list.gateways[0]).toEqual({ route: '1', gateway: 'USER' });
  });

  test('reports a partial add with 409 and the doubled "one one" (SPECS gateways.json gatewaysAdd 409)', async () => {
    const response = await call('POST', '/v2.1/gateways/add/', { gateways: [{ gateway: '203.0.113.10:5060' }, { gateway: '10.0.0.1' }] });
    expect(response.json).toEqual({
      statusCode: '409',
      status: 'Error',
      message: 'At least one one gateway could not be added.',
      added_success: ['203.0.113.10:5060'],
      added_failed: ['10.0.0.1'],
    });
  });
});

describe('voicetel v2.2 gateways, beside v2.1 on one account (V22 paths /v2.2/gateways*, SDK src/resources/gateways.ts)', () => {
  test('adds with 201, a default limit of 23, and reads it back by id (V22 gatewaysCreate, gatewayAddRequest)', async () => {
    const created = await sdk('POST', '/v2.2/gateways', { gateway: '203.0.113.10:5060', prefix: '9' });
    expect(created).toEqual({ status: 201, data: { id: 1000, gateway: '203.0.113.10:5060', prefix: '9', limit: 23, system: false } });
    expect(await sdk('GET', '/v2.2/gateways/1000')).toEqual({ status: 200, data: created.data });
  });

  test('lists the system routes with a null limit, then the user gateways (V22 gatewaysList, gatewayEntry.limit)', async () => {
    await sdk('POST', '/v2.2/gateways', { gateway: '203.0.113.10' });
    const { data } = await sdk('GET', '/v2.2/gateways');
    const rows = (data as { gateways: Array<{ id: number; system: boolean; limit: number | null }> }).gateways;
    expect(rows.map((row) => row.id)).toEqual([1, 2, 3, 4, 5, 6, 8, 1000]);
    expect(rows.filter((row) => row.system).every((row) => row.limit === null)).toBe(true);
  });

  test('shares gateways with v2.1: a v2.1 route is a v2.2 id, and back', async () => {
    await call('POST', '/v2.1/gateways/add/', { gateways: [{ gateway: '203.0.113.10:5060' }] });
    expect((await sdk('GET', '/v2.2/gateways/1000')).data).toMatchObject({ id: 1000, gateway: '203.0.113.10:5060' });
    await sdk('PUT', '/v2.2/gateways/1000', { gateway: '203.0.113.20:5060', limit: 100 });
    const list = (await call('POST', '/v2.1/gateways/list/', {})).json as { gateways: unknown[] };
    expect(list.gateways).toContainEqual({ route: '1000', gateway: '203.0.113.20:5060' });
    await call('POST', '/v2.1/gateways/update/', { gateways: [{ route: 1000, gateway: '203.0.113.30:5060' }] });
    // v2.1 changes only the address: v2.2's limit stays.
    expect((await sdk('GET', '/v2.2/gateways/1000')).data).toMatchObject({ gateway: '203.0.113.30:5060', limit: 100 });
  });

  test('refuses to remove a gateway DIDs are routed to with 409, removes it with 204 once they go (V22 gatewaysDelete)', async () => {
    await sdk('POST', '/v2.2/gateways', { gateway: '203.0.113.10' });
    await call('POST', '/v2.1/numbers/route/', { numbers: [{ number: 2015550123, route: 1000 }] });
    expect((await sdk('GET', '/v2.2/gateways/1000/numbers')).data).toEqual({
      numbers: [{ number: '2015550123', translated: '2015550123', forward: false, forwardTo: null, cnam: false, carrier: 0, smsEnabled: false, faxEnabled: false }],
    });
    expect((await sdk('DELETE', '/v2.2/gateways/1000')).status).toBe(409);
    await call('POST', '/v2.1/numbers/route/', { numbers: [{ number: 2015550123, route: 1 }] });
    const removed = await call('DELETE', '/v2.2/gateways/1000');
    expect([removed.status, removed.text]).toEqual([204, '']);
    expect((await sdk('GET', '/v2.2/gateways/1000')).status).toBe(404);
  });

  test('takes the key as a Bearer header only, and answers in the v2.2 error envelope (V22 bearerAuth, errorResponse)', async () => {
    const response = await call('GET', '/v2.2/gateways', undefined, {});
    expect([response.status, response.json]).toEqual([401, { status: 'error', error: { code: 401, message: 'Invalid or missing API key' } }]);
    const inBody = await call('POST', '/v2.2/gateways', { apikey: KEY, gateway: '203.0.113.10' }, {});
    expect(inBody.status).toBe(401);
  });

  test('keeps limit within 1..1000 (V22 gatewayAddRequest.limit)', async () => {
    const response = await call('POST', '/v2.2/gateways', { gateway: '203.0.113.10', limit: 0 });
    expect([response.status, response.json]).toEqual([400, { status: 'error', error: { code: 400, message: 'Invalid Field: limit must be >= 1' } }]);
  });

  test('issues the same key from v2.2 account/api-key without a Bearer token (V22 accountApiKey)', async () => {
    const v21 = (await call('POST', '/v2.1/account/apikey/', LOGIN, {})).json as { apikey: string };
    const v22 = await call('POST', '/v2.2/account/api-key', { username: String(LOGIN.username), password: LOGIN.password }, {});
    expect(v22.json).toEqual({ status: 'success', data: { apikey: v21.apikey } });
  });
});
