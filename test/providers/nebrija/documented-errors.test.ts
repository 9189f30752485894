import { describeDocumentedErrors, type CannedOnly, type ErrorTrigger } from '../../helpers/documented-errors.js';

/**
 * Every error example of specs/nebrija.openapi.yaml is what the server builds, word for word.
 * Nebrija publishes only the names of PATCH's errors ("403 Forbidden Error", "404 Not Found
 * Error", https://docs.nebrijaai.com/api-reference/sip-trunks/actualizar-sip-trunk); every body
 * here is the NestJS default the spec assumes, so this checks sipmock against its own spec.
 */
const AUTH = { authorization: 'Bearer nbj_test_documented_errors' };
const BASE = '/api/v1/sip-trunks';
const SYSTEM = `${BASE}/0b6c2f3e-8d1a-4c52-9e7f-5a4d3b2c1e90`;
const UNKNOWN = `${BASE}/9b2d7e41-3c6a-4f0e-8a15-d2c4b6e8f013`;
const MALFORMED = '{"name": "Main Office SIP" 1}';

const internal: CannedOnly = { canned: 'an internal error is only answered on request (Prefer: code=500)' };
const throttled: CannedOnly = { canned: 'rate limits are enforced by issue 10; until then Prefer: code=429' };
const triggers: Record<string, ErrorTrigger | CannedOnly> = {
  ...Object.fromEntries(['listSipTrunks', 'createSipTrunk', 'getSipTrunk', 'updateSipTrunk', 'deleteSipTrunk'].map((id) => [`${id} 429 too-many-requests`, throttled])),
  'listSipTrunks 401 unauthorized': { path: BASE },
  'listSipTrunks 500 internal-error': internal,
  'createSipTrunk 400 invalid-body': { method: 'POST', path: BASE, headers: AUTH, body: { name: '', gateways: [] } },
  'createSipTrunk 400 invalid-gateway': {
    method: 'POST',
    path: BASE,
    headers: AUTH,
    body: { name: 'Branch', isSystem: true, gateways: [{ ipOrDomain: '', port: 5060, name: 'A' }, { ipOrDomain: 'sip.example.net', port: 70000, name: 'B' }] },
  },
  'createSipTrunk 400 malformed-json': { method: 'POST', path: BASE, headers: AUTH, rawBody: MALFORMED },
  'createSipTrunk 401 unauthorized': { method: 'POST', path: BASE, body: { name: 'Branch', gateways: [{ ipOrDomain: 'sip.example.net', port: 5060, name: 'A' }] } },
  'createSipTrunk 415 unsupported-media-type': { method: 'POST', path: BASE, headers: { ...AUTH, 'content-type': 'text/plain' }, rawBody: 'name=Branch' },
  'createSipTrunk 500 internal-error': internal,
  'getSipTrunk 400 invalid-id': { path: `${BASE}/not-a-uuid`, headers: AUTH },
  'getSipTrunk 401 unauthorized': { path: SYSTEM },
  'getSipTrunk 404 not-found': { path: UNKNOWN, headers: AUTH },
  'getSipTrunk 500 internal-error': internal,
  'updateSipTrunk 400 invalid-body': { method: 'PATCH', path: `${BASE}/3fa85f64-5717-4562-b3fc-2c963f66afa6`, headers: AUTH, body: { isSystem: true, name: '', gateways: [] } },
  'updateSipTrunk 400 invalid-port': {
    method: 'PATCH',
    path: `${BASE}/3fa85f64-5717-4562-b3fc-2c963f66afa6`,
    headers: AUTH,
    body: { gateways: [{ ipOrDomain: 'sip.example.net', port: 70000, name: 'A' }] },
  },
  'updateSipTrunk 400 malformed-json': { method: 'PATCH', path: `${BASE}/3fa85f64-5717-4562-b3fc-2c963f66afa6`, headers: AUTH, rawBody: MALFORMED },
  'updateSipTrunk 400 invalid-id': { method: 'PATCH', path: `${BASE}/not-a-uuid`, headers: AUTH, body: { name: 'x' } },
  'updateSipTrunk 401 unauthorized': { method: 'PATCH', path: SYSTEM, body: { name: 'x' } },
  'updateSipTrunk 403 system-trunk': { method: 'PATCH', path: SYSTEM, headers: AUTH, body: { name: 'x' } },
  'updateSipTrunk 404 not-found': { method: 'PATCH', path: UNKNOWN, headers: AUTH, body: { name: 'x' } },
  'updateSipTrunk 415 unsupported-media-type': { method: 'PATCH', path: SYSTEM, headers: { ...AUTH, 'content-type': 'text/plain' }, rawBody: 'name=x' },
  'updateSipTrunk 500 internal-error': internal,
  'deleteSipTrunk 400 invalid-id': { method: 'DELETE', path: `${BASE}/not-a-uuid`, headers: AUTH },
  'deleteSipTrunk 401 unauthorized': { method: 'DELETE', path: SYSTEM },
  'deleteSipTrunk 403 system-trunk': { method: 'DELETE', path: SYSTEM, headers: AUTH },
  'deleteSipTrunk 404 not-found': { method: 'DELETE', path: UNKNOWN, headers: AUTH },
  'deleteSipTrunk 500 internal-error': internal,
};

await describeDocumentedErrors({ slug: 'nebrija', triggers });
