import type { AnonymousHandler, BaseContext, RoutedRequest } from '../types.js';
import { apiKeyFor } from './auth.js';
import { voicetelError, voicetelV22Error } from './errors.js';
import { json } from './routes.js';
import { success } from './v22-handlers.js';

const INVALID_LOGIN = 'Invalid username or password';

/** Trades a username and password for the account's API key: v2.1 `account/apikey/`, v2.2 `account/api-key`. */
export const accountHandlers: Record<string, AnonymousHandler> = {
  accountApikey(request, context) {
    const apikey = issueKey(request, context);
    if (apikey === undefined) return voicetelError(401, INVALID_LOGIN);
    return json(200, { statusCode: '200', status: 'Success', apikey });
  },

  accountApiKeyV22(request, context) {
    const apikey = issueKey(request, context);
    if (apikey === undefined) return voicetelV22Error(401, INVALID_LOGIN);
    return success(200, { apikey });
  },
};

/** The key of the login, or undefined when a credentials list is set and does not hold it. */
function issueKey(request: RoutedRequest, context: BaseContext): string | undefined {
  const { username, password } = request.body as { username: number | string; password: string };
  const login = `${username}:${password}`;
  const listed = context.auth.credentials?.filter((entry) => entry.includes(':'));
  if (listed && listed.length > 0 && !listed.includes(login)) return undefined;
  return apiKeyFor(String(username), context.auth.secret);
}
