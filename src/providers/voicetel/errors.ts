import { STATUS_CODES } from 'node:http';
import { statusOf, unhandledCode, type ProviderError, type Violation } from '../../errors.js';
import type { MockResponse, ProviderRequest } from '../types.js';
import { isV22 } from './auth.js';

type Failure = { status: number; message: string; headers?: Record<string, string> };

/**
 * Renders errors as VoiceTel does: v2.1 `{statusCode: "<status>", status: "Error", message}`, with
 * the status code as a string; v2.2 `{status: "error", error: {code, message}}`. A VoiceTel error
 * carries one message, so several failing fields are named in it one after another.
 */
export function renderVoiceTelError(error: ProviderError, request: ProviderRequest): MockResponse {
  const failure = toFailure(error, request);
  const render = isV22(request.path) ? voicetelV22Error : voicetelError;
  return render(failure.status, failure.message, failure.headers);
}

function toFailure(error: ProviderError, request: ProviderRequest): Failure {
  switch (error.code) {
    case 'MOCK_ERR_ROUTE_NOT_FOUND':
      return { status: 404, message: 'Endpoint not found' };
    case 'MOCK_ERR_NOT_FOUND':
      return { status: 404, message: `${error.values.resource} not found` };
    case 'MOCK_ERR_METHOD_NOT_ALLOWED':
      return { status: 405, message: `Method Not Allowed: use ${error.values.allowed}`, headers: { allow: error.values.allowed } };
    case 'MOCK_ERR_AUTH_MISSING':
      // v2.1's only documented 400 is a request without any key; v2.2 answers it as a bad token.
      if (!isV22(request.path)) return { status: 400, message: 'Field Required: apikey' };
      return { status: 401, message: 'Invalid or missing API key' };
    case 'MOCK_ERR_AUTH_INVALID':
      return { status: 401, message: 'Invalid or missing API key' };
    case 'MOCK_ERR_FORBIDDEN':
      return { status: 403, message: 'Forbidden' };
    case 'MOCK_ERR_BODY_MALFORMED':
      return { status: 400, message: 'Malformed JSON body' };
    case 'MOCK_ERR_BODY_MISSING':
      return { status: 400, message: 'Malformed JSON body: the body is empty' };
    case 'MOCK_ERR_BODY_TOO_LARGE':
      return { status: 413, message: 'Request Entity Too Large' };
    case 'MOCK_ERR_MEDIA_UNSUPPORTED':
      return { status: 415, message: 'Unsupported Media Type: send application/json' };
    case 'MOCK_ERR_MEDIA_UNACCEPTABLE':
      return { status: 406, message: 'Not Acceptable: responses are application/json' };
    case 'MOCK_ERR_VALIDATION':
      // A malformed id names no gateway: the resource is not there.
      if (error.violations.some((v) => v.location === 'path')) return { status: 404, message: 'Gateway not found' };
      return { status: 400, message: validationMessage(error.violations) };
    case 'MOCK_ERR_PREFER_INVALID':
    case 'MOCK_ERR_PREFER_CODE':
    case 'MOCK_ERR_PREFER_EXAMPLE':
      return { status: 400, message: error.message };
    case 'MOCK_ERR_REPLAY_UNMATCHED':
      return { status: 404, message: error.message };
    case 'MOCK_ERR_INTERNAL':
    case 'MOCK_ERR_STATE_SAVE':
      return { status: 500, message: 'Internal Server Error' };
    case 'MOCK_ERR_ACCOUNT_LIMIT':
      return { status: 503, message: 'Service Unavailable' };
    case 'MOCK_ERR_OVERRIDE':
      return { status: statusOf(error), message: STATUS_CODES[statusOf(error)] ?? 'Error' };
    case 'MOCK_ERR_CROSS_SITE':
      return { status: 403, message: error.message };
    case 'MOCK_ERR_RATE_LIMITED':
      // The 429 example of account/apikey in specs/voicetel.openapi.yaml.
      return { status: 429, message: 'Rate limit exceeded' };
    default:
      return unhandledCode(error.code);
  }
}

const LOGIN_FIELDS = new Set(['username', 'password']);

function validationMessage(violations: Violation[]): string {
  // The api-key bootstrap has one documented 400 for either missing field (account.json v2.1.6).
  if (violations.some((v) => v.rule === 'required' && LOGIN_FIELDS.has(v.path[0] ?? ''))) return 'Field Required: username or password';
  return violations.map(toMessage).join('; ');
}

/** "Field Required: gateways" for a missing or empty field, "Invalid Field: gateways.0.gateway ..." otherwise. */
function toMessage(violation: Violation): string {
  const field = violation.path.join('.') || 'body';
  if (violation.rule === 'required' || (violation.rule === 'minItems' && violation.path.length === 1)) {
    return `Field Required: ${field}`;
  }
  if (violation.rule === 'business') return violation.message;
  return `Invalid Field: ${field} ${withArticle(violation.message)}`;
}

/** "must be a integer" → "must be an integer". */
function withArticle(message: string): string {
  return message.replace(/\ba (?=[aeiou])/g, 'an ');
}

export function voicetelError(status: number, message: string, headers: Record<string, string> = {}): MockResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: { statusCode: String(status), status: 'Error', message },
  };
}

export function voicetelV22Error(status: number, message: string, headers: Record<string, string> = {}): MockResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: { status: 'error', error: { code: status, message } },
  };
}
