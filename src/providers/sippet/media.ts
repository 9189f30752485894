import type { IncomingHttpHeaders } from 'node:http';
import { refuseAccept, refuseContentType } from '../media-policies.js';
import type { MediaPolicy } from '../types.js';
import { ashErrors, type AshError } from './ash-error.js';

/**
 * AshJsonApi's content negotiation (ash-project/ash_json_api@50e6416 lib/ash_json_api/request.ex,
 * validate_accept_header and validate_content_type_header), checked on every request, with a
 * body or without one.
 */

type MediaType = { type: string; subtype: string; params: string[] };

/** Plug.Conn.Utils.media_type: `type/subtype; name=value`, names lower-cased; undefined if malformed. */
function parseMediaType(text: string): MediaType | undefined {
  const [range, ...rest] = text.split(';');
  const match = /^\s*([^\s/]+)\/([^\s/]+)\s*$/.exec(range);
  if (!match) return undefined;
  const params = rest
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => part.split('=')[0].trim().toLowerCase());
  return { type: match[1].toLowerCase(), subtype: match[2].toLowerCase(), params };
}

/** Only `ext` and `profile` may qualify the JSON:API media type (valid_header_params?). */
function hasOnlyJsonApiParams(media: MediaType): boolean {
  return media.params.every((name) => name === 'ext' || name === 'profile');
}

function isJsonApi(media: MediaType | undefined): media is MediaType {
  return media?.type === 'application' && media.subtype === 'vnd.api+json';
}

/**
 * Only the `application/vnd.api+json` entries of Accept count. With none (no Accept,
 * `application/json`, `*\/*`, even `text/html`) the request is served; with some, one of them must
 * carry no parameter other than `ext`/`profile`. A `q` weight counts as such a parameter.
 */
export function acceptError(accept: string | undefined): AshError | undefined {
  if (accept === undefined) return undefined;
  const entries = accept.split(',').map(parseMediaType).filter(isJsonApi);
  if (entries.length === 0 || entries.some(hasOnlyJsonApiParams)) return undefined;
  return ashErrors.unacceptableMediaType();
}

/**
 * A Content-Type header, when present, must be the JSON:API media type with at most `ext` and
 * `profile` parameters (or `*\/*`), whatever the method.
 */
export function contentTypeError(contentType: string | undefined): AshError | undefined {
  if (contentType === undefined) return undefined;
  const media = parseMediaType(contentType);
  if (media?.type === '*') return undefined;
  if (isJsonApi(media) && hasOnlyJsonApiParams(media)) return undefined;
  return ashErrors.unsupportedMediaType();
}

/** The two header checks, in the order AshJsonApi adds their errors (each one is prepended). */
export function mediaErrors(headers: IncomingHttpHeaders): AshError[] {
  const accept = headerValue(headers, 'accept');
  const contentType = headerValue(headers, 'content-type');
  return [contentTypeError(contentType), acceptError(accept)].filter((e): e is AshError => e !== undefined);
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * The server's media checks for Sippet follow AshJsonApi's rules above instead of JSON:API's
 * base specification: it allows `ext`/`profile` and serves an Accept without the JSON:API type.
 * A body without Content-Type is not read, as Plug.Parsers reads none.
 */
export const ashJsonApiMedia: MediaPolicy = {
  checkContentType(request, contentType) {
    if (contentTypeError(contentType)) refuseContentType(request, contentType);
  },
  checkAccept(_request, accept, offered) {
    if (acceptError(accept)) refuseAccept(accept, offered);
  },
  defaultRequestType: () => undefined,
};
