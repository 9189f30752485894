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
};

export default providerCase;
