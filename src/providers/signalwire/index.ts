import { defineProvider } from '../define-provider.js';
import { signalwireAuth } from './auth.js';
import { renderSignalWireError } from './errors.js';
import { signalwireFixtures } from './fixtures.js';
import { signalwireHandlers } from './resources.js';
import { seedSignalWire, signalwireCollections } from './store.js';
import { signalwireRateLimits } from './rate-limits.js';

/** SignalWire Fabric API, SIP gateways: Basic auth with project_id:api_token. */
export const signalwire = defineProvider({
  slug: 'signalwire',
  title: 'SignalWire Fabric API',
  spec: 'signalwire.openapi.yaml',
  realBase: 'https://{space}.signalwire.com',
  auth: signalwireAuth,
  renderError: renderSignalWireError,
  resources: { collections: signalwireCollections, seed: seedSignalWire, handlers: signalwireHandlers },
  fixtures: signalwireFixtures,
  rateLimits: signalwireRateLimits,
  volatileFields: ['created_at', 'updated_at'],
});
