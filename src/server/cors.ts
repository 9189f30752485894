import type { IncomingMessage } from 'node:http';
import { MockError } from '../errors.js';
import type { MockResponse } from '../providers/types.js';

/** `serve --cors [origins]`: which browser origins may call the providers; '*' is any. */
export type CorsPolicy = { origins: '*' | readonly string[] };

/** Headers a browser client may read: what SDKs look at, and sipmock's own. */
const EXPOSED = [
  'location', 'link', 'etag', 'retry-after', 'x-request-id', 'sl-violations',
  'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset',
  'x-sipmock-error', 'x-sipmock-override', 'x-sipmock-undocumented',
].join(', ');
const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';

/**
 * Refuses a cross-site request when CORS is off (or its origin is not allowed): any web page could
 * otherwise make a browser write to the mock, a VoiceTel `gateways/add` with no Content-Type
 * included. A request from the server's own origin, or from no browser at all, passes.
 */
export function checkCrossSite(req: IncomingMessage, policy: CorsPolicy | undefined): void {
  const origin = req.headers.origin;
  const fetchSite = req.headers['sec-fetch-site'];
  if (origin !== undefined && isAllowed(origin, policy)) return;
  if (origin !== undefined && !isSameOrigin(origin, req.headers.host)) {
    throw new MockError('MOCK_ERR_CROSS_SITE', { why: `Origin ${origin}${policy ? ' is not in the --cors list' : ''}` });
  }
  if (fetchSite === 'cross-site' && !policy) throw new MockError('MOCK_ERR_CROSS_SITE', { why: 'Sec-Fetch-Site: cross-site' });
}

/** The Access-Control-* headers of an answer to an allowed origin; none without CORS or an Origin. */
export function corsHeaders(req: IncomingMessage, policy: CorsPolicy | undefined): Record<string, string> | undefined {
  const origin = req.headers.origin;
  if (!policy || origin === undefined || !isAllowed(origin, policy)) return undefined;
  return { 'access-control-allow-origin': policy.origins === '*' ? '*' : origin, 'access-control-expose-headers': EXPOSED, vary: 'Origin' };
}

/** A preflight (OPTIONS with Access-Control-Request-Method) from an allowed origin: 204 with what is allowed. */
export function answerPreflight(req: IncomingMessage, policy: CorsPolicy | undefined): MockResponse | undefined {
  if (req.method !== 'OPTIONS' || req.headers['access-control-request-method'] === undefined) return undefined;
  const headers = corsHeaders(req, policy);
  if (!headers) return undefined;
  const requested = req.headers['access-control-request-headers'];
  return {
    status: 204,
    headers: {
      ...headers,
      'access-control-allow-methods': METHODS,
      'access-control-allow-headers': requested ?? 'authorization, content-type, accept, prefer',
      'access-control-max-age': '600',
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    },
  };
}

function isAllowed(origin: string, policy: CorsPolicy | undefined): boolean {
  if (!policy) return false;
  return policy.origins === '*' || policy.origins.includes(origin);
}

export function isSameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    // `Origin: null` (a sandboxed page, a file) or garbage is no origin of ours.
    return false;
  }
}
