import { SignJWT, jwtVerify } from 'jose';
import { MockError } from '../../errors.js';
import type { AuthContext, AuthResult, ProviderAuth, RoutedRequest } from '../types.js';

/** Yeti's install default admin login. */
export const DEFAULT_LOGIN = 'admin:111111';
/** Token lifetime: an hour, so a long CI job does not have to log in again (Yeti's sample config says 600 s). */
export const TOKEN_LIFETIME_SECONDS = 3600;
const AUDIENCE = 'admin';

/**
 * Tokens verified already, per server secret, so the per-request cost is a Map lookup; bounded so
 * it cannot grow forever.
 */
const verifiedBySecret = new WeakMap<Uint8Array, Map<string, { account: string; exp: number }>>();
const VERIFIED_LIMIT = 10_000;

/** The admin logins this server accepts, as "username:password". */
export function yetiLogins(context: AuthContext): readonly string[] {
  return context.credentials && context.credentials.length > 0 ? context.credentials : [DEFAULT_LOGIN];
}

/** Issues a Yeti admin JWT: HS256, `{sub: <admin id>, aud: ["admin"], exp}`, signed with the server secret. */
export async function issueYetiToken(adminId: number, secret: Uint8Array): Promise<string> {
  return new SignJWT({ sub: adminId as unknown as string, aud: [AUDIENCE] })
    .setProtectedHeader({ alg: 'HS256' })
    .setExpirationTime(Math.floor(Date.now() / 1000) + TOKEN_LIFETIME_SECONDS)
    .sign(secret);
}

/**
 * Accepts only an unexpired token this server issued, from `Authorization` (bare, or after
 * `Bearer `: Yeti reads the last word of the header) or from the `token` query parameter.
 * The admin id (`sub`) is the account.
 */
export async function authenticateYeti(request: RoutedRequest, context: AuthContext): Promise<AuthResult> {
  const token = request.headers.authorization?.trim().split(/\s+/).pop() || request.query.token;
  if (!token) throw new MockError('MOCK_ERR_AUTH_MISSING', { why: 'send the JWT from POST /api/rest/admin/auth in Authorization' });
  let verified = verifiedBySecret.get(context.secret);
  if (!verified) {
    verified = new Map();
    verifiedBySecret.set(context.secret, verified);
  }
  const known = verified.get(token);
  if (known && known.exp > Date.now() / 1000) return { account: known.account };
  try {
    const { payload } = await jwtVerify(token, context.secret, { audience: AUDIENCE, algorithms: ['HS256'] });
    const account = String(payload.sub);
    if (verified.size >= VERIFIED_LIMIT) verified.clear();
    verified.set(token, { account, exp: payload.exp ?? Number.POSITIVE_INFINITY });
    return { account };
  } catch (error) {
    throw new MockError('MOCK_ERR_AUTH_INVALID', { why: `the JWT was refused: ${(error as Error).message}` });
  }
}

/** Yeti's JWT auth; the example client logs in with the install default admin first. */
export const yetiAuth: ProviderAuth = {
  authenticate: authenticateYeti,
  async example(call) {
    const [username, password] = DEFAULT_LOGIN.split(':');
    const login = await call({ method: 'POST', path: '/api/rest/admin/auth', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: { auth: { username, password } } });
    const jwt = (login.body as { jwt?: unknown } | undefined)?.jwt;
    if (typeof jwt !== 'string') throw new Error(`Yeti login answered ${login.status} without a jwt`);
    return { authorization: jwt };
  },
};
