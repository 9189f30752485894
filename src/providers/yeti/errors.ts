import { STATUS_CODES } from 'node:http';
import { statusOf, unhandledCode, type ProviderError, type Violation } from '../../errors.js';
import { toPointer } from '../../openapi/schema-validator.js';
import type { ProviderRequest, MockResponse } from '../types.js';
import { YetiErrors, type ResourceError } from './jsonapi-errors.js';
import { badRequest, queryError } from './query-errors.js';
import { reparseRefused } from './spec-refusals.js';
import { valueAt } from '../../json-object.js';

const MEDIA_TYPE = 'application/vnd.api+json';

/**
 * Renders errors as Yeti's admin API (jsonapi-resources 0.9) does. The HTTP status is the first
 * error's status. On resource routes a failed authentication is a bare 401 with an empty body.
 */
export function renderYetiError(error: ProviderError, request: ProviderRequest): MockResponse {
  if (request.operation?.operationId === 'createAuthToken' && !error.code.startsWith('MOCK_ERR_PREFER')) return renderRailsError(error);
  if (error instanceof YetiErrors) return errors(error.errors);
  const reparsed = error.code === 'MOCK_ERR_VALIDATION' ? reparseRefused(request) : undefined;
  if (reparsed) return errors(reparsed);
  switch (error.code) {
    case 'MOCK_ERR_ROUTE_NOT_FOUND':
    case 'MOCK_ERR_METHOD_NOT_ALLOWED':
      return noRoute(request);
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
          // jsonapi-resources names `request.media_type`: no parameters, lower case, '' without a Content-Type.
          `All requests that create or update must use the '${MEDIA_TYPE}' Content-Type. This request specified '${request.mediaType}'.`,
        ),
      ]);
    case 'MOCK_ERR_MEDIA_UNACCEPTABLE':
      return errors([
        resourceError(406, '406', 'Not acceptable', `All requests must use the '${MEDIA_TYPE}' Accept without media type parameters. This request specified '${error.values.accept}'.`),
      ]);
    case 'MOCK_ERR_VALIDATION':
      return errors(firstPhase(error.violations.map((violation) => toResourceError(violation, request))));
    case 'MOCK_ERR_PREFER_INVALID':
    case 'MOCK_ERR_PREFER_CODE':
    case 'MOCK_ERR_PREFER_EXAMPLE':
      return errors([resourceError(400, '400', 'Invalid Prefer header', error.message)]);
    case 'MOCK_ERR_REPLAY_UNMATCHED':
      return errors([resourceError(404, '404', 'No matching fixture', error.message)]);
    case 'MOCK_ERR_INTERNAL':
    case 'MOCK_ERR_STATE_SAVE':
      return errors([resourceError(500, '500', 'Internal Server Error', 'Internal Server Error')]);
    case 'MOCK_ERR_ACCOUNT_LIMIT':
      return errors([resourceError(503, '503', 'Service Unavailable', error.message)]);
    case 'MOCK_ERR_OVERRIDE':
      return errors([resourceError(statusOf(error), String(statusOf(error)), STATUS_CODES[statusOf(error)] ?? 'Error', error.message)]);
    case 'MOCK_ERR_CROSS_SITE':
      return errors([resourceError(403, '403', 'Forbidden', error.message)]);
    case 'MOCK_ERR_RATE_LIMITED':
      return errors([resourceError(429, '429', 'Too Many Requests', error.message)]);
    default:
      return unhandledCode(error.code);
  }
}

/**
 * Structural problems (unknown member, missing or wrong type or key) are jsonapi-resources 400s;
 * everything about attribute and relationship values is a model validation: 422, code "100",
 * "<attr> - <message>", or the bare message on `/data` for errors of the record itself.
 */
function toResourceError(violation: Violation, request: ProviderRequest): ResourceError {
  if (violation.location === 'query') return queryError(violation, request);
  if (violation.location === 'path') return badRequest('103', `${request.pathParams[violation.path[0]]} is not a valid value for ${violation.path[0]}.`);
  const [top, member, name] = violation.path;
  const value = valueAt(request.body, violation.path);
  if (violation.rule === 'business' && violation.code !== undefined && violation.code !== '100') return badRequest(violation.code, violation.message);
  if (violation.rule === 'not_allowed') return resourceError(400, '105', 'Param not allowed', `${violation.path[violation.path.length - 1]} is not allowed.`);
  if (violation.rule === 'business' && violation.path.length === 1) {
    return { title: violation.message, detail: violation.message, code: '100', source: { pointer: '/data' }, status: '422' };
  }
  if (top === 'data' && member === 'type') {
    return violation.rule === 'required'
      ? resourceError(400, '106', 'Missing Parameter', 'The required parameter, type, is missing.')
      : resourceError(400, '101', 'Invalid resource', `${value} is not a valid resource.`);
  }
  if (top === 'data' && member === 'id') return keyError(violation, request, value);
  if (top === 'data' && member === 'relationships' && violation.path[4] === 'type') return badRequest('116', `${value} is not a valid type for this operation.`);
  if (top !== 'data' || !name || (member !== 'attributes' && member !== 'relationships')) {
    return resourceError(400, '106', 'Missing Parameter', `The required parameter, ${violation.path.join('.') || 'data'}, is missing.`);
  }
  const message = member === 'relationships' ? relationshipMessage(violation, value) : attributeMessage(violation, value, name);
  return { title: message, detail: `${name} - ${message}`, code: '100', source: { pointer: toPointer(['data', member, name]) }, status: '422' };
}

/**
 * `data.id`: PoPs and nodes validate a client id's presence (422 "id - can't be blank"); an update
 * without one is jsonapi-resources' 109 "A key is required".
 */
function keyError(violation: Violation, request: ProviderRequest, value: unknown): ResourceError {
  if (violation.rule !== 'required') return badRequest('103', `${value} is not a valid value for id.`);
  if (request.method === 'POST') {
    return { title: "can't be blank", detail: "id - can't be blank", code: '100', source: { pointer: '/data/attributes/id' }, status: '422' };
  }
  return resourceError(400, '109', 'A key is required', 'The resource object does not contain a key.');
}

/** A relationship without an existing record is `belongs_to`'s "must exist". */
function relationshipMessage(violation: Violation, value: unknown): string {
  if (violation.rule === 'business') return violation.message;
  return value === null || value === undefined ? 'must exist' : 'is invalid';
}

/** Rails' wording for the checks the registration, PoP and node models run. */
function attributeMessage(violation: Violation, value: unknown, attribute: string): string {
  switch (violation.rule) {
    case 'business':
      return violation.message;
    case 'required':
      // contact has a format validation, not a presence one: nil "is invalid".
      return attribute === 'contact' ? 'is invalid' : "can't be blank";
    case 'minLength':
      return "can't be blank";
    case 'pattern':
      return violation.message.includes('"\\S"') ? "can't be blank" : 'is invalid';
    case 'maximum':
      return `must be less than or equal to ${violation.message.match(/-?\d+/)?.[0]}`;
    case 'minimum': {
      const limit = Number(violation.message.match(/-?\d+/)?.[0]);
      return limit === 1 ? 'must be greater than 0' : `must be greater than or equal to ${limit}`;
    }
    case 'type':
      if (value === null) return attribute === 'contact' ? 'is invalid' : "can't be blank";
      if (attribute === 'sip-schema-id') return 'is not included in the list';
      if (!violation.message.includes('integer')) return 'is invalid';
      return typeof value === 'number' ? 'must be an integer' : 'is not a number';
    case 'enum':
      return 'is not included in the list';
    default:
      return 'is invalid';
  }
}


/**
 * Errors of the token endpoint, which is no jsonapi-resources controller: Rails' own exception
 * page, `{"status": 400, "error": "Bad Request"}`. A body that is not JSON, or has no `auth`, is
 * ActionController::ParameterMissing there: 400.
 */
function renderRailsError(error: ProviderError): MockResponse {
  const status = RAILS_STATUS[error.code] ?? (error.code === 'MOCK_ERR_OVERRIDE' ? statusOf(error) : 500);
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { status, error: STATUS_CODES[status] } };
}

const RAILS_STATUS: Partial<Record<ProviderError['code'], number>> = {
  MOCK_ERR_VALIDATION: 400,
  MOCK_ERR_BODY_MALFORMED: 400,
  MOCK_ERR_BODY_MISSING: 400,
  MOCK_ERR_MEDIA_UNSUPPORTED: 400,
  MOCK_ERR_BODY_TOO_LARGE: 413,
  MOCK_ERR_MEDIA_UNACCEPTABLE: 406,
  MOCK_ERR_CROSS_SITE: 403,
  MOCK_ERR_RATE_LIMITED: 429,
};

/** Members in jsonapi-resources' order: title, detail, code, source, status. */
function resourceError(status: number, code: string, title: string, detail?: string): ResourceError {
  return detail === undefined ? { title, code, status: String(status) } : { title, detail, code, status: String(status) };
}

/** jsonapi-resources parses the request (400s) before the model validates it (422s): a 400 hides the 422s. */
function firstPhase(list: ResourceError[]): ResourceError[] {
  const malformed = list.filter((error) => error.status !== '422');
  return malformed.length > 0 ? malformed : list;
}

/** The mock's answer where Rails has no route; Yeti itself renders Rails' 404 page. */
function noRoute(request: ProviderRequest): MockResponse {
  return errors([resourceError(404, '404', 'Not Found', `No route matches [${request.method}] "${request.path}"`)]);
}

function errors(list: ResourceError[]): MockResponse {
  return { status: Number(list[0].status), headers: { 'content-type': MEDIA_TYPE }, body: { errors: list } };
}
