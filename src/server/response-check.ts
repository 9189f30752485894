import type { Violation } from '../errors.js';
import type { JournalViolation } from '../journal/entry.js';
import { toMediaType } from '../mock/media-type.js';
import type { MockResponse, ProviderRequest } from '../providers/types.js';

/**
 * Checks an answer built at run time (state, generated data, rendered errors) against the
 * operation's documented response. Serialized examples were checked when the spec was tested.
 * `json` is the body as it goes on the wire (see Operation.validateResponse).
 */
export function checkResponse(request: ProviderRequest, response: MockResponse, json?: string): Violation[] {
  const operation = request.operation;
  if (!operation || response.body === undefined || Buffer.isBuffer(response.body)) return [];
  if (!operation.responses.has(response.status)) return [];
  // A body without Content-Type is sent as JSON (send.ts), so it is checked as JSON.
  const mediaType = toMediaType(response.headers?.['content-type'] ?? 'application/json');
  return operation.validateResponse(response.status, mediaType, response.body, json);
}

/** The violations as the `sl-violations` header value, as Prism does. */
export function toViolationsHeader(violations: Violation[]): string {
  return JSON.stringify(
    violations.slice(0, 20).map((v) => ({ location: ['response', 'body', ...v.path], severity: 'Error', code: v.rule, message: v.message })),
  );
}

export function toJournalViolation(side: JournalViolation['side'], violation: Violation): JournalViolation {
  return { side, location: violation.location, path: violation.path, rule: violation.rule, message: violation.message };
}

/** Errors about the mock's own controls (a bad Prefer header, no fixture to replay) are not the provider's answers. */
export function isMockControlError(response: MockResponse): boolean {
  const code = response.headers?.['x-sipmock-error'];
  return code !== undefined && (code.startsWith('MOCK_ERR_PREFER') || code === 'MOCK_ERR_REPLAY_UNMATCHED');
}
