import { MockError } from '../../errors.js';
import { readBasicCredentials, requireListed } from '../credentials.js';
import type { ProviderAuth } from '../types.js';

const PROJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXAMPLE_PROJECT = 'bc949800-7b40-43cf-8438-a85facfcbdd1';

/** Basic auth with project_id:api_token; each SignalWire project is its own account. */
export const signalwireAuth: ProviderAuth = {
  authenticate(request, context) {
    const { user, password } = readBasicCredentials(request.headers);
    if (!PROJECT_ID.test(user)) throw new MockError('MOCK_ERR_AUTH_INVALID', { why: 'the Basic user must be a SignalWire project id (a UUID)' });
    requireListed(context.credentials, `${user}:${password}`);
    return { account: user };
  },
  example: async () => ({ authorization: `Basic ${Buffer.from(`${EXAMPLE_PROJECT}:PT0123`).toString('base64')}` }),
};
