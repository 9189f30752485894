// What the benchmark sends. Add a load line by adding a row to LINES; add a cold-start probe by
// adding a row to PROVIDER_PROBES. Paths in LINES are relative to a base: sipmock's /signalwire
// prefix, Prism's root, or the express baseline's root.

const GATEWAY_PATH = '/api/fabric/resources/sip_gateways/0823a606-0aff-4c90-9eba-f88ba118fe05'; // seeded record
const SIGNALWIRE_AUTH = `Basic ${Buffer.from('bc949800-7b40-43cf-8438-a85facfcbdd1:PT0123').toString('base64')}`;
const JSON_TYPE = { 'content-type': 'application/json' };

/**
 * One load line each. `prism` names the Prism run to compare with ('static' or 'dynamic') and
 * `prismRatio` the target multiple; `express: false` / `node: false` mean that bare baseline does
 * not apply.
 */
export const LINES = [
  {
    id: 'a', name: 'GET one gateway', method: 'GET', path: GATEWAY_PATH,
    headers: { authorization: SIGNALWIRE_AUTH }, expectStatus: 200,
    prism: 'static', prismRatio: 3, express: true, node: true,
  },
  {
    id: 'b', name: 'valid PATCH', method: 'PATCH', path: GATEWAY_PATH,
    headers: { authorization: SIGNALWIRE_AUTH, ...JSON_TYPE }, body: { name: 'Office PBX (renamed)' }, expectStatus: 200,
    prism: 'static', prismRatio: 3, express: true, node: true,
  },
  {
    id: 'c', name: 'invalid PATCH (422)', method: 'PATCH', path: GATEWAY_PATH,
    headers: { authorization: SIGNALWIRE_AUTH, ...JSON_TYPE }, body: { encryption: 'bogus' }, expectStatus: 422,
    prism: 'static', prismRatio: 3, express: true, node: true,
  },
  {
    id: 'd', name: 'GET, Prefer: dynamic=true', method: 'GET', path: GATEWAY_PATH,
    headers: { authorization: SIGNALWIRE_AUTH, prefer: 'dynamic=true' }, expectStatus: 200,
    prism: 'dynamic', prismRatio: 5, express: false, node: false,
  },
];

/** The request of a line as autocannon and fetch both take it (body serialised once). */
export function requestOf(line) {
  return {
    method: line.method,
    path: line.path,
    headers: { ...line.headers },
    body: line.body === undefined ? undefined : JSON.stringify(line.body),
  };
}

const bearer = (token, extra = {}) => ({ headers: { authorization: `Bearer ${token}`, ...extra } });
const JSON_API = { accept: 'application/vnd.api+json' };

/**
 * Cold start: sipmock counts as started once each of these answers 200. Each probe gets the
 * provider's base URL (`http://host:port/<slug>`) and returns the final status.
 */
export const PROVIDER_PROBES = [
  { slug: 'signalwire', probe: (base) => status(`${base}/api/fabric/resources/sip_gateways`, { headers: { authorization: SIGNALWIRE_AUTH } }) },
  { slug: 'sippet', probe: (base) => status(`${base}/api/gateways`, bearer('sk_bench', JSON_API)) },
  { slug: 'nebrija', probe: (base) => status(`${base}/api/v1/sip-trunks`, bearer('nbj_bench')) },
  {
    slug: 'voicetel',
    probe: (base) => status(`${base}/v2.1/gateways/list/`, { method: 'POST', body: '{}', ...bearer('0123456789abcdef0123456789abcdef', JSON_TYPE) }),
  },
  {
    slug: 'yeti',
    probe: async (base) => {
      const auth = await fetch(`${base}/api/rest/admin/auth`, {
        method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ auth: { username: 'admin', password: '111111' } }),
      });
      if (!auth.ok) return auth.status;
      const { jwt } = await auth.json();
      return status(`${base}/api/rest/admin/registrations`, { headers: { authorization: jwt, ...JSON_API } });
    },
  },
];

async function status(url, init) {
  const response = await fetch(url, init);
  await response.arrayBuffer();
  return response.status;
}

/**
 * Credentials for the first-request line, per provider: fixed headers, or (Yeti) a token that one
 * of the provider's own operations issues (`issuedBy` is its path; `read` takes it from the answer).
 */
export const FIRST_REQUEST_AUTH = {
  signalwire: { headers: () => ({ authorization: SIGNALWIRE_AUTH }) },
  sippet: { headers: () => ({ authorization: 'Bearer sk_bench' }) },
  nebrija: { headers: () => ({ authorization: 'Bearer nbj_bench' }) },
  voicetel: { headers: () => ({ authorization: 'Bearer 0123456789abcdef0123456789abcdef' }) },
  yeti: { issuedBy: '/api/rest/admin/auth', read: (text) => JSON.parse(text).jwt, headers: (jwt) => ({ authorization: jwt }) },
};
