import { createHmac } from 'node:crypto';
import { MockError } from '../../errors.js';
import type { AuthContext, AuthResult, ProviderAuth, RoutedRequest } from '../types.js';

const API_KEY = /^[0-9a-fA-F]{32}$/;

/**
 * VoiceTel v2.1 takes the API key as `Authorization: Bearer <key>` or as the body field `apikey`;
 * the header wins when both are sent. v2.2 takes the header only. The key is the account.
 */
export function authenticateVoiceTel(request: RoutedRequest, context: AuthContext): AuthResult {
  const key = readApiKey(request);
  if (key === undefined) throw new MockError('MOCK_ERR_AUTH_MISSING', { why: 'send Authorization: Bearer <apikey> or "apikey" in the body' });
  if (!API_KEY.test(key)) throw new MockError('MOCK_ERR_AUTH_INVALID', { why: 'an API key is 32 hexadecimal characters' });
  if (context.credentials && !acceptsKey(key.toLowerCase(), context)) {
    throw new MockError('MOCK_ERR_AUTH_INVALID', { why: 'the API key is not one this server was configured to accept' });
  }
  return { account: key.toLowerCase() };
}

/** v2.2 paths: REST style, Bearer only, `{status, error: {code, message}}` errors. */
export function isV22(path: string): boolean {
  return path.startsWith('/v2.2/');
}

function readApiKey(request: RoutedRequest): string | undefined {
  const authorization = request.headers.authorization?.trim();
  if (authorization) {
    const [scheme, token] = authorization.split(/\s+/);
    return scheme.toLowerCase() === 'bearer' ? (token ?? '') : '';
  }
  // v2.2 takes no key in the body.
  if (isV22(request.path)) return undefined;
  const body = request.body as { apikey?: unknown } | undefined;
  if (!body || typeof body !== 'object' || !('apikey' in body)) return undefined;
  // An empty key is as good as none ("Field Required: apikey"); a key of another type is a wrong key.
  if (body.apikey === '' || body.apikey === null) return undefined;
  return typeof body.apikey === 'string' ? body.apikey : '';
}

/**
 * With a credentials list, a key passes when it is listed, or when it is the key
 * `POST /v2.1/account/apikey/` hands out to a listed "username:password" login.
 */
function acceptsKey(key: string, context: AuthContext): boolean {
  return (context.credentials ?? []).some((entry) => {
    const colon = entry.indexOf(':');
    return colon === -1 ? entry.toLowerCase() === key : apiKeyFor(entry.slice(0, colon), context.secret) === key;
  });
}

/** The API key of a username: stable for one server secret, 32 lower-case hex characters. */
export function apiKeyFor(username: string, secret: Uint8Array): string {
  return createHmac('sha256', secret).update(`voicetel:${username}`).digest('hex').slice(0, 32);
}

/** The README's example key: the spec's `apikey-in-body` examples carry the same one, so both reach one account. */
export const voicetelAuth: ProviderAuth = {
  authenticate: authenticateVoiceTel,
  example: async () => ({ authorization: 'Bearer 0123456789abcdef0123456789abcdef' }),
};
