import { randomUUID } from 'node:crypto';
import { statusOf, unhandledCode, type ProviderError, type Violation } from '../../errors.js';
import { toPointer } from '../../openapi/schema-validator.js';
import type { ProviderRequest, MockResponse } from '../types.js';
import { PUBLIC_FIELDS } from './gateway.js';

/** An AshJsonApi error object; keys that would be undefined are left out, as AshJsonApi does. */
type AshError = {
  id: string;
  status: string;
  code: string;
  title: string;
  detail?: string;
  source?: { pointer?: string; parameter?: string };
  meta: Record<string, unknown>;
};

const MEDIA_TYPE = 'application/vnd.api+json';

/** Query parameters map to AshJsonApi's error codes by their family. */
const PARAMETER_CODES: Array<[RegExp, string, string]> = [
  [/^fields\[/, 'invalid_field', 'InvalidField'],
  [/^filter(\[|$)/, 'invalid_filter', 'InvalidFilter'],
  [/^sort$/, 'invalid_sort', 'InvalidSort'],
  [/^page\[/, 'invalid_pagination', 'InvalidPagination'],
  [/^include$/, 'invalid_includes', 'Invalid Includes'],
];

/**
 * Renders errors as AshJsonApi does: `{errors: [...], jsonapi: {version: "1.0"}}`, `status` as a
 * string, and the HTTP status the highest of the errors' statuses. Invalid input is 400, not 422
 * (AshJsonApi's class_to_status).
 */
export function renderSippetError(error: ProviderError, request: ProviderRequest): MockResponse {
  switch (error.code) {
    case 'MOCK_ERR_ROUTE_NOT_FOUND':
    case 'MOCK_ERR_METHOD_NOT_ALLOWED':
      // Phoenix answers an unknown route or method with a 404.
      return envelope([ashError(404, 'not_found', 'Not Found', `No route found for ${request.method} ${request.path}`)]);
    case 'MOCK_ERR_NOT_FOUND':
      return envelope([ashError(404, 'not_found', 'Entity Not Found', `No Gateway record found with \`id: ${error.values.id}\``)]);
    case 'MOCK_ERR_AUTH_MISSING':
    case 'MOCK_ERR_AUTH_INVALID':
      return envelope([ashError(401, 'unauthorized', 'Unauthorized', error.message)]);
    case 'MOCK_ERR_FORBIDDEN':
      return envelope([ashError(403, 'forbidden', 'Forbidden', 'forbidden')]);
    case 'MOCK_ERR_BODY_MALFORMED':
      return envelope([ashError(400, 'invalid_body', 'InvalidBody', error.message, { pointer: '' })]);
    case 'MOCK_ERR_BODY_MISSING':
      return envelope([ashError(400, 'required', 'Required', 'is required', { pointer: '/data' })]);
    case 'MOCK_ERR_BODY_TOO_LARGE':
      return envelope([ashError(413, 'payload_too_large', 'Payload Too Large', error.message)]);
    case 'MOCK_ERR_MEDIA_UNSUPPORTED':
      return envelope([ashError(415, 'unsupported_media_type', 'Unsupported Media Type')]);
    case 'MOCK_ERR_MEDIA_UNACCEPTABLE':
      return envelope([ashError(406, 'unacceptable_media_type', 'Unacceptable Media Type')]);
    case 'MOCK_ERR_VALIDATION':
      return envelope(error.violations.map((violation) => toAshError(violation, request)));
    case 'MOCK_ERR_PREFER_INVALID':
    case 'MOCK_ERR_PREFER_CODE':
    case 'MOCK_ERR_PREFER_EXAMPLE':
      return envelope([ashError(400, 'invalid_prefer', 'InvalidPrefer', error.message, { parameter: 'Prefer' })]);
    case 'MOCK_ERR_REPLAY_UNMATCHED':
      return envelope([ashError(404, 'no_matching_fixture', 'No Matching Fixture', error.message)]);
    case 'MOCK_ERR_INTERNAL':
    case 'MOCK_ERR_STATE_SAVE':
      return envelope([ashError(500, 'something_went_wrong', 'SomethingWentWrong', `Something went wrong. Error id: ${randomUUID()}`)]);
    case 'MOCK_ERR_ACCOUNT_LIMIT':
      return envelope([ashError(503, 'service_unavailable', 'ServiceUnavailable', error.message)]);
    case 'MOCK_ERR_OVERRIDE':
      return envelope([ashError(statusOf(error), 'sipmock_override', 'SipmockOverride', error.message)]);
    case 'MOCK_ERR_CROSS_SITE':
      return envelope([ashError(403, 'forbidden', 'Forbidden', error.message)]);
    case 'MOCK_ERR_RATE_LIMITED':
      return envelope([ashError(429, 'too_many_requests', 'TooManyRequests', error.message)]);
    default:
      return unhandledCode(error.code);
  }
}

function toAshError(violation: Violation, request: ProviderRequest): AshError {
  if (violation.location === 'path') {
    // A malformed id finds no record: AshJsonApi reads by primary key and reports not found.
    return ashError(404, 'not_found', 'Entity Not Found', `No Gateway record found with \`id: ${request.pathParams.id}\``);
  }
  if (violation.location === 'query') {
    const parameter = violation.path[0];
    const [, code, title] = PARAMETER_CODES.find(([pattern]) => pattern.test(parameter)) ?? [, 'invalid_query', 'InvalidQuery'];
    const detail = violation.rule === 'business' ? violation.message : queryDetail(parameter, violation.message, request);
    return ashError(400, code, title, detail, { parameter });
  }
  const pointer = toPointer(violation.path);
  if (violation.rule === 'business' && violation.code === 'invalid_body') return ashError(400, 'invalid_body', 'InvalidBody', violation.message, { pointer });
  if (violation.rule === 'required') return ashError(400, 'required', 'Required', 'is required', { pointer });
  if (violation.rule === 'not_allowed') {
    const keys = violation.path.map((segment) => JSON.stringify(segment)).join(', ');
    return ashError(400, 'invalid_body', 'InvalidBody', `Expected only defined properties, got key [${keys}].`, { pointer });
  }
  if (pointer === '/data/type') return ashError(400, 'missing_type', 'Invalid resource object', 'The resource object MUST contain at least a type member.', { pointer: '/data' });
  if (violation.rule === 'business') return ashError(400, 'invalid_attribute', 'InvalidAttribute', violation.message, { pointer });
  return ashError(400, 'invalid_body', 'InvalidBody', `${pointer} ${violation.message}`, { pointer });
}

/** AshJsonApi's own wording for a bad filter, sort or sparse field, naming the first unknown one. */
function queryDetail(parameter: string, message: string, request: ProviderRequest): string {
  const value = request.url.searchParams.getAll(parameter).at(-1) ?? '';
  const filter = /^filter\[([^\]]+)\]$/.exec(parameter);
  if (filter) return `Invalid filter: ${filter[1]} ${message}`;
  if (parameter === 'sort') {
    const unknown = value.split(',').map((part) => part.replace(/^[-+]/, '')).find((name) => !PUBLIC_FIELDS.includes(name));
    return unknown === undefined ? `Invalid sort: ${value}` : `Invalid sort field: ${unknown}`;
  }
  if (parameter === 'fields[Gateway]') {
    const unknown = value.split(',').find((name) => !PUBLIC_FIELDS.includes(name));
    return `Invalid field for type Gateway: ${unknown ?? value}`;
  }
  return `${parameter} ${message}`;
}

function ashError(status: number, code: string, title: string, detail?: string, source?: AshError['source']): AshError {
  const error: AshError = { id: randomUUID(), status: String(status), code, title, meta: {} };
  if (detail !== undefined) error.detail = detail;
  if (source !== undefined) error.source = source;
  return error;
}

function envelope(errors: AshError[]): MockResponse {
  const status = Math.max(...errors.map((e) => Number(e.status)));
  return { status, headers: { 'content-type': MEDIA_TYPE }, body: { errors, jsonapi: { version: '1.0' } } };
}
