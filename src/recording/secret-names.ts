import { SECRET_PLACEHOLDERS } from './fixture.js';

/** Last words that name a secret: `sip_password`, `authPassword`, `client-secret`, `refresh_token`. */
const SECRET_LAST_WORDS = new Set([
  'password', 'passwd', 'pwd', 'passphrase', 'passcode', 'secret', 'token', 'apikey', 'jwt',
  'credential', 'credentials', 'authorization', 'cookie', 'key',
]);

/** Whole names (words joined) that name a secret even without a telling last word. */
const SECRET_NAMES = new Set(['auth', 'sessionid', 'apikey', 'accesskey', 'secretkey', 'privatekey', 'authkey']);

/** Single-word names ending like a secret: `sippassword`, `accesstoken`, `clientsecret`, `myapikey`. */
const SECRET_SUFFIXES = ['password', 'passwd', 'secret', 'token', 'apikey', 'jwt'];

/**
 * Words before `token` or `key` that make the name harmless: a pagination cursor or a sort key is
 * not a credential, and redacting it would break replay matching for no gain.
 */
const HARMLESS_BEFORE = new Set(['page', 'next', 'prev', 'previous', 'continuation', 'cursor', 'sync', 'sort', 'primary', 'foreign', 'partition', 'cache', 'public', 'idempotency']);

/** The words of a name, lower-case: `authPassword` → auth password, `X-API-Key` → x api key, `api_key[]` → api key. */
export function toWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    // The lookbehind starts a match only at the first capital of a run: linear on `AAAA…`.
    .replace(/(?<![A-Z])([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}

/** The joined lower-case form a name is compared by: `Sip-Password` and `sipPassword` are both `sippassword`. */
export function toSecretKey(name: string): string {
  return toWords(name).join('');
}

/**
 * Whether a member or parameter name looks like it holds a secret, whatever its case or
 * separators (camelCase, snake_case, kebab-case), or is one of `extra` (compared the same way).
 */
export function isSecretName(name: string, extra: ReadonlySet<string> = new Set()): boolean {
  const words = toWords(name);
  if (words.length === 0) return false;
  const joined = words.join('');
  if (extra.has(joined) || SECRET_NAMES.has(joined)) return true;
  const last = words[words.length - 1];
  const before = words[words.length - 2];
  if (SECRET_LAST_WORDS.has(last)) return !(before !== undefined && HARMLESS_BEFORE.has(before) && (last === 'token' || last === 'key'));
  // One word glued together (`accesstoken`); a page token glued (`pagetoken`) stays harmless.
  if (words.length === 1 && [...HARMLESS_BEFORE].some((word) => joined.startsWith(word))) return false;
  return SECRET_SUFFIXES.some((suffix) => joined.endsWith(suffix));
}

/** The placeholder that replaces a secret named `name`: a password, an API key, a JWT, or a token. */
export function placeholderFor(name: string): string {
  const joined = toSecretKey(name);
  if (/pass|pwd/.test(joined)) return SECRET_PLACEHOLDERS.password;
  if (joined.endsWith('jwt')) return SECRET_PLACEHOLDERS.jwt;
  if (joined.endsWith('key')) return SECRET_PLACEHOLDERS.apikey;
  if (joined.endsWith('token') || joined === 'auth') return SECRET_PLACEHOLDERS.bearer;
  return SECRET_PLACEHOLDERS.secret;
}
