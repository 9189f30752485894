import type { AnonymousHandler, OperationHandler } from '../types.js';
import { apiKeyFor } from './auth.js';
import { voicetelError } from './errors.js';
import { gatewayHandlers } from './gateway-handlers.js';
import { numberHandlers } from './number-handlers.js';

export const voicetelHandlers: Record<string, OperationHandler> = { ...gatewayHandlers, ...numberHandlers };

/** `POST /v2.1/account/apikey/`: trades a username and password for the account's API key. */
export const voicetelAnonymous: Record<string, AnonymousHandler> = {
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
};
