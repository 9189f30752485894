import { readBasicCredentials, requireListed } from '../credentials.js';
import type { ProviderDefinition } from '../types.js';
import { renderSignalWireError } from './errors.js';

/** SignalWire Fabric API, SIP gateways: Basic auth with project_id:api_token. */
export const signalwire: ProviderDefinition = {
  slug: 'signalwire',
  title: 'SignalWire Fabric API',
  specFile: 'signalwire.openapi.yaml',
  realBase: 'https://{space}.signalwire.com',
  authenticate(request, context) {
    const { user, password } = readBasicCredentials(request.headers);
    requireListed(context.credentials, `${user}:${password}`);
    // Each SignalWire project is its own account.
    return { account: user };
  },
  renderError: renderSignalWireError,
};
