import type { MockError, Violation } from '../../errors.js';
import { toPointer } from '../../spec/schema-validator.js';
import type { MockRequest, MockResponse } from '../types.js';

/** A jsonapi-resources error object: only non-nil members, `code` and `status` as strings. */
type ResourceError = { title: string; detail?: string; code: string; source?: { pointer: string }; status: string };

const MEDIA_TYPE = 'application/vnd.api+json';

/** jsonapi-resources' codes for bad query parameters, by parameter family. */
const PARAMETER_ERRORS: Array<[RegExp, string, string]> = [
  [/^page\[/, '118', 'Invalid page value'],
  [/^filter\[/, '102', 'Invalid filter value'],
  [/^sort$/, '114', 'Invalid sort criteria'],
  [/^include$/, '112', 'Invalid field'],
  [/^fields\[/, '104', 'Invalid field'],
];

/**
 * Renders errors as Yeti's admin API (jsonapi-resources 0.9) does. The HTTP status is the first
 * error's status. On resource routes a failed authentication is a bare 401 with an empty body.
 */
export function renderYetiError(error: MockError, request: MockRequest): MockResponse {
  switch (error.code) {
    case 'MOCK_ERR_ROUTE_NOT_FOUND':
    case 'MOCK_ERR_METHOD_NOT_ALLOWED':
      return errors([resourceError(404, '404', 'Not Found', `No route matches [${request.method}] "${request.path}"`)]);
    case 'MOCK_ERR_NOT_FOUND':
      return errors([resourceError(404, '404', 'Record not found', `The record identified by ${error.values.id} could not be found.`)]);
    case 'MOCK_ERR_AUTH_MISSING':
    case 'MOCK_ERR_AUTH_INVALID':
      return { status: 401 };
    case 'MOCK_ERR_FORBIDDEN':
      return errors([resourceError(403, '403', 'Forbidden', error.message)]);
    case 'MOCK_ERR_BODY_MALFORMED':
      return errors([resourceError(400, '400', 'Bad Request', error.message)]);
    case 'MOCK_ERR_BODY_MISSING':
      return errors([resourceError(400, '106', 'Missing Parameter', 'The required parameter, data, is missing.')]);
    case 'MOCK_ERR_BODY_TOO_LARGE':
      return errors([resourceError(413, '413', 'Payload Too Large', error.message)]);
    case 'MOCK_ERR_MEDIA_UNSUPPORTED':
      return errors([
        resourceError(
          415,
          '415',
          'Unsupported media type',
          `All requests that create or update must use the '${MEDIA_TYPE}' Content-Type. This request specified '${error.values.contentType}'.`,
        ),
      ]);
    case 'MOCK_ERR_MEDIA_UNACCEPTABLE':
      return errors([
        resourceError(406, '406', 'Not acceptable', `All requests must use the '${MEDIA_TYPE}' Accept without media type parameters. This request specified '${error.values.accept}'.`),
      ]);
    case 'MOCK_ERR_VALIDATION':
      return errors(error.violations.map(toResourceError));
    case 'MOCK_ERR_PREFER_INVALID':
    case 'MOCK_ERR_PREFER_CODE':
    case 'MOCK_ERR_PREFER_EXAMPLE':
      return errors([resourceError(400, '400', 'Invalid Prefer header', error.message)]);
    default:
      return errors([resourceError(500, '500', 'Internal Server Error', 'Internal Server Error')]);
  }
}

/**
 * Structural problems (unknown attribute, missing or wrong type) are jsonapi-resources 400s;
 * everything about attribute values is a model validation: 422, code "100", "<attr> - <message>".
 */
function toResourceError(violation: Violation): ResourceError {
  if (violation.location === 'query') {
    const parameter = violation.path[0];
    const [, code, title] = PARAMETER_ERRORS.find(([pattern]) => pattern.test(parameter)) ?? [, '103', 'Invalid field value'];
    return resourceError(400, code, title, `${parameter} ${violation.message}.`);
  }
  if (violation.location === 'path') return resourceError(404, '404', 'Record not found', `The record identified by ${violation.path[0]} could not be found.`);
  const [top, member, name] = violation.path;
  if (violation.rule === 'not_allowed') return resourceError(400, '105', 'Param not allowed', `${violation.path[violation.path.length - 1]} is not allowed.`);
  if (top === 'data' && member === 'type') {
    return violation.rule === 'required'
      ? resourceError(400, '106', 'Missing Parameter', 'The required parameter, type, is missing.')
      : resourceError(400, '101', 'Invalid resource', `${violation.message}`);
  }
  if (top === 'data' && member === 'id') return resourceError(400, '106', 'Missing Parameter', 'The required parameter, id, is missing.');
  if (top !== 'data' || !name || (member !== 'attributes' && member !== 'relationships')) {
    return resourceError(400, '106', 'Missing Parameter', `The required parameter, ${violation.path.join('.') || 'data'}, is missing.`);
  }
  const message = violation.rule === 'required' ? "can't be blank" : toRailsMessage(violation);
  return { title: message, detail: `${name} - ${message}`, code: '100', source: { pointer: toPointer(['data', member, name]) }, status: '422' };
}

/** Rails' wording for the checks the registration model runs. */
function toRailsMessage(violation: Violation): string {
  switch (violation.rule) {
    case 'business':
      return violation.message;
    case 'maximum':
      return `must be less than or equal to ${violation.message.match(/-?\d+/)?.[0]}`;
    case 'minimum':
    case 'exclusiveMinimum':
      return 'must be greater than 0';
    case 'type':
      return violation.message.includes('integer') || violation.message.includes('number') ? 'is not a number' : 'is invalid';
    case 'enum':
      return 'is not included in the list';
    case 'minLength':
      return "can't be blank";
    default:
      return 'is invalid';
  }
}

/** Members in jsonapi-resources' order: title, detail, code, source, status. */
function resourceError(status: number, code: string, title: string, detail?: string): ResourceError {
  return detail === undefined ? { title, code, status: String(status) } : { title, detail, code, status: String(status) };
}

function errors(list: ResourceError[]): MockResponse {
  return { status: Number(list[0].status), headers: { 'content-type': MEDIA_TYPE }, body: { errors: list } };
}
