import { SECRET_PLACEHOLDERS } from './fixture.js';
import { isSecretName, placeholderFor } from './secret-names.js';

/*
 * Secrets found by their shape inside any string, whatever the member holding it is called. Every
 * pass here is linear in the string's length: hostile input (300k chars of `eyJ`) must not stall
 * the recorder, so the scans that a backtracking regex would make quadratic are written by hand,
 * and each regex left has no two quantifiers that can claim the same characters.
 */

export const PLACEHOLDER = /^<redacted:[a-z]+>$/;

/** `name=value` after `?`, `&`, `;`, `#`, a space or at the start: a query or form pair inside text. */
const QUERY_PAIR = /(^|[?&;#\s])([^=&;?#\s"'<>]+)=([^&;#\s"'<>?]*)/g;
const BASIC = /\bBasic\s+([A-Za-z0-9+/]+={0,2})/gi;
const BEARER = /\bBearer\s+([A-Za-z0-9._~+/=-]+)/gi;

/** Replaces JWTs, URL and SIP userinfo, secret query parameters and `Basic`/`Bearer` credentials inside a string. */
export function redactSecretValues(value: string, extraNames?: ReadonlySet<string>): string {
  if (PLACEHOLDER.test(value)) return value;
  let text = replaceJwts(value);
  text = stripUserinfo(text);
  if (text.includes('=')) {
    text = text.replace(QUERY_PAIR, (pair, separator: string, name: string, secret: string) => {
      if (secret === '' || PLACEHOLDER.test(secret) || !isSecretName(safeDecode(name), extraNames)) return pair;
      return `${separator}${name}=${placeholderFor(safeDecode(name))}`;
    });
  }
  text = text.replace(BASIC, (match, credentials: string) => (looksLikeBasic(credentials) ? `Basic ${SECRET_PLACEHOLDERS.basic}` : match));
  return text.replace(BEARER, (match, token: string) => (looksLikeToken(token) ? `Bearer ${SECRET_PLACEHOLDERS.bearer}` : match));
}

/** base64 of `user:password`: printable once decoded, with a colon. */
function looksLikeBasic(credentials: string): boolean {
  const decoded = Buffer.from(credentials, 'base64').toString('utf8');
  return /^[\x20-\x7e]+$/.test(decoded) && decoded.includes(':');
}

/** A token rather than a word of prose ("Bearer authentication"): it has a digit, or is long. */
function looksLikeToken(token: string): boolean {
  return token.length >= 20 || (token.length >= 6 && /[0-9]/.test(token));
}

function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function isBase64Url(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45 || code === 95;
}

/**
 * Replaces every `eyJ<b64>.<b64>.<b64?>` with the JWT placeholder, in one pass over runs of
 * base64url characters: each character is looked at a bounded number of times.
 */
export function replaceJwts(value: string): string {
  if (!value.includes('eyJ')) return value;
  let out = '';
  let copied = 0;
  let at = 0;
  const runEnd = (from: number) => {
    let end = from;
    while (end < value.length && isBase64Url(value.charCodeAt(end))) end += 1;
    return end;
  };
  while (at < value.length) {
    if (!isBase64Url(value.charCodeAt(at))) {
      at += 1;
      continue;
    }
    const end = runEnd(at);
    const start = indexOfWithin(value, 'eyJ', at, end - 1);
    const second = end + 1;
    const secondEnd = value[end] === '.' ? runEnd(second) : second;
    if (start === -1 || secondEnd === second || value[secondEnd] !== '.') {
      at = end;
      continue;
    }
    const thirdEnd = runEnd(secondEnd + 1);
    out += `${value.slice(copied, start)}${SECRET_PLACEHOLDERS.jwt}`;
    copied = thirdEnd;
    at = thirdEnd;
  }
  return copied === 0 ? value : out + value.slice(copied);
}

/** The first `needle` starting in [from, before) and ending before the run's end. */
function indexOfWithin(value: string, needle: string, from: number, before: number): number {
  for (let i = from; i + needle.length <= before; i += 1) {
    if (value.startsWith(needle, i)) return i;
  }
  return -1;
}

const STOPS = new Set([' ', '\t', '\n', '\r', '"', "'", '<', '>', '`']);

/**
 * Drops the userinfo of every URL (`https://user:pass@host` → `https://host`) and the password
 * of every SIP URI (`sip:user:pass@host` → `sip:user@host`), in one left-to-right pass.
 */
export function stripUserinfo(value: string): string {
  if (!value.includes('@')) return value;
  const cuts: Array<[number, number]> = [];
  let kind: 'url' | 'sip' | undefined;
  let start = 0;
  let colon = -1;
  let lastAt = -1;
  const close = () => {
    if (kind === 'url' && lastAt >= 0) cuts.push([start, lastAt + 1]);
    if (kind === 'sip' && lastAt >= 0 && colon >= 0 && colon < lastAt) cuts.push([colon, lastAt]);
    kind = undefined;
  };
  for (let i = 0; i < value.length; i += 1) {
    const char = value[i];
    if (value.startsWith('://', i)) {
      close();
      [kind, start, colon, lastAt] = ['url', i + 3, -1, -1];
      i += 2;
    } else if (startsSipUri(value, i)) {
      close();
      const skip = value[i + 3] === ':' ? 4 : 5;
      [kind, start, colon, lastAt] = ['sip', i + skip, -1, -1];
      i += skip - 1;
    } else if (STOPS.has(char) || (kind === 'url' && (char === '/' || char === '?' || char === '#'))) {
      close();
    } else if (char === '@' && kind !== undefined) {
      lastAt = i;
    } else if (char === ':' && kind === 'sip' && colon === -1) {
      colon = i;
    }
  }
  close();
  if (cuts.length === 0) return value;
  let out = '';
  let copied = 0;
  for (const [from, to] of cuts) {
    out += value.slice(copied, from);
    copied = to;
  }
  return out + value.slice(copied);
}

/** `sip:` or `sips:` at `i`, not inside a longer word (`gossip:` is not a SIP URI). */
function startsSipUri(value: string, i: number): boolean {
  const head = value.slice(i, i + 5).toLowerCase();
  if (!head.startsWith('sip:') && !head.startsWith('sips:')) return false;
  return i === 0 || !/[A-Za-z0-9+.-]/.test(value[i - 1]);
}
