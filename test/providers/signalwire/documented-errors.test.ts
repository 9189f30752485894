import { describeDocumentedErrors, type CannedOnly, type ErrorTrigger } from '../../helpers/documented-errors.js';

/**
 * Every error example of specs/signalwire.openapi.yaml is what the server builds, word for word.
 * The one example SignalWire publishes verbatim ("Name can't be blank", signalwire/docs@668371b
 * specs/signalwire-rest/fabric-api/sip_gateways/models/errors.tsp) and the error-code texts of
 * fern/products/apis/pages/core/error-codes.mdx are the models for the rest.
 */
const PROJECT = 'bc949800-7b40-43cf-8438-a85facfcbdd1';
const AUTH = { authorization: `Basic ${Buffer.from(`${PROJECT}:PT0123`).toString('base64')}` };
const BASE = '/api/fabric/resources/sip_gateways';
const SEEDED = `${BASE}/0823a606-0aff-4c90-9eba-f88ba118fe05`;
const UNKNOWN = `${BASE}/00000000-0000-4000-8000-000000000000`;
const VALID = { name: 'Lab', uri: 'sip:lab@pbx.example.net', encryption: 'optional', ciphers: [], codecs: ['PCMU'] };

const CANNED = {
  forbidden: { canned: 'a token without the Voice, Messaging, Fax or Video scope: sipmock does not model scopes' },
  internal: { canned: 'an internal error is only answered on request (Prefer: code=500)' },
  rateLimit: { canned: 'the write rate limit is enforced by issue 10; until then Prefer: code=429' },
} satisfies Record<string, CannedOnly>;

const triggers: Record<string, ErrorTrigger | CannedOnly> = {};
const operations: Array<[string, string, string]> = [
  ['list_sip_gateways', 'GET', BASE],
  ['create_sip_gateway', 'POST', BASE],
  ['get_sip_gateway', 'GET', SEEDED],
  ['update_sip_gateway', 'PATCH', SEEDED],
  ['delete_sip_gateway', 'DELETE', SEEDED],
  ['list_sip_gateway_addresses', 'GET', `${SEEDED}/addresses`],
];
for (const [operationId, method, path] of operations) {
  triggers[`${operationId} 401 unauthorized`] = { method, path };
  triggers[`${operationId} 403 forbidden`] = CANNED.forbidden;
  triggers[`${operationId} 500 internal-error`] = CANNED.internal;
}
for (const [operationId, method, path] of operations.filter(([, method]) => method === 'POST' || method === 'PATCH')) {
  triggers[`${operationId} 400 malformed-json`] = { method, path, headers: AUTH, rawBody: '{"name":' };
  triggers[`${operationId} 415 unsupported-media-type`] = { method, path, headers: { ...AUTH, 'content-type': 'text/plain' }, rawBody: 'name=Lab' };
  triggers[`${operationId} 429 rate-limit-exceeded`] = CANNED.rateLimit;
  triggers[`${operationId} 422 uri-not-external`] = { method, path, headers: AUTH, body: { ...VALID, uri: 'sip:gw@example.sip.signalwire.com' } };
  triggers[`${operationId} 422 invalid-encryption`] = { method, path, headers: AUTH, body: { ...VALID, encryption: 'forbidden' } };
  triggers[`${operationId} 422 invalid-codecs`] = { method, path, headers: AUTH, body: { ...VALID, codecs: 711 } };
}
for (const [operationId, path] of [['list_sip_gateways', BASE], ['list_sip_gateway_addresses', `${SEEDED}/addresses`]]) {
  triggers[`${operationId} 422 invalid-page-token`] = { path: `${path}?page_number=1&page_token=PAffffffff-0000-4000-8000-000000000000`, headers: AUTH };
  triggers[`${operationId} 422 invalid-page-size`] = { path: `${path}?page_size=0`, headers: AUTH };
  triggers[`${operationId} 422 invalid-page-number`] = { path: `${path}?page_number=-1`, headers: AUTH };
}
Object.assign(triggers, {
  'list_sip_gateways 404 not-found': { canned: 'declared by the TypeSpec for the collection route with no trigger; never built' },
  'list_sip_gateways 422 page-token-required': { path: `${BASE}?page_number=1`, headers: AUTH },
  'create_sip_gateway 422 missing-name': { method: 'POST', path: BASE, headers: AUTH, body: { ...VALID, name: '' } },
  'create_sip_gateway 422 missing-parameters': { method: 'POST', path: BASE, headers: AUTH, body: {} },
  'create_sip_gateway 422 ciphers-not-an-array': { method: 'POST', path: BASE, headers: AUTH, body: { ...VALID, ciphers: 'AEAD_AES_256_GCM_8' } },
  'create_sip_gateway 422 name-not-a-string': { method: 'POST', path: BASE, headers: AUTH, body: { ...VALID, name: 7 } },
  'get_sip_gateway 404 not-found': { path: UNKNOWN, headers: AUTH },
  'update_sip_gateway 404 not-found': { method: 'PATCH', path: UNKNOWN, headers: AUTH, body: { name: 'Lab' } },
  'update_sip_gateway 422 blank-name': { method: 'PATCH', path: SEEDED, headers: AUTH, body: { name: '' } },
  'update_sip_gateway 422 several-invalid-fields': { method: 'PATCH', path: SEEDED, headers: AUTH, body: { name: 7, ciphers: 'AEAD_AES_256_GCM_8' } },
  'delete_sip_gateway 404 not-found': { method: 'DELETE', path: UNKNOWN, headers: AUTH },
  'delete_sip_gateway 422 assigned-as-handler': { canned: 'sipmock keeps no phone numbers or handlers a gateway could be assigned to' },
  'delete_sip_gateway 422 not-deletable': { canned: 'no gateway sipmock stores is protected from deletion' },
  'list_sip_gateway_addresses 404 not-found': { path: `${UNKNOWN}/addresses`, headers: AUTH },
});

await describeDocumentedErrors({ slug: 'signalwire', triggers });
