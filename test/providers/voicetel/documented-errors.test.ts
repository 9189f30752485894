import { describeDocumentedErrors, type CannedOnly, type ErrorTrigger } from '../../helpers/documented-errors.js';
import { http } from '../../helpers/start-server.js';

/**
 * Every error example of specs/voicetel.openapi.yaml is what the server builds, word for word.
 * v2.1's documented texts: "Field Required: apikey" (voicetel/voicetel.github.io@b313046
 * vendor/api-specs/gateways.json, errorResponse), "Field Required: username or password" and
 * "Invalid username or password" (account.json), the 409 messages with their doubled "one one"
 * (gateways.json). v2.2's examples upstream are placeholders, so its texts are sipmock's own.
 */
const KEY = '0123456789abcdef0123456789abcdef';
const AUTH = { authorization: `Bearer ${KEY}` };
const WRONG = { authorization: 'Bearer ffffffffffffffffffffffffffffffff' };

/** Adds user gateways (routes 1000 upward) and routes DIDs, as a test's starting state. */
function setup(gateways: string[], numbers: Array<{ number: number; route: number }> = []) {
  return async (base: string) => {
    const headers = { ...AUTH, 'content-type': 'application/json' };
    await http(base, '/v2.1/gateways/add/', { method: 'POST', headers, body: JSON.stringify({ gateways: gateways.map((gateway) => ({ gateway })) }) });
    if (numbers.length > 0) await http(base, '/v2.1/numbers/route/', { method: 'POST', headers, body: JSON.stringify({ numbers }) });
  };
}

const internal: CannedOnly = { canned: 'an internal error is only answered on request (Prefer: code=500)' };
const rateLimit: CannedOnly = { canned: 'the 6-per-hour limit of the key bootstrap is enforced by issue 10; until then Prefer: code=429' };
const triggers: Record<string, ErrorTrigger | CannedOnly> = {};

const v21: Array<[string, string, unknown]> = [
  ['gatewaysAdd', '/v2.1/gateways/add/', { gateways: [{ gateway: '203.0.113.10:5060' }] }],
  ['gatewaysList', '/v2.1/gateways/list/', {}],
  ['gatewaysRemove', '/v2.1/gateways/remove/', { routes: [{ route: 1000 }] }],
  ['gatewaysUpdate', '/v2.1/gateways/update/', { gateways: [{ route: 1000, gateway: '203.0.113.20:5060' }] }],
  ['numbersRoute', '/v2.1/numbers/route/', { numbers: [{ number: 2015550123, route: 1 }] }],
];
for (const [operationId, path, body] of v21) {
  triggers[`${operationId} 400 malformed-json`] = { path, headers: AUTH, rawBody: '{"gateways": [' };
  triggers[`${operationId} 401 invalid-api-key`] = { path, headers: WRONG, body };
  triggers[`${operationId} 401 malformed-api-key`] = { path, body: { ...(body as object), apikey: 'not-a-key' } };
  triggers[`${operationId} 415 unsupported-media-type`] = { path, headers: { ...AUTH, 'content-type': 'text/plain' }, rawBody: 'gateways' };
  triggers[`${operationId} 500 internal-error`] = internal;
  if (operationId !== 'gatewaysList') triggers[`${operationId} 400 missing-apikey`] = { path, body };
}

const v22: Array<[string, string, string]> = [
  ['gatewaysListV22', 'GET', '/v2.2/gateways'],
  ['gatewaysCreate', 'POST', '/v2.2/gateways'],
  ['gatewaysGet', 'GET', '/v2.2/gateways/1000'],
  ['gatewaysPut', 'PUT', '/v2.2/gateways/1000'],
  ['gatewaysDelete', 'DELETE', '/v2.2/gateways/1000'],
  ['gatewaysNumbers', 'GET', '/v2.2/gateways/1000/numbers'],
];
for (const [operationId, method, path] of v22) {
  // v2.2 takes the key as a Bearer header only: one in the body does not count.
  triggers[`${operationId} 401 invalid-api-key`] = { method, path, body: method === 'POST' || method === 'PUT' ? { apikey: KEY, gateway: '203.0.113.10' } : undefined };
  triggers[`${operationId} 500 internal-error`] = internal;
  if (path.includes('1000')) triggers[`${operationId} 404 not-found`] = { method, path, headers: AUTH, body: method === 'PUT' ? { limit: 10 } : undefined };
}

Object.assign(triggers, {
  'gatewaysAdd 400 missing-gateways': { path: '/v2.1/gateways/add/', headers: AUTH, body: { gateways: [] } },
  'gatewaysAdd 409 partially-added': { path: '/v2.1/gateways/add/', headers: AUTH, body: { gateways: [{ gateway: '203.0.113.10:5060' }, { gateway: '192.168.1.20:5060' }] } },
  'gatewaysAdd 409 none-added': { path: '/v2.1/gateways/add/', headers: AUTH, body: { gateways: [{ gateway: '10.0.0.5:5060' }, { gateway: 'pbx.invalid' }] } },
  'gatewaysRemove 400 missing-routes': { path: '/v2.1/gateways/remove/', headers: AUTH, body: {} },
  'gatewaysRemove 409 dids-routed': {
    before: setup(['203.0.113.10:5060', '203.0.113.11:5060'], [{ number: 2015550123, route: 1001 }]),
    path: '/v2.1/gateways/remove/',
    headers: AUTH,
    body: { routes: [{ route: 1000 }, { route: 1001 }] },
  },
  'gatewaysRemove 409 none-removed': { path: '/v2.1/gateways/remove/', headers: AUTH, body: { routes: [{ route: 1001 }] } },
  'gatewaysUpdate 400 missing-gateways': { path: '/v2.1/gateways/update/', headers: AUTH, body: {} },
  'gatewaysUpdate 409 unknown-route': {
    before: setup(['203.0.113.10:5060']),
    path: '/v2.1/gateways/update/',
    headers: AUTH,
    body: { gateways: [{ route: 1000, gateway: '203.0.113.20:5060' }, { route: 1005, gateway: '198.51.100.30:5060' }] },
  },
  'gatewaysUpdate 409 invalid-gateway': { before: setup(['203.0.113.10:5060']), path: '/v2.1/gateways/update/', headers: AUTH, body: { gateways: [{ route: 1000, gateway: '172.16.0.10:5060' }] } },
  'accountApikey 400 missing-credentials': { path: '/v2.1/account/apikey/', body: { username: 4592086960 } },
  'accountApikey 400 malformed-json': { path: '/v2.1/account/apikey/', rawBody: '{"username": 4592086960,' },
  'accountApikey 401 invalid-credentials': { path: '/v2.1/account/apikey/', body: { username: 4592086960, password: 'wrong' } },
  'accountApikey 415 unsupported-media-type': { path: '/v2.1/account/apikey/', headers: { 'content-type': 'text/plain' }, rawBody: 'username=1' },
  'accountApikey 429 rate-limited': rateLimit,
  'accountApikey 500 internal-error': internal,
  'numbersRoute 400 missing-numbers': { path: '/v2.1/numbers/route/', headers: AUTH, body: { numbers: [] } },
  'numbersRoute 409 invalid-route': {
    before: setup(['203.0.113.10:5060']),
    path: '/v2.1/numbers/route/',
    headers: AUTH,
    body: { numbers: [{ number: 2015550123, route: 1000 }, { number: 2015550147, route: 1005 }] },
  },
  'numbersRoute 409 none-routed': { before: setup(['203.0.113.10:5060']), path: '/v2.1/numbers/route/', headers: AUTH, body: { numbers: [{ number: 1125550199, route: 1000 }] } },
  'gatewaysCreate 400 missing-gateway': { method: 'POST', path: '/v2.2/gateways', headers: AUTH, body: { prefix: '9' } },
  'gatewaysCreate 400 limit-out-of-range': { method: 'POST', path: '/v2.2/gateways', headers: AUTH, body: { gateway: '203.0.113.10', limit: 5000 } },
  'gatewaysCreate 400 malformed-json': { method: 'POST', path: '/v2.2/gateways', headers: AUTH, rawBody: '{"gateway": ' },
  'gatewaysCreate 409 not-routable': { method: 'POST', path: '/v2.2/gateways', headers: AUTH, body: { gateway: '10.0.0.5:5060' } },
  'gatewaysPut 400 not-routable': { before: setup(['203.0.113.10:5060']), method: 'PUT', path: '/v2.2/gateways/1000', headers: AUTH, body: { gateway: '172.16.0.10' } },
  'gatewaysDelete 409 numbers-routed': {
    before: setup(['203.0.113.10:5060'], [{ number: 2015550123, route: 1000 }]),
    method: 'DELETE',
    path: '/v2.2/gateways/1000',
    headers: AUTH,
  },
  'accountApiKeyV22 400 missing-credentials': { path: '/v2.2/account/api-key', body: { password: 'secret' } },
  'accountApiKeyV22 401 invalid-credentials': { path: '/v2.2/account/api-key', body: { username: '4592086960', password: 'wrong' } },
  'accountApiKeyV22 429 rate-limited': rateLimit,
  'accountApiKeyV22 500 internal-error': internal,
});

// A credentials list, so that a well-formed key or a login can be a wrong one.
await describeDocumentedErrors({ slug: 'voicetel', triggers, server: { credentials: { voicetel: [KEY, '4592086960:secret'] } } });
