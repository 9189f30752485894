import type { JournalViolation } from '../journal/entry.js';

/**
 * The errors by which sipmock refuses a request the spec does not allow, with a fixed reason
 * each: an error's own message may quote what the client sent (a JSON parse error quotes the body).
 */
const SPEC_REJECTIONS: Record<string, string> = {
  MOCK_ERR_VALIDATION: 'the request does not match the spec',
  MOCK_ERR_BODY_MISSING: 'the request body is required and was empty',
  MOCK_ERR_BODY_MALFORMED: 'the request body is not valid JSON',
  MOCK_ERR_MEDIA_UNSUPPORTED: 'the Content-Type is not one the operation accepts',
  MOCK_ERR_MEDIA_UNACCEPTABLE: 'the Accept header allows no documented response type',
};

/**
 * Why the spec rejected a request (`query page_size: must be <= 1000`), or undefined when it did
 * not. The caller redacts it.
 */
export function toRejection(errorCode: string | undefined, violations: readonly JournalViolation[]): string | undefined {
  if (errorCode === undefined) return undefined;
  const fixed = SPEC_REJECTIONS[errorCode];
  if (fixed === undefined) return undefined;
  const onRequest = violations.filter((violation) => violation.side === 'request');
  if (onRequest.length === 0) return fixed;
  return onRequest.map((violation) => `${violation.location} ${violation.path.join('.') || '/'}: ${violation.message}`).join('; ');
}
