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
      return validation(onePerAttribute(error.violations.map(toEntry)));
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

/**
 * One 422 entry per violation, worded as the spec's examples are (a test compares them): Rails
 * style "<Attribute> can't be blank", "<Attribute> must be one of: a, b".
 */
function toEntry(violation: Violation): ValidationEntry {
  const attribute = violation.path[0] ?? null;
  const label = humanize(attribute ?? 'request');
  if (violation.code !== undefined) return entry(violation.code, violation.message, violation.location === 'query' ? null : attribute);
  if (violation.location === 'query') return queryEntry(attribute, label);
  if (violation.rule === 'required' || violation.rule === 'minLength' || violation.rule === 'minItems') {
    return entry('missing_required_parameter', `${label} can't be blank`, attribute);
  }
  // Codecs are an array of strings or a comma-separated string; any other shape has its own code.
  if (attribute === 'codecs' && violation.rule !== 'enum') {
    return entry('invalid_codecs_format', 'Codecs must be an array of strings or a comma-separated string', attribute);
  }
  switch (violation.rule) {
    case 'not_allowed':
      return entry('invalid_parameter', `${label} is not a permitted parameter`, attribute);
    case 'enum':
      return entry('invalid_parameter', `${label} must be one of: ${enumValues(violation.message)}`, attribute);
    case 'type':
      // An array whose items are not strings, or not an array at all.
      if (violation.path.length > 1 || violation.message === 'must be an array') {
        return entry('not_an_array_of_strings', `${label} must be an array of strings`, attribute);
      }
      if (violation.message === 'must be a string') return entry('not_a_string', `${label} must be a string`, attribute);
      return entry('invalid_parameter', `${label} is invalid`, attribute);
    default:
      return entry('invalid_parameter', `${label} is invalid`, attribute);
  }
}

/** The paging parameters: any bad value gets the one message that states the allowed range. */
function queryEntry(attribute: string | null, label: string): ValidationEntry {
  if (attribute === 'page_token') return entry('page_token_is_invalid', 'Page token is invalid', null);
  if (attribute === 'page_size') return entry('invalid_parameter', 'Page size must be between 1 and 1000', attribute);
  if (attribute === 'page_number') return entry('invalid_parameter', 'Page number must be greater than or equal to 0', attribute);
  return entry('invalid_parameter', `${label} is invalid`, attribute);
}

/** 'must be one of: "a", "b"' → 'a, b', as SignalWire lists allowed values. */
function enumValues(message: string): string {
  return message.replace(/^must be one of: /, '').replace(/"/g, '');
}

/** SignalWire reports one entry per parameter: a codec list failing both of its forms is one error. */
function onePerAttribute(entries: ValidationEntry[]): ValidationEntry[] {
  const seen = new Set<string | null>();
  return entries.filter((item) => {
    if (item.attribute !== null && seen.has(item.attribute)) return false;
    seen.add(item.attribute);
    return true;
  });
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
