import { STATUS_CODES } from 'node:http';
import { statusOf, unhandledCode, type ProviderError, type Violation } from '../../errors.js';
import type { ProviderRequest, MockResponse } from '../types.js';

/**
 * Renders errors in NestJS's default shape, which Nebrija's camelCase `/api/v1` API most likely
 * uses (an assumption recorded in the spec): `{statusCode, message, error}`, with `message` a list of
 * class-validator messages for validation failures, one per failing field.
 */
export function renderNebrijaError(error: ProviderError, request: ProviderRequest): MockResponse {
  switch (error.code) {
    case 'MOCK_ERR_ROUTE_NOT_FOUND':
    case 'MOCK_ERR_METHOD_NOT_ALLOWED':
      // NestJS answers an unknown route or method with its "Cannot <METHOD> <path>" 404.
      return nestError(404, `Cannot ${request.method} ${request.path}`, 'Not Found');
    case 'MOCK_ERR_NOT_FOUND':
      return nestError(404, `SIP trunk ${error.values.id} not found`, 'Not Found');
    case 'MOCK_ERR_AUTH_MISSING':
    case 'MOCK_ERR_AUTH_INVALID':
      return nestError(401, 'Unauthorized');
    case 'MOCK_ERR_FORBIDDEN':
      return nestError(403, error.values.why ?? 'Forbidden resource', 'Forbidden');
    case 'MOCK_ERR_BODY_MALFORMED':
      return nestError(400, error.values.why ?? 'Malformed JSON', 'Bad Request');
    case 'MOCK_ERR_BODY_MISSING':
      return nestError(400, ['request body should not be empty'], 'Bad Request');
    case 'MOCK_ERR_BODY_TOO_LARGE':
      return nestError(413, 'request entity too large', 'Payload Too Large');
    case 'MOCK_ERR_MEDIA_UNSUPPORTED':
      return nestError(415, 'Unsupported Media Type', 'Unsupported Media Type');
    case 'MOCK_ERR_MEDIA_UNACCEPTABLE':
      return nestError(406, 'Not Acceptable', 'Not Acceptable');
    case 'MOCK_ERR_VALIDATION':
      if (error.violations.some((v) => v.location === 'path')) return nestError(400, 'Validation failed (uuid is expected)', 'Bad Request');
      return nestError(400, error.violations.map(toMessage), 'Bad Request');
    case 'MOCK_ERR_PREFER_INVALID':
    case 'MOCK_ERR_PREFER_CODE':
    case 'MOCK_ERR_PREFER_EXAMPLE':
      return nestError(400, error.message, 'Bad Request');
    case 'MOCK_ERR_REPLAY_UNMATCHED':
      return nestError(404, error.message, 'Not Found');
    case 'MOCK_ERR_INTERNAL':
    case 'MOCK_ERR_STATE_SAVE':
      return nestError(500, 'Internal server error');
    case 'MOCK_ERR_ACCOUNT_LIMIT':
      return nestError(503, 'Service Unavailable');
    case 'MOCK_ERR_OVERRIDE':
      return nestError(statusOf(error), STATUS_CODES[statusOf(error)] ?? 'Error', STATUS_CODES[statusOf(error)]);
    case 'MOCK_ERR_CROSS_SITE':
      return nestError(403, error.message, 'Forbidden');
    case 'MOCK_ERR_RATE_LIMITED':
      return nestError(429, 'ThrottlerException: Too Many Requests', 'Too Many Requests');
    default:
      return unhandledCode(error.code);
  }
}

/** class-validator's wording, with the property path as NestJS prints it (gateways.0.port). */
function toMessage(violation: Violation): string {
  const property = violation.path.join('.') || 'body';
  switch (violation.rule) {
    case 'required':
    case 'minLength':
      return `${property} should not be empty`;
    case 'not_allowed':
      return `property ${property} should not exist`;
    case 'minItems':
      return `${property} must contain at least ${violation.message.match(/\d+/)?.[0] ?? 1} elements`;
    case 'enum':
      return `${property} must be one of the following values: ${violation.message.replace('must be one of: ', '').replace(/"/g, '')}`;
    case 'maximum':
      return `${property} must not be greater than ${limit(violation)}`;
    case 'minimum':
      return `${property} must not be less than ${limit(violation)}`;
    case 'type':
      return `${property} ${CLASS_VALIDATOR_TYPES[violation.message] ?? violation.message}`;
    default:
      return `${property} ${violation.message}`;
  }
}

/** class-validator's @IsInt, @IsString... messages for the schema's type failures. */
const CLASS_VALIDATOR_TYPES: Record<string, string> = {
  'must be a integer': 'must be an integer number',
  'must be a number': 'must be a number conforming to the specified constraints',
  'must be a string': 'must be a string',
  'must be a boolean': 'must be a boolean value',
  'must be an object': 'must be an object',
  'must be an array': 'must be an array',
};

function limit(violation: Violation): string {
  return violation.message.match(/-?\d+(\.\d+)?/)?.[0] ?? '';
}

function nestError(status: number, message: string | string[], error?: string): MockResponse {
  const body: Record<string, unknown> = { statusCode: status, message };
  if (error !== undefined) body.error = error;
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body };
}
