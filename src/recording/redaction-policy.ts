import { isJsonMediaType, toMediaType } from '../mock/media-type.js';
import { SECRET_PLACEHOLDERS } from './fixture.js';
import { isSecretName, placeholderFor, toSecretKey } from './secret-names.js';
import { PLACEHOLDER, redactSecretValues } from './secret-values.js';
import { redactBodyText, type RedactedBody } from './redact-body.js';
import { redactJson, type RedactedJson } from './redact-json.js';

export type { RedactedBody, RedactedJson };

export type RedactionPolicyOptions = {
  /** A provider's own secret member names, on top of the names that look secret; compared case- and separator-insensitively. */
  secretFields?: readonly string[];
};

type HeaderInput = Record<string, string | string[] | number | undefined>;
export type HeaderSide = 'request' | 'response';

/**
 * What may reach a file, a report or a log line. Everything that leaves sipmock (fixtures, HAR,
 * journal, coverage reasons, printed lines) goes through one of these functions.
 */
export type RedactionPolicy = {
  /** The allowlisted headers of one side, lower-case, values redacted; repeated headers joined with ", ". */
  headers(headers: HeaderInput, side: HeaderSide): Record<string, string>;
  /** Query parameters: secret names get a placeholder, other values are scanned like any string. */
  query(query: Record<string, string>): Record<string, string>;
  /** Any text: URL userinfo and SIP passwords dropped, secret query parameters, JWTs and Basic/Bearer credentials replaced. */
  string(value: string): string;
  /** A URL (the same scan as `string`): `https://u:p@h/x?token=t` → `https://h/x?token=<redacted:token>`. */
  url(value: string): string;
  /** Any JSON value: secret members replaced at any depth, every string scanned, deep subtrees cut. */
  json(value: unknown): RedactedJson;
  /** A body as received, by content type: JSON and form bodies are redacted, anything else is withheld with a reason. */
  body(text: string, contentType: string | undefined): RedactedBody;
  /** A body already turned into a value (JSON parsed, any other text as a string), by content type. */
  bodyValue(value: unknown, contentType: string | undefined): RedactedBody;
  /** Whether a member or parameter name holds a secret under this policy. */
  isSecretName(name: string): boolean;
};

/** The headers a file keeps; everything else (cookies, dates, lengths, tracing, custom auth) is dropped. */
const KEPT_HEADERS: Record<HeaderSide, ReadonlySet<string>> = {
  request: new Set(['content-type', 'accept', 'authorization', 'prefer', 'if-match', 'if-none-match', 'x-request-id', 'request-id']),
  response: new Set(['content-type', 'location', 'content-location', 'www-authenticate', 'retry-after', 'link', 'etag', 'x-request-id', 'request-id', 'allow', 'x-total-count', 'deprecation', 'sunset', 'ratelimit', 'ratelimit-policy']),
};
const KEPT_RESPONSE_PREFIXES = ['x-ratelimit-', 'ratelimit-', 'x-rate-limit-'];

/**
 * A redaction policy: secret-looking names by pattern (plus `secretFields`), secret-looking
 * values by shape, headers by allowlist.
 *
 * @example
 * const policy = createRedactionPolicy({ secretFields: ['pin'] });
 * policy.json({ auth: { password: 'x' }, pin: 1234 }).value; // { auth: { password: '<redacted:password>' }, pin: '<redacted:secret>' }
 */
export function createRedactionPolicy(options: RedactionPolicyOptions = {}): RedactionPolicy {
  const extra = new Set((options.secretFields ?? []).map(toSecretKey));
  const string = (value: string) => redactSecretValues(value, extra);
  const isSecret = (name: string) => isSecretName(name, extra);
  const json = (value: unknown) => redactJson(value, { isSecret, string });
  const bodyOptions = { json, string, isSecret };
  return {
    headers: (headers, side) => redactHeaders(headers, side, string),
    query: (query) => Object.fromEntries(Object.entries(query).map(([name, value]) => [name, redactParameter(name, value, extra, string)])),
    string,
    url: string,
    json,
    body: (text, contentType) => redactBodyText(text, contentType, bodyOptions),
    bodyValue: (value, contentType) => {
      if (value === undefined || value === null) return { body: undefined, omitted: [] };
      // A string body with a media type other than JSON is raw text (form, plain, malformed JSON): judge it as text.
      const text = typeof value === 'string' && !isJsonMediaType(toMediaType(contentType));
      if (text) return redactBodyText(value, contentType, bodyOptions);
      const redacted = json(value);
      return { body: redacted.value, omitted: redacted.omitted };
    },
    isSecretName: isSecret,
  };
}

function redactParameter(name: string, value: string, extra: ReadonlySet<string>, string: (value: string) => string): string {
  if (!isSecretName(name, extra) || value === '' || PLACEHOLDER.test(value)) return string(value);
  return placeholderFor(name);
}

function redactHeaders(headers: HeaderInput, side: HeaderSide, string: (value: string) => string): Record<string, string> {
  const kept: Array<[string, string]> = [];
  for (const [rawName, rawValue] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    if (rawValue === undefined || !isKeptHeader(name, side)) continue;
    const value = Array.isArray(rawValue) ? rawValue.join(', ') : String(rawValue);
    if (name === 'authorization') kept.push([name, redactAuthorization(value)]);
    else if (name === 'www-authenticate') kept.push([name, toChallengeScheme(value)]);
    else kept.push([name, string(value)]);
  }
  return Object.fromEntries(kept.sort(([a], [b]) => a.localeCompare(b)));
}

function isKeptHeader(name: string, side: HeaderSide): boolean {
  if (KEPT_HEADERS[side].has(name)) return true;
  return side === 'response' && KEPT_RESPONSE_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** `Basic realm="x", charset=...` → `Basic`: a challenge's parameters may carry anything, its scheme says what the client must send. */
function toChallengeScheme(value: string): string {
  const scheme = value.trim().split(/[\s,]/)[0] ?? '';
  return /^[A-Za-z][A-Za-z0-9-]{0,30}$/.test(scheme) ? scheme : SECRET_PLACEHOLDERS.secret;
}

/** `Bearer x` → `Bearer <redacted:token>`, `Basic x` → `Basic <redacted:basic>`, a bare JWT → `<redacted:jwt>`. */
export function redactAuthorization(value: string): string {
  const trimmed = value.trim();
  if (PLACEHOLDER.test(trimmed)) return trimmed;
  const [scheme, ...rest] = trimmed.split(/\s+/);
  const known = /^[A-Za-z][A-Za-z0-9-]{0,30}$/.test(scheme);
  if (rest.length > 0 && scheme.toLowerCase() === 'bearer') return `Bearer ${SECRET_PLACEHOLDERS.bearer}`;
  if (rest.length > 0 && scheme.toLowerCase() === 'basic') return `Basic ${SECRET_PLACEHOLDERS.basic}`;
  if (rest.length > 0 && rest.every((word) => PLACEHOLDER.test(word)) && known) return trimmed;
  if (rest.length > 0 && known) return `${scheme} ${SECRET_PLACEHOLDERS.bearer}`;
  // A single word: Yeti's bare JWT, or some other bare token.
  return /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(trimmed) ? SECRET_PLACEHOLDERS.jwt : SECRET_PLACEHOLDERS.bearer;
}
