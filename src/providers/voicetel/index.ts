import { defineProvider } from '../define-provider.js';
import { voicetelAuth } from './auth.js';
import { renderVoiceTelError } from './errors.js';
import { voicetelFixtures } from './fixtures.js';
import { voicetelAnonymous, voicetelHandlers } from './resources.js';
import { seedVoiceTel, voicetelCollections } from './store.js';
import { voicetelRateLimits } from './rate-limits.js';

/**
 * VoiceTel Gateways API: v2.1's action-style POST endpoints (API key in the body or as a Bearer
 * header) and v2.2's REST gateway endpoints (Bearer only) beside them, over one account state.
 */
export const voicetel = defineProvider({
  slug: 'voicetel',
  title: 'VoiceTel Gateways API v2.1 and v2.2',
  spec: 'voicetel.openapi.yaml',
  realBase: 'https://api.voicetel.com',
  auth: voicetelAuth,
  renderError: renderVoiceTelError,
  resources: { collections: voicetelCollections, seed: seedVoiceTel, handlers: voicetelHandlers },
  anonymous: voicetelAnonymous,
  fixtures: voicetelFixtures,
  rateLimits: voicetelRateLimits,
  secretFields: ['apikey', 'password'],
});
