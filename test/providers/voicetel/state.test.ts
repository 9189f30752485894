import { beforeEach, describe, expect, test } from 'vitest';
import { http, useSipmock, type HttpResult } from '../../helpers/start-server.js';

/**
 * VoiceTel v2.1 with state: routes from 1000, the system routes always listed first, batches that
 * answer 200 or 409 with success and failure lists, and DIDs that pin a gateway.
 * Source: VoiceTel Gateways API v2.1.6, voicetel/voicetel.github.io@b313046 vendor/api-specs/gateways.json
 * (and numbers.json beside it), rendered at https://voicetel.com/docs/api/v2.1/gateways/.
 */
const sipmock = useSipmock({ providers: ['voicetel'] });

const KEY_A = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const KEY_B = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';

const SYSTEM_ROWS = [
  { route: '1', gateway: 'USER' },
  { route: '2', gateway: 'T30' },
  { route: '3', gateway: 'VOICE_BRIDGE' },
  { route: '4', gateway: 'DID' },
  { route: '5', gateway: 'T38' },
  { route: '6', gateway: 'RTC_BRIDGE' },
  { route: '8', gateway: 'SDN' },
];
const ADD_FAILED = 'At least one one gateway could not be added.';
const REMOVE_FAILED = 'At least one one route could not be removed. Please make sure no DID are routed to gateway.';
const INVALID_GATEWAY = 'Gateway should be a routable IP or Hostname and optional port';

type Options = { key?: string; bodyKey?: string; baseUrl?: string };

/** One VoiceTel call: the key as Bearer header unless only `bodyKey` is given. Every answer must match the spec. */
async function call(action: string, body: Record<string, unknown> = {}, options: Options = {}): Promise<HttpResult> {
  const key = options.key ?? (options.bodyKey === undefined ? KEY_A : undefined);
  const response = await http(options.baseUrl ?? sipmock.current.url, `/voicetel/v2.1/${action}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(options.bodyKey === undefined ? body : { apikey: options.bodyKey, ...body }),
  });
  expect(response.headers.get('sl-violations'), response.headers.get('sl-violations') ?? '').toBeNull();
  return response;
}

const add = (gateways: string[], options?: Options) => call('gateways/add', { gateways: gateways.map((gateway) => ({ gateway })) }, options);
const list = (options?: Options) => call('gateways/list', {}, options);
const update = (gateways: Array<{ route: number; gateway: string }>, options?: Options) => call('gateways/update', { gateways }, options);
const remove = (routes: number[], options?: Options) => call('gateways/remove', { routes: routes.map((route) => ({ route })) }, options);
const routeNumbers = (numbers: Array<{ number: number; route: number }>, options?: Options) => call('numbers/route', { numbers }, options);

const listed = (...rows: Array<[string, string]>) => ({
  statusCode: '200',
  status: 'Success',
  gateways: [...SYSTEM_ROWS, ...rows.map(([route, gateway]) => ({ route, gateway }))],
});
const entered = (...rows: Array<[string, string]>) => ({
  statusCode: '200',
  status: 'Success',
  message: 'Gateways Entered',
  gateways: rows.map(([route, IP]) => ({ route, IP })),
});

async function state(account?: string) {
  const query = account === undefined ? '' : `?account=${account}`;
  return http(sipmock.current.url, `/__sipmock/state/voicetel${query}`);
}

beforeEach(async () => {
  await http(sipmock.current.url, '/__sipmock/state/voicetel', { method: 'DELETE' });
});

describe('workflow', () => {
  test('a new account lists the system routes only', async () => {
    const response = await list();
    expect(response.status).toBe(200);
    expect(response.json).toEqual(listed());
  });

  test('add, list, update, list, remove, list', async () => {
    const added = await add(['203.0.113.10:5060', 'sip-edge.example.net:5080']);
    expect(added.status).toBe(200);
    expect(added.json).toEqual(entered(['1000', '203.0.113.10:5060'], ['1001', 'sip-edge.example.net:5080']));

    expect((await list()).json).toEqual(listed(['1000', '203.0.113.10:5060'], ['1001', 'sip-edge.example.net:5080']));

    const updated = await update([{ route: 1000, gateway: '198.51.100.20:5070' }]);
    expect(updated.status).toBe(200);
    expect(updated.json).toEqual({ statusCode: '200', status: 'Success', message: 'Gateway updated', gateways: [{ gateway: '198.51.100.20:5070', route: 1000 }] });

    expect((await list()).json).toEqual(listed(['1000', '198.51.100.20:5070'], ['1001', 'sip-edge.example.net:5080']));

    const removed = await remove([1000]);
    expect(removed.status).toBe(200);
    expect(removed.json).toEqual({ statusCode: '200', status: 'Success', message: 'Gateways Removed', routes: [{ route: 1000 }] });

    expect((await list()).json).toEqual(listed(['1001', 'sip-edge.example.net:5080']));

    // The removed route is gone for good: VoiceTel has no GET, so its "not found" is the failed lists.
    expect((await remove([1000])).json).toEqual({ statusCode: '409', status: 'Error', message: REMOVE_FAILED, removed_success: [], removed_failed: [{ route: 1000 }] });
    expect((await update([{ route: 1000, gateway: '198.51.100.21' }])).json).toEqual({
      statusCode: '409',
      status: 'Error',
      message: 'Update result',
      update_success: [],
      update_failed: [{ gateway: '198.51.100.21', route: 1000, message: 'Invalid number or route' }],
    });
  });

  test('the 200 of an add lists every user gateway of the account, not only the new ones', async () => {
    await add(['192.0.2.50:5060']);
    const response = await add(['203.0.113.10:5060', '198.51.100.24', 'sip-edge.example.net:5080']);
    expect(response.json).toEqual(
      entered(['1000', '192.0.2.50:5060'], ['1001', '203.0.113.10:5060'], ['1002', '198.51.100.24'], ['1003', 'sip-edge.example.net:5080']),
    );
  });

  test('routes grow from 1000 and a removed route number is never handed out again', async () => {
    await add(['203.0.113.1', '203.0.113.2', '203.0.113.3']);
    await remove([1001, 1002]);
    const response = await add(['203.0.113.4']);
    expect(response.json).toEqual(entered(['1000', '203.0.113.1'], ['1003', '203.0.113.4']));
  });

  test('a partial add stores the gateways that passed and answers 409 with both lists', async () => {
    const response = await add(['203.0.113.10:5060', '192.168.1.20:5060', 'pbx.invalid', 'sip-edge.example.net']);
    expect(response.status).toBe(409);
    expect(response.json).toEqual({
      statusCode: '409',
      status: 'Error',
      message: ADD_FAILED,
      added_success: ['203.0.113.10:5060', 'sip-edge.example.net'],
      added_failed: ['192.168.1.20:5060', 'pbx.invalid'],
    });
    expect((await list()).json).toEqual(listed(['1000', '203.0.113.10:5060'], ['1001', 'sip-edge.example.net']));
  });

  test('a missing gateways list is a 400 in the VoiceTel format', async () => {
    const response = await call('gateways/add', {});
    expect(response.status).toBe(400);
    expect(response.json).toEqual({ statusCode: '400', status: 'Error', message: 'Field Required: gateways' });
  });
});

describe('gateway validation', () => {
  const accepted: Array<[string, string]> = [
    ['203.0.113.10:5060', 'documentation range TEST-NET-3 (deliberately accepted: the spec examples use it)'],
    ['198.51.100.24', 'documentation range TEST-NET-2'],
    ['192.0.2.1:5080', 'documentation range TEST-NET-1'],
    ['8.8.8.8', 'public address without a port'],
    ['1.1.1.1:1', 'lowest port'],
    ['1.1.1.1:65535', 'highest port'],
    ['100.63.255.255', 'just below carrier-grade NAT'],
    ['100.128.0.1', 'just above carrier-grade NAT'],
    ['172.15.255.255', 'just below 172.16/12'],
    ['172.32.0.1', 'just above 172.16/12'],
    ['223.255.255.255', 'last unicast address'],
    ['sip-edge.example.net:5080', 'hostname with a port'],
    ['SBC1.Example.COM', 'upper-case hostname'],
    ['trunk.example.com.', 'fully qualified with the root dot'],
    ['a1.b2.io', 'short labels with digits'],
    ['123.example.com', 'numeric first label'],
  ];
  const refused: Array<[string, string]> = [
    ['10.0.0.5:5060', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12, first'],
    ['172.31.255.255', 'private 172.16/12, last'],
    ['192.168.1.20:5060', 'private 192.168/16'],
    ['127.0.0.1', 'loopback'],
    ['169.254.10.10', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT, first'],
    ['100.127.255.254', 'carrier-grade NAT, last'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250:1900', 'multicast SSDP'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', '"this network" 0/8'],
    ['192.0.0.8', 'IETF protocol assignments'],
    ['198.18.0.1', 'benchmarking'],
    ['256.1.1.1', 'octet above 255'],
    ['1.2.3', 'three octets'],
    ['1.2.3.4.5', 'five octets'],
    ['01.2.3.4', 'leading zero'],
    ['1.2.3.4:0', 'port 0'],
    ['1.2.3.4:65536', 'port above 65535'],
    ['1.2.3.4:', 'empty port'],
    ['1.2.3.4:50a', 'port not a number'],
    ['1.2.3.4:5060:1', 'two ports'],
    ['2001:db8::1', 'IPv6'],
    ['pbx', 'single-label name'],
    ['localhost', 'localhost'],
    ['sip.localhost', '.localhost name'],
    ['pbx.invalid', '.invalid name (never resolves)'],
    ['-edge.example.com', 'label starting with a hyphen'],
    ['edge-.example.com', 'label ending with a hyphen'],
    ['under_score.example.com', 'underscore'],
    ['a..example.com', 'empty label'],
    ['exa mple.com', 'space'],
    ['example.123', 'numeric top-level label'],
    [`${'a'.repeat(64)}.example.com`, 'label of 64 characters'],
    ['sip:pbx.example.com', 'a SIP URI, not a gateway'],
  ];

  test.each(accepted)('accepts %s (%s)', async (gateway) => {
    const response = await add([gateway]);
    expect(response.status).toBe(200);
    expect(response.json).toEqual(entered(['1000', gateway]));
  });

  test.each(refused)('refuses %s (%s)', async (gateway) => {
    const response = await add([gateway]);
    expect(response.status).toBe(409);
    expect(response.json).toEqual({ statusCode: '409', status: 'Error', message: ADD_FAILED, added_success: [], added_failed: [gateway] });
    expect((await list()).json).toEqual(listed());
  });
});

describe('duplicates', () => {
  const cases: Array<{ name: string; stored: string[]; given: string[]; added: string[]; failed: string[] }> = [
    { name: 'the same gateway already on the account', stored: ['203.0.113.10:5060'], given: ['203.0.113.10:5060'], added: [], failed: ['203.0.113.10:5060'] },
    { name: 'the same gateway twice in one request', stored: [], given: ['203.0.113.10', '203.0.113.10'], added: ['203.0.113.10'], failed: ['203.0.113.10'] },
    { name: 'a hostname in another case', stored: ['sbc.example.com:5060'], given: ['SBC.Example.com:5060'], added: [], failed: ['SBC.Example.com:5060'] },
    { name: 'the same host on another port', stored: ['203.0.113.10:5060'], given: ['203.0.113.10:5080'], added: ['203.0.113.10:5080'], failed: [] },
    { name: 'the same host without a port', stored: ['203.0.113.10:5060'], given: ['203.0.113.10'], added: ['203.0.113.10'], failed: [] },
  ];

  test.each(cases)('$name', async ({ stored, given, added, failed }) => {
    if (stored.length > 0) expect((await add(stored)).status).toBe(200);
    const response = await add(given);
    if (failed.length === 0) {
      expect(response.status).toBe(200);
      return;
    }
    expect(response.json).toEqual({ statusCode: '409', status: 'Error', message: ADD_FAILED, added_success: added, added_failed: failed });
  });
});

describe('update by route', () => {
  beforeEach(async () => {
    await add(['203.0.113.10:5060', '203.0.113.11:5060']); // routes 1000 and 1001
  });

  const cases: Array<{ name: string; route: number; gateway: string; message: string }> = [
    { name: 'a system route', route: 1, gateway: '198.51.100.5', message: 'Invalid number or route' },
    { name: 'route 8 (SDN)', route: 8, gateway: '198.51.100.5', message: 'Invalid number or route' },
    { name: 'route 7, which does not exist', route: 7, gateway: '198.51.100.5', message: 'Invalid number or route' },
    { name: 'a route the account does not have', route: 1005, gateway: '198.51.100.5', message: 'Invalid number or route' },
    { name: 'a private address', route: 1000, gateway: '172.16.0.10:5060', message: INVALID_GATEWAY },
    { name: 'a malformed address', route: 1000, gateway: '198.51.100.5:99999', message: INVALID_GATEWAY },
    { name: 'the address of another route', route: 1000, gateway: '203.0.113.11:5060', message: INVALID_GATEWAY },
  ];

  test.each(cases)('refuses $name', async ({ route, gateway, message }) => {
    const response = await update([{ route, gateway }]);
    expect(response.json).toEqual({ statusCode: '409', status: 'Error', message: 'Update result', update_success: [], update_failed: [{ gateway, route, message }] });
    expect((await list()).json).toEqual(listed(['1000', '203.0.113.10:5060'], ['1001', '203.0.113.11:5060']));
  });

  test('keeps a route on its own address', async () => {
    const response = await update([{ route: 1000, gateway: '203.0.113.10:5060' }]);
    expect(response.status).toBe(200);
  });

  test('applies the items that pass and reports the others', async () => {
    const response = await update([
      { route: 1000, gateway: '203.0.113.20:5060' },
      { route: 1005, gateway: '198.51.100.30:5060' },
    ]);
    expect(response.status).toBe(409);
    expect(response.json).toEqual({
      statusCode: '409',
      status: 'Error',
      message: 'Update result',
      update_success: [{ gateway: '203.0.113.20:5060', route: 1000 }],
      update_failed: [{ gateway: '198.51.100.30:5060', route: 1005, message: 'Invalid number or route' }],
    });
    expect((await list()).json).toEqual(listed(['1000', '203.0.113.20:5060'], ['1001', '203.0.113.11:5060']));
  });
});

describe('remove by route', () => {
  beforeEach(async () => {
    await add(['203.0.113.10:5060', '203.0.113.11:5060']); // routes 1000 and 1001
  });

  test.each([
    { name: 'a system route', route: 4 },
    { name: 'route 7', route: 7 },
    { name: 'a route the account does not have', route: 1002 },
  ])('refuses $name', async ({ route }) => {
    const response = await remove([route]);
    expect(response.json).toEqual({ statusCode: '409', status: 'Error', message: REMOVE_FAILED, removed_success: [], removed_failed: [{ route }] });
  });

  test('removes the routes that can go and reports the others', async () => {
    const response = await remove([1000, 1001, 1001]);
    expect(response.json).toEqual({
      statusCode: '409',
      status: 'Error',
      message: REMOVE_FAILED,
      removed_success: [{ route: 1000 }, { route: 1001 }],
      removed_failed: [{ route: 1001 }],
    });
    expect((await list()).json).toEqual(listed());
  });
});

describe('numbers routed to gateways', () => {
  beforeEach(async () => {
    await add(['203.0.113.10:5060', '203.0.113.11:5060']); // routes 1000 and 1001
  });

  test('routes numbers to a user gateway or a system route', async () => {
    const response = await routeNumbers([
      { number: 2015551234, route: 1000 },
      { number: 2015550147, route: 4 },
    ]);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({
      statusCode: '200',
      status: 'Success',
      message: 'Route results',
      numbers: [
        { number: '2015551234', route: 1000 },
        { number: '2015550147', route: 4 },
      ],
    });
  });

  test.each([
    { name: 'an unknown user route', number: 2015551234, route: 1005, message: 'Invalid Route' },
    { name: 'route 7', number: 2015551234, route: 7, message: 'Invalid Route' },
    { name: 'a number that is not a 10-digit NANP number', number: 12345, route: 1000, message: 'Failed' },
    { name: 'a NANP number with an exchange starting with 1', number: 2011551234, route: 1000, message: 'Failed' },
  ])('refuses $name', async ({ number, route, message }) => {
    const response = await routeNumbers([{ number, route }]);
    expect(response.json).toEqual({
      statusCode: '409',
      status: 'Error',
      message: 'Route result',
      numbers_success: null,
      numbers_failed: [{ number: String(number), route, message }],
    });
  });

  test('routes the numbers that pass and reports the others', async () => {
    const response = await routeNumbers([
      { number: 2015550123, route: 1000 },
      { number: 2015550147, route: 1005 },
    ]);
    expect(response.json).toEqual({
      statusCode: '409',
      status: 'Error',
      message: 'Route result',
      numbers_success: [{ number: '2015550123', route: 1000 }],
      numbers_failed: [{ number: '2015550147', route: 1005, message: 'Invalid Route' }],
    });
  });

  test('a negative number is a 400', async () => {
    const response = await routeNumbers([{ number: -2015550123, route: 1000 }]);
    expect(response.status).toBe(400);
  });

  test('a gateway with DIDs routed to it cannot be removed until they are routed elsewhere', async () => {
    await routeNumbers([{ number: 2015551234, route: 1000 }]);
    const refused = await remove([1000, 1001]);
    expect(refused.json).toEqual({ statusCode: '409', status: 'Error', message: REMOVE_FAILED, removed_success: [{ route: 1001 }], removed_failed: [{ route: 1000 }] });
    expect((await list()).json).toEqual(listed(['1000', '203.0.113.10:5060']));

    await routeNumbers([{ number: 2015551234, route: 1 }]);
    expect((await remove([1000])).status).toBe(200);
    expect((await state(KEY_A)).json).toMatchObject({ provider: 'voicetel', accounts: { [KEY_A]: { gateways: [], numbers: [{ id: '2015551234', route: 1 }] } } });
  });
});

describe('credentials', () => {
  test('the key may come in the body instead of the header', async () => {
    await add(['203.0.113.10:5060'], { bodyKey: KEY_A });
    expect((await list({ bodyKey: KEY_A })).json).toEqual(listed(['1000', '203.0.113.10:5060']));
    expect((await list({ key: KEY_A })).json).toEqual(listed(['1000', '203.0.113.10:5060']));
  });

  test('the header wins over the body key', async () => {
    await add(['203.0.113.10:5060'], { key: KEY_A, bodyKey: KEY_B });
    expect((await list({ key: KEY_A })).json).toEqual(listed(['1000', '203.0.113.10:5060']));
    expect((await list({ bodyKey: KEY_B })).json).toEqual(listed());
  });

  test('the key is one account whatever its case', async () => {
    await add(['203.0.113.10:5060'], { key: KEY_A.toUpperCase() });
    expect((await list({ key: KEY_A })).json).toEqual(listed(['1000', '203.0.113.10:5060']));
  });

  test('two keys working in parallel never see each other’s gateways', async () => {
    const gatewaysOf = (prefix: string) => Array.from({ length: 20 }, (_, i) => `${prefix}${i}.example.net`);
    await Promise.all([
      ...gatewaysOf('a').map((gateway) => add([gateway], { key: KEY_A })),
      ...gatewaysOf('b').map((gateway) => add([gateway], { key: KEY_B })),
    ]);
    for (const [key, prefix] of [
      [KEY_A, 'a'],
      [KEY_B, 'b'],
    ]) {
      const rows = ((await list({ key })).json as { gateways: Array<{ route: string; gateway: string }> }).gateways.slice(SYSTEM_ROWS.length);
      expect(rows.map((row) => row.route)).toEqual(Array.from({ length: 20 }, (_, i) => String(1000 + i)));
      expect(rows.map((row) => row.gateway).sort()).toEqual(gatewaysOf(prefix).sort());
    }
  });
});

describe('concurrency', () => {
  test('200 parallel adds give 200 distinct routes', async () => {
    const gateways = Array.from({ length: 200 }, (_, i) => `gw${i}.example.net:5060`);
    const responses = await Promise.all(gateways.map((gateway) => add([gateway])));
    expect(responses.map((response) => response.status)).toEqual(gateways.map(() => 200));
    const rows = ((await list()).json as { gateways: Array<{ route: string; gateway: string }> }).gateways;
    expect(rows.slice(0, SYSTEM_ROWS.length)).toEqual(SYSTEM_ROWS);
    const user = rows.slice(SYSTEM_ROWS.length);
    expect(user.map((row) => row.route)).toEqual(gateways.map((_, i) => String(1000 + i)));
    expect(user.map((row) => row.gateway).sort()).toEqual([...gateways].sort());
  });
});

describe('control API', () => {
  test('GET shows the stored records per account', async () => {
    await add(['203.0.113.10:5060']);
    await routeNumbers([{ number: 2015551234, route: 1000 }]);
    await add(['198.51.100.24'], { key: KEY_B });
    const response = await state();
    expect(response.json).toEqual({
      provider: 'voicetel',
      accounts: {
        [KEY_A]: { gateways: [{ id: '1000', gateway: '203.0.113.10:5060' }], numbers: [{ id: '2015551234', route: 1000 }] },
        [KEY_B]: { gateways: [{ id: '1000', gateway: '198.51.100.24' }], numbers: [] },
      },
      // Route numbers are handed out from 1000 and never again: the dump says where each account is.
      allocation: {
        [KEY_A]: { draws: 0, sequences: { gateways: 1000, numbers: 0 } },
        [KEY_B]: { draws: 0, sequences: { gateways: 1000, numbers: 0 } },
      },
    });
  });

  test('PUT seeds gateways and numbers; new routes continue after the highest', async () => {
    const seeded = await http(sipmock.current.url, `/__sipmock/state/voicetel?account=${KEY_A}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        gateways: [
          { id: '1204', gateway: 'sbc2.example.com' },
          { id: '1200', gateway: 'sbc1.example.com:5070' },
        ],
        numbers: [{ id: '2015551234', route: 1200 }],
      }),
    });
    expect(seeded.status).toBe(200);
    expect((await list()).json).toEqual(listed(['1200', 'sbc1.example.com:5070'], ['1204', 'sbc2.example.com']));
    expect((await add(['203.0.113.10'])).json).toEqual(
      entered(['1200', 'sbc1.example.com:5070'], ['1204', 'sbc2.example.com'], ['1205', '203.0.113.10']),
    );
    expect((await remove([1200])).status).toBe(409);
    expect((await add(['SBC2.example.com'])).status).toBe(409);
  });

  test.each([
    { name: 'a gateway without its address', records: { gateways: [{ id: '1000' }] } },
    { name: 'a route that is not a number', records: { gateways: [{ id: 'main', gateway: '203.0.113.10' }] } },
    { name: 'a number routed to a string', records: { numbers: [{ id: '2015551234', route: '1000' }] } },
    { name: 'an unknown collection', records: { trunks: [{ id: '1' }] } },
  ])('PUT refuses $name with 400', async ({ records }) => {
    const response = await http(sipmock.current.url, `/__sipmock/state/voicetel?account=${KEY_A}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(records),
    });
    expect(response.status).toBe(400);
    expect((await list()).json).toEqual(listed());
  });
});

describe('determinism', () => {
  const first = useSipmock({ providers: ['voicetel'] });
  const second = useSipmock({ providers: ['voicetel'] });

  test('two fresh servers given the same requests answer and store the same', async () => {
    const run = async (baseUrl: string) => {
      const answers = [
        (await add(['203.0.113.10:5060', '10.0.0.1', 'sip-edge.example.net'], { baseUrl })).json,
        (await update([{ route: 1001, gateway: '198.51.100.7' }], { baseUrl })).json,
        (await routeNumbers([{ number: 2015551234, route: 1000 }], { baseUrl })).json,
        (await remove([1000, 1001], { baseUrl })).json,
        (await list({ baseUrl })).json,
      ];
      const stored = (await http(baseUrl, '/__sipmock/state/voicetel')).json;
      return { answers, stored };
    };
    const one = await run(first.current.url);
    expect(await run(second.current.url)).toEqual(one);
    expect(one.answers[4]).toEqual(listed(['1000', '203.0.113.10:5060']));
  });
});
