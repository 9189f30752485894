import { MockError } from '../../errors.js';
import { readBasicCredentials, requireListed } from '../credentials.js';
import type { ProviderDefinition } from '../types.js';
import { renderSignalWireError } from './errors.js';
import { signalwireHandlers, signalwireState } from './state.js';

const PROJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** SignalWire Fabric API, SIP gateways: Basic auth with project_id:api_token. */
export const signalwire: ProviderDefinition = {
  slug: 'signalwire',
  title: 'SignalWire Fabric API',
  specFile: 'signalwire.openapi.yaml',
  realBase: 'https://{space}.signalwire.com',
  authenticate(request, context) {
    const { user, password } = readBasicCredentials(request.headers);
    if (!PROJECT_ID.test(user)) throw new MockError('MOCK_ERR_AUTH_INVALID', { why: 'the Basic user must be a SignalWire project id (a UUID)' });
    requireListed(context.credentials, `${user}:${password}`);
    // Each SignalWire project is its own account.
    return { account: user };
  },
  renderError: renderSignalWireError,
  handlers: signalwireHandlers,
  state: signalwireState,
};
