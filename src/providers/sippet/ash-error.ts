import { createHash } from 'node:crypto';
import { MockError } from '../../errors.js';
import type { MockResponse, ProviderRequest } from '../types.js';

/**
 * An AshJsonApi error object before its id is given. Keys AshJsonApi leaves undefined are absent
 * (`serializer.ex` serialize_one_error), so `meta` is absent on the generic fallback error.
 * Source: ash-project/ash_json_api@50e6416 lib/ash_json_api/error/*.ex.
 */
export type AshError = {
  status: string;
  code: string;
  title: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
  meta?: Record<string, unknown>;
};

/** Stands for the error's own id in a detail ("Something went wrong. Error id: <id>"). */
const OWN_ID = '{id}';

function draft(status: number, code: string, title: string, detail?: string, source?: AshError['source'], meta: Record<string, unknown> | null = {}): AshError {
  const error: AshError = { status: String(status), code, title };
  if (detail !== undefined) error.detail = detail;
  if (source !== undefined) error.source = source;
  if (meta !== null) error.meta = meta;
  return error;
}

export const ashErrors = {
  invalidQuery: (detail: string, pointer?: string) => draft(400, 'invalid_query', 'InvalidQuery', detail, pointer === undefined ? undefined : { pointer }),
  invalidBody: (detail: string, pointer: string) => draft(400, 'invalid_body', 'InvalidBody', detail, { pointer }),
  required: (pointer: string) => draft(400, 'required', 'Required', 'is required', { pointer }),
  invalidAttribute: (detail: string, pointer: string, meta: Record<string, unknown> = {}) =>
    draft(400, 'invalid_attribute', 'InvalidAttribute', detail, { pointer }, meta),
  invalidFilter: (detail = 'Invalid filter') => draft(400, 'invalid_filter', 'InvalidFilter', detail, { parameter: 'filter' }),
  invalidSort: (detail: string) => draft(400, 'invalid_sort', 'InvalidSort', detail, { parameter: 'sort' }),
  invalidField: (field: string, parameter: string) =>
    draft(400, 'invalid_field', 'InvalidField', `Invalid field for type Gateway: ${field}`, { parameter }),
  invalidType: (type: string) => draft(400, 'invalid_type', 'Invalid Type', `No such type ${type}`, { parameter: `fields[${type}]` }),
  invalidIncludes: (detail: string) => draft(400, 'invalid_includes', 'Invalid Includes', detail, { parameter: 'include' }),
  invalidPagination: (detail: string) => draft(400, 'invalid_pagination', 'InvalidPagination', `Invalid pagination: ${detail}`, { parameter: 'page' }),
  unsupportedMediaType: () => draft(415, 'unsupported_media_type', 'Unsupported Media Type'),
  unacceptableMediaType: () => draft(406, 'unacceptable_media_type', 'Unacceptable Media Type'),
  notFound: (id: string) => draft(404, 'not_found', 'Entity Not Found', `No Gateway record found with \`id: ${id}\``),
  noRouteFound: () => draft(404, 'no_route_found', 'NoRouteFound', 'no route found'),
  forbidden: () => draft(403, 'forbidden', 'Forbidden', 'forbidden'),
  /** An Ash error without a JSON:API rendering: 400 for Ash's `invalid` class, else 500; no meta. */
  somethingWentWrong: (status: 400 | 500) =>
    draft(status, 'something_went_wrong', 'SomethingWentWrong', `Something went wrong. Error id: ${OWN_ID}`, undefined, null),
};

/**
 * A refusal already worded as AshJsonApi words it; `errors` are in AshJsonApi's order. It is a
 * MockError so that the server renders it through the provider like any other refusal.
 */
export class AshErrorList extends MockError {
  constructor(readonly errors: AshError[]) {
    super('MOCK_ERR_VALIDATION', { summary: errors.map((e) => `${e.code}: ${e.detail ?? e.title}`).join('; ') });
  }
}

/**
 * `{errors, jsonapi}` with the highest of the errors' statuses (`response.ex` error_status_code).
 * Ids are uuids derived from the request, so the same request always gets the same ids: real
 * ids are random, but a mock's answers are compared across runs (fixtures, snapshots).
 */
export function toErrorResponse(errors: AshError[], request: ProviderRequest, contentType = 'application/vnd.api+json'): MockResponse {
  const seed = `${request.method} ${request.url.pathname}${request.url.search} ${JSON.stringify(request.body ?? null)}`;
  const rendered = errors.map((error, index) => {
    const id = toUuid(`${seed} ${index} ${error.code}`);
    const detail = error.detail?.replace(OWN_ID, id);
    return { id, ...error, ...(detail === undefined ? {} : { detail }) };
  });
  const status = Math.max(...errors.map((e) => Number(e.status)));
  return { status, headers: { 'content-type': contentType }, body: { errors: rendered, jsonapi: { version: '1.0' } } };
}

function toUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
