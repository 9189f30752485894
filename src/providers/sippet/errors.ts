import { statusOf, unhandledCode, type ProviderError } from '../../errors.js';
import type { MockResponse, ProviderRequest } from '../types.js';
import { ashErrors, AshErrorList, toErrorResponse, type AshError } from './ash-error.js';
import { requestErrors } from './request-check.js';

/** Errors the server raises before the handler runs, which AshJsonApi's request checks cover. */
const REQUEST_CHECKS = new Set(['MOCK_ERR_VALIDATION', 'MOCK_ERR_MEDIA_UNSUPPORTED', 'MOCK_ERR_MEDIA_UNACCEPTABLE', 'MOCK_ERR_BODY_MISSING']);

/**
 * Renders errors as AshJsonApi does: `{errors: [...], jsonapi: {version: "1.0"}}`, `status` as a
 * string, the HTTP status the highest of the errors' statuses, invalid input 400, not 422
 * (ash-project/ash_json_api@50e6416 lib/ash_json_api/error/error.ex class_to_status).
 */
export function renderSippetError(error: ProviderError, request: ProviderRequest): MockResponse {
  if (error instanceof AshErrorList) return toErrorResponse(error.errors, request);
  if (REQUEST_CHECKS.has(error.code)) {
    // The server stopped at its first failed check; AshJsonApi runs them all and answers every error.
    const errors = request.operation ? requestErrors({ ...request, operation: request.operation }) : [];
    return toErrorResponse(errors.length > 0 ? errors : [fallback(error, request)], request);
  }
  switch (error.code) {
    case 'MOCK_ERR_ROUTE_NOT_FOUND':
    case 'MOCK_ERR_METHOD_NOT_ALLOWED':
      // AshJsonApi's router answers any unrouted path or method itself (controllers/no_route_found.ex),
      // with Plug's default charset on the content type.
      return toErrorResponse([ashErrors.noRouteFound()], request, 'application/vnd.api+json; charset=utf-8');
    case 'MOCK_ERR_NOT_FOUND':
      return toErrorResponse([ashErrors.notFound(error.values.id)], request);
    case 'MOCK_ERR_AUTH_MISSING':
    case 'MOCK_ERR_AUTH_INVALID':
      return toErrorResponse([{ status: '401', code: 'unauthorized', title: 'Unauthorized', detail: error.message, meta: {} }], request);
    case 'MOCK_ERR_FORBIDDEN':
      return toErrorResponse([ashErrors.forbidden()], request);
    case 'MOCK_ERR_BODY_MALFORMED':
      return toErrorResponse([ashErrors.invalidBody(error.message, '')], request);
    case 'MOCK_ERR_BODY_TOO_LARGE':
      return toErrorResponse([{ status: '413', code: 'payload_too_large', title: 'Payload Too Large', detail: error.message, meta: {} }], request);
    case 'MOCK_ERR_PREFER_INVALID':
    case 'MOCK_ERR_PREFER_CODE':
    case 'MOCK_ERR_PREFER_EXAMPLE':
      return toErrorResponse([{ status: '400', code: 'invalid_prefer', title: 'InvalidPrefer', detail: error.message, source: { parameter: 'Prefer' }, meta: {} }], request);
    case 'MOCK_ERR_REPLAY_UNMATCHED':
      return toErrorResponse([{ status: '404', code: 'no_matching_fixture', title: 'No Matching Fixture', detail: error.message, meta: {} }], request);
    case 'MOCK_ERR_INTERNAL':
    case 'MOCK_ERR_STATE_SAVE':
      return toErrorResponse([ashErrors.somethingWentWrong(500)], request);
    case 'MOCK_ERR_ACCOUNT_LIMIT':
      return toErrorResponse([{ status: '503', code: 'service_unavailable', title: 'ServiceUnavailable', detail: error.message, meta: {} }], request);
    case 'MOCK_ERR_VALIDATION':
    case 'MOCK_ERR_MEDIA_UNSUPPORTED':
    case 'MOCK_ERR_MEDIA_UNACCEPTABLE':
    case 'MOCK_ERR_BODY_MISSING':
      return toErrorResponse([fallback(error, request)], request);
    case 'MOCK_ERR_OVERRIDE':
      return toErrorResponse([{ status: String(statusOf(error)), code: 'sipmock_override', title: 'SipmockOverride', detail: error.message, meta: {} }], request);
    case 'MOCK_ERR_CROSS_SITE':
      return toErrorResponse([{ status: '403', code: 'forbidden', title: 'Forbidden', detail: error.message, meta: {} }], request);
    case 'MOCK_ERR_RATE_LIMITED':
      return toErrorResponse([{ status: '429', code: 'too_many_requests', title: 'TooManyRequests', detail: error.message, meta: {} }], request);
    default:
      return unhandledCode(error.code);
  }
}

/**
 * The server refused something AshJsonApi's request checks accept: the refusal comes later,
 * from Ash. A malformed id on PATCH or DELETE finds no record (an assumption, see the spec); a
 * filter value outside the spec's type does not cast, an error AshJsonApi cannot render.
 */
function fallback(error: ProviderError, request: ProviderRequest): AshError {
  const violation = error.violations[0];
  if (violation?.location === 'path') return ashErrors.notFound(request.pathParams.id ?? '');
  if (violation?.location === 'query' && violation.path[0]?.startsWith('filter[')) return ashErrors.somethingWentWrong(400);
  if (error.code === 'MOCK_ERR_MEDIA_UNSUPPORTED') return ashErrors.unsupportedMediaType();
  if (error.code === 'MOCK_ERR_MEDIA_UNACCEPTABLE') return ashErrors.unacceptableMediaType();
  if (error.code === 'MOCK_ERR_BODY_MISSING') return ashErrors.required('/data');
  return ashErrors.invalidQuery(error.message);
}
