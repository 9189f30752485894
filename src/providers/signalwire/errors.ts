import { STATUS_CODES } from 'node:http';
import { statusOf, unhandledCode, type ProviderError, type Violation } from '../../errors.js';
import type { MockResponse } from '../types.js';

const ERROR_CODES_URL = 'https://signalwire.com/docs/apis/error-codes';

/** SignalWire's 422 entry. */
type ValidationEntry = { type: string; code: string; message: string; attribute: string | null; url: string };

/**
 * Renders errors as SignalWire's REST API does: `{"error": "<reason phrase>"}` for most statuses and
 * `{"errors": [{type, code, message, attribute, url}]}` for 422, one entry per failing field.
 */
export function renderSignalWireError(error: ProviderError): MockResponse {
  switch (error.code) {
    case 'MOCK_ERR_ROUTE_NOT_FOUND':
    case 'MOCK_ERR_METHOD_NOT_ALLOWED':
    case 'MOCK_ERR_NOT_FOUND':
      // Rails routing answers an unknown route or method with 404 too.
      return simple(404, 'Not Found');
    case 'MOCK_ERR_AUTH_MISSING':
    case 'MOCK_ERR_AUTH_INVALID':
      return { ...simple(401, 'Unauthorized'), headers: { 'www-authenticate': 'Basic realm="SignalWire"' } };
    case 'MOCK_ERR_FORBIDDEN':
      return simple(403, 'Forbidden');
    case 'MOCK_ERR_BODY_MALFORMED':
      return simple(400, 'Bad Request');
    case 'MOCK_ERR_BODY_MISSING':
      return validation([entry('missing_required_parameter', "Request body can't be blank", null)]);
    case 'MOCK_ERR_BODY_TOO_LARGE':
      return simple(413, 'Payload Too Large');
    case 'MOCK_ERR_MEDIA_UNSUPPORTED':
      return simple(415, 'Unsupported Media Type');
    case 'MOCK_ERR_MEDIA_UNACCEPTABLE':
      return simple(406, 'Not Acceptable');
    case 'MOCK_ERR_VALIDATION':
      // A malformed id matches no resource: SignalWire answers 404, not 422.
      if (error.violations.some((v) => v.location === 'path')) return simple(404, 'Not Found');
      return validation(error.violations.map(toEntry));
    case 'MOCK_ERR_PREFER_INVALID':
    case 'MOCK_ERR_PREFER_CODE':
    case 'MOCK_ERR_PREFER_EXAMPLE':
      return simple(400, `Bad Request: ${error.message}`);
    case 'MOCK_ERR_REPLAY_UNMATCHED':
      return simple(404, `Not Found: ${error.message}`);
    case 'MOCK_ERR_INTERNAL':
    case 'MOCK_ERR_STATE_SAVE':
      return simple(500, 'Internal Server Error');
    case 'MOCK_ERR_ACCOUNT_LIMIT':
      return simple(503, 'Service Unavailable');
    case 'MOCK_ERR_OVERRIDE':
      return simple(statusOf(error), STATUS_CODES[statusOf(error)] ?? 'Error');
    case 'MOCK_ERR_CROSS_SITE':
      return simple(403, `Forbidden: ${error.message}`);
    case 'MOCK_ERR_RATE_LIMITED':
      // rate_limit_exceeded is the documented code (error-codes.mdx); its body is not documented, so it takes the 422 entry's shape.
      return { ...validation([{ ...entry('rate_limit_exceeded', 'Rate limit exceeded', null), type: 'rate_limit_error' }]), status: 429 };
    default:
      return unhandledCode(error.code);
  }
}

function toEntry(violation: Violation): ValidationEntry {
  const attribute = violation.path[0] ?? null;
  const label = humanize(attribute ?? 'request');
  if (violation.code !== undefined) return entry(violation.code, violation.message, violation.location === 'query' ? null : attribute);
  if (violation.location === 'query' && attribute === 'page_token') {
    return entry('page_token_is_invalid', 'Page token is invalid', null);
  }
  switch (violation.rule) {
    case 'required':
      return entry('missing_required_parameter', `${label} can't be blank`, attribute);
    case 'minLength':
      return entry('missing_required_parameter', `${label} can't be blank`, attribute);
    case 'type':
      // An array whose items are not strings, or not an array at all.
      if (violation.path.length > 1 || violation.message === 'must be an array') {
        return entry('not_an_array_of_strings', `${label} must be an array of strings`, attribute);
      }
      if (violation.message === 'must be a string') return entry('not_a_string', `${label} must be a string`, attribute);
      return entry('invalid_parameter', `${label} ${violation.message}`, attribute);
    case 'business':
      return entry('invalid_parameter', violation.message, attribute);
    default:
      return entry('invalid_parameter', `${label} ${violation.message}`, attribute);
  }
}

function entry(code: string, message: string, attribute: string | null): ValidationEntry {
  return { type: 'validation_error', code, message, attribute, url: `${ERROR_CODES_URL}#${code}` };
}

function humanize(attribute: string): string {
  const words = attribute.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function simple(status: number, error: string): MockResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { error } };
}

function validation(errors: ValidationEntry[]): MockResponse {
  return { status: 422, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { errors } };
}
