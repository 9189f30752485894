import type { ProviderDefinition } from '../types.js';
import { accountHandlers } from './account-handlers.js';
import { authenticateVoiceTel } from './auth.js';
import { renderVoiceTelError } from './errors.js';
import { gatewayHandlers } from './gateway-handlers.js';
import { numberHandlers } from './number-handlers.js';
import { voicetelState } from './state.js';
import { v22GatewayHandlers } from './v22-handlers.js';

/**
 * VoiceTel Gateways API: v2.1's action-style POST endpoints (API key in the body or as a Bearer
 * header) and v2.2's REST gateway endpoints (Bearer only) beside them, over one account state.
 */
export const voicetel: ProviderDefinition = {
  slug: 'voicetel',
  title: 'VoiceTel Gateways API v2.1 and v2.2',
  specFile: 'voicetel.openapi.yaml',
  realBase: 'https://api.voicetel.com',
  authenticate: authenticateVoiceTel,
  renderError: renderVoiceTelError,
  handlers: { ...gatewayHandlers, ...numberHandlers, ...accountHandlers, ...v22GatewayHandlers },
  state: voicetelState,
};
