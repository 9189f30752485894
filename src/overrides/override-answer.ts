import { MockError, type ProviderError } from '../errors.js';
import { contentTypeHeader, respondFromSpec } from '../mock/respond.js';
import type { MockResponse, ProviderDefinition, RoutedRequest } from '../providers/types.js';
import type { Fault } from './override-spec.js';
import type { OverrideHit } from './override-store.js';

/** An override's answer, ready to send (or to fault with). */
export type OverrideAnswer = { response: MockResponse; fault?: Fault; undocumented: boolean };

/**
 * Builds what an override answers:
 * - an explicit body is sent as given (JSON), with the status given or the operation's success;
 * - a named example, or a documented status, is the spec's documented body for it;
 * - a status the operation does not document is rendered in the provider's own error shape
 *   (MOCK_ERR_OVERRIDE) and marked `x-sipmock-undocumented: true`, since a client must survive a
 *   load balancer's 502 too.
 */
export function toOverrideAnswer(hit: OverrideHit, request: RoutedRequest, definition: ProviderDefinition): OverrideAnswer {
  const { respond } = hit;
  const { operation } = request;
  const accept = request.headers.accept;
  const status = respond.status ?? (respond.example !== undefined ? statusOfExample(request, respond.example) : operation.successStatus);
  const documented = operation.responses.has(status);
  let response: MockResponse;
  if (respond.body !== undefined) {
    response = { status, headers: { 'content-type': contentTypeHeader(firstMediaType(request, status)) }, body: respond.body };
  } else if (documented) {
    response = respondFromSpec(operation, { code: status, example: respond.example }, accept);
  } else if (status >= 400) {
    const error = new MockError('MOCK_ERR_OVERRIDE', { id: hit.id, status }) as ProviderError;
    response = definition.renderError(error, request);
    response.status = status;
  } else {
    response = { status };
  }
  const headers: Record<string, string> = { ...response.headers, ...respond.headers, 'x-sipmock-override': hit.id };
  if (!documented) headers['x-sipmock-undocumented'] = 'true';
  return { response: { ...response, headers }, fault: respond.fault, undocumented: !documented };
}

/** The status whose documented content holds the named example (checked when the override was added). */
function statusOfExample(request: RoutedRequest, example: string): number {
  for (const [status, response] of request.operation.responses) {
    if (response.contents.some((c) => c.examples.has(example))) return status;
  }
  return request.operation.successStatus;
}

function firstMediaType(request: RoutedRequest, status: number): string {
  const responses = request.operation.responses;
  return (responses.get(status) ?? responses.get(request.operation.successStatus))?.contents[0]?.mediaType ?? 'application/json';
}
