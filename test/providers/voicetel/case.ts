import type { ProviderCase } from '../../helpers/provider-cases.js';
import { http } from '../../helpers/start-server.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** What the shared suites need to talk to voicetel: credentials for any account, and the seeded ids its paths take. */
const providerCase: ProviderCase = {
  // The spec's operationIds, so a dropped or renamed operation fails a test.
  operations: [
    'accountApiKeyV22',
    'accountApikey',
    'gatewaysAdd',
    'gatewaysCreate',
    'gatewaysDelete',
    'gatewaysGet',
    'gatewaysList',
    'gatewaysListV22',
    'gatewaysNumbers',
    'gatewaysPut',
    'gatewaysRemove',
    'gatewaysUpdate',
    'numbersRoute',
  ],
  credentials: async (_, account = '0123456789abcdef0123456789abcdef') => bearer(account),
  // v2.2's {id} is a route: 1000 is the gateway prepare adds.
  pathParams: { id: '1000' },
  // The remove, update and routing examples refer to route 1000: a new account has no user gateway.
  async prepare(baseUrl, headers) {
    const response = await http(baseUrl, '/voicetel/v2.1/gateways/add/', {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ gateways: [{ gateway: '192.0.2.50:5060' }] }),
    });
    if (response.status !== 200) throw new Error(`VoiceTel prepare failed: ${response.status} ${response.text}`);
  },
  // The shared HTTP edge tests (test/server/edges.test.ts): requests to send and this provider's exact answers.
  edges: {
    create: { path: '/voicetel/v2.1/gateways/add/', mediaType: 'application/json' },
    list: { method: 'POST', path: '/voicetel/v2.1/gateways/list/', operationId: 'gatewaysList', accept: 'application/json', body: '{}' },
    errorContentType: 'application/json; charset=utf-8',
    tooLarge: () => ({ statusCode: '413', status: 'Error', message: 'Request Entity Too Large' }),
    malformed: () => ({ statusCode: '400', status: 'Error', message: 'Malformed JSON body' }),
    empty: { status: 400, body: { statusCode: '400', status: 'Error', message: 'Malformed JSON body: the body is empty' } },
    wrongMethod: {
      method: 'GET',
      path: '/voicetel/v2.1/gateways/list/',
      status: 405,
      body: { statusCode: '405', status: 'Error', message: 'Method Not Allowed: use POST' },
      allow: 'POST',
    },
  },
};

export default providerCase;
