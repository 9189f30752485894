import type { IncomingHttpHeaders } from 'node:http';
import { MockError } from '../errors.js';
import type { AuthContext, AuthResult, CredentialList, ProviderRequest } from './types.js';

/** RFC 6750 b64token: what may follow `Bearer `. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** The token of `Authorization: Bearer <token>`; throws 401 when it is missing or malformed. */
export function readBearerToken(headers: IncomingHttpHeaders): string {
  const authorization = headers.authorization;
  if (!authorization) throw new MockError('MOCK_ERR_AUTH_MISSING', { why: 'send Authorization: Bearer <token>' });
  const [scheme, token, ...rest] = authorization.trim().split(/\s+/);
  if (scheme.toLowerCase() !== 'bearer' || !token || rest.length > 0 || !B64TOKEN.test(token)) {
    throw new MockError('MOCK_ERR_AUTH_INVALID', { why: 'Authorization must be "Bearer <token>"' });
  }
  return token;
}

/** The user and password of `Authorization: Basic base64(user:password)`; throws 401 otherwise. */
export function readBasicCredentials(headers: IncomingHttpHeaders): { user: string; password: string } {
  const authorization = headers.authorization;
  if (!authorization) throw new MockError('MOCK_ERR_AUTH_MISSING', { why: 'send Authorization: Basic base64(project_id:token)' });
  const [scheme, encoded, ...rest] = authorization.trim().split(/\s+/);
  const decoded = scheme.toLowerCase() === 'basic' && encoded && rest.length === 0 ? decodeBase64(encoded) : undefined;
  const colon = decoded?.indexOf(':') ?? -1;
  if (decoded === undefined || colon <= 0 || colon === decoded.length - 1) {
    throw new MockError('MOCK_ERR_AUTH_INVALID', { why: 'Authorization must be "Basic base64(project_id:token)"' });
  }
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** Throws 401 when a credentials list is configured and does not hold `credential`. */
export function requireListed(credentials: CredentialList | undefined, credential: string): void {
  if (credentials && !credentials.includes(credential)) {
    throw new MockError('MOCK_ERR_AUTH_INVALID', { why: 'the credential is not one this server was configured to accept' });
  }
}

function decodeBase64(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  return Buffer.from(text, 'base64').toString('utf8');
}

/** Bearer-token providers: any well-formed token passes (or a listed one), and the token is the account. */
export function authenticateBearer(request: ProviderRequest, context: AuthContext): AuthResult {
  const token = readBearerToken(request.headers);
  requireListed(context.credentials, token);
  return { account: token };
}

/** The example credential of a Bearer-token provider: fixed headers. */
export function bearerExample(token: string): () => Promise<Record<string, string>> {
  return async () => ({ authorization: `Bearer ${token}` });
}
