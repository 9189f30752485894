import type { ProviderDefinition } from '../types.js';
import { apiKeyFor, authenticateVoiceTel } from './auth.js';
import { renderVoiceTelError, voicetelError } from './errors.js';
import { gatewayHandlers } from './gateway-handlers.js';
import { numberHandlers } from './number-handlers.js';
import { voicetelState } from './state.js';

/** VoiceTel Gateways API v2.1: action-style POST endpoints, API key in the body or as a Bearer header. */
export const voicetel: ProviderDefinition = {
  slug: 'voicetel',
  title: 'VoiceTel Gateways API v2.1',
  specFile: 'voicetel.openapi.yaml',
  realBase: 'https://api.voicetel.com',
  authenticate: authenticateVoiceTel,
  renderError: renderVoiceTelError,
  handlers: {
    ...gatewayHandlers,
    ...numberHandlers,
    /** Trades a username and password for the account's API key. */
    accountApikey(request, context) {
      const { username, password } = request.body as { username: number | string; password: string };
      const login = `${username}:${password}`;
      const listed = context.auth.credentials?.filter((entry) => entry.includes(':'));
      if (listed && listed.length > 0 && !listed.includes(login)) return voicetelError(401, 'Invalid username or password');
      return {
        status: 200,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: { statusCode: '200', status: 'Success', apikey: apiKeyFor(String(username), context.auth.secret) },
      };
    },
  },
  state: voicetelState,
};
