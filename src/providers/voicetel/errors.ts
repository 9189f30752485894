import { STATUS_CODES } from 'node:http';
import { statusOf, unhandledCode, type ProviderError, type Violation } from '../../errors.js';
import type { MockResponse } from '../types.js';

/**
 * Renders errors as VoiceTel v2.1 does: `{statusCode: "<status>", status: "Error", message}`, with
 * the status code as a string. A VoiceTel error carries one message, so several failing fields are
 * named in it one after another.
 */
export function renderVoiceTelError(error: ProviderError): MockResponse {
  switch (error.code) {
    case 'MOCK_ERR_ROUTE_NOT_FOUND':
    case 'MOCK_ERR_NOT_FOUND':
      return voicetelError(404, 'Endpoint not found');
    case 'MOCK_ERR_METHOD_NOT_ALLOWED':
      return voicetelError(405, `Method Not Allowed: use ${error.values.allowed}`, { allow: error.values.allowed });
    case 'MOCK_ERR_AUTH_MISSING':
    case 'MOCK_ERR_AUTH_INVALID':
      return voicetelError(401, 'Invalid or missing API key');
    case 'MOCK_ERR_FORBIDDEN':
      return voicetelError(403, 'Forbidden');
    case 'MOCK_ERR_BODY_MALFORMED':
      return voicetelError(400, 'Malformed JSON body');
    case 'MOCK_ERR_BODY_MISSING':
      return voicetelError(400, 'Malformed JSON body: the body is empty');
    case 'MOCK_ERR_BODY_TOO_LARGE':
      return voicetelError(413, 'Request Entity Too Large');
    case 'MOCK_ERR_MEDIA_UNSUPPORTED':
      return voicetelError(415, 'Unsupported Media Type: send application/json');
    case 'MOCK_ERR_MEDIA_UNACCEPTABLE':
      return voicetelError(406, 'Not Acceptable: responses are application/json');
    case 'MOCK_ERR_VALIDATION':
      return voicetelError(400, error.violations.map(toMessage).join('; '));
    case 'MOCK_ERR_PREFER_INVALID':
    case 'MOCK_ERR_PREFER_CODE':
    case 'MOCK_ERR_PREFER_EXAMPLE':
      return voicetelError(400, error.message);
    case 'MOCK_ERR_REPLAY_UNMATCHED':
      return voicetelError(404, error.message);
    case 'MOCK_ERR_INTERNAL':
    case 'MOCK_ERR_STATE_SAVE':
      return voicetelError(500, 'Internal Server Error');
    case 'MOCK_ERR_ACCOUNT_LIMIT':
      return voicetelError(503, 'Service Unavailable');
    case 'MOCK_ERR_OVERRIDE':
      return voicetelError(statusOf(error), STATUS_CODES[statusOf(error)] ?? 'Error');
    case 'MOCK_ERR_CROSS_SITE':
      return voicetelError(403, error.message);
    case 'MOCK_ERR_RATE_LIMITED':
      // The 429 example of account/apikey in specs/voicetel.openapi.yaml.
      return voicetelError(429, 'Rate limit exceeded');
    default:
      return unhandledCode(error.code);
  }
}

/** "Field Required: gateways" for a missing or empty field, "Invalid Field: gateways.0.gateway ..." otherwise. */
function toMessage(violation: Violation): string {
  const field = violation.path.join('.') || 'body';
  if (violation.rule === 'required' || (violation.rule === 'minItems' && violation.path.length === 1)) {
    return `Field Required: ${field}`;
  }
  if (violation.rule === 'business') return violation.message;
  return `Invalid Field: ${field} ${violation.message}`;
}

export function voicetelError(status: number, message: string, headers: Record<string, string> = {}): MockResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: { statusCode: String(status), status: 'Error', message },
  };
}
