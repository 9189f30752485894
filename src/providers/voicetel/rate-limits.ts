import type { RateLimitRule } from '../types.js';

/**
 * VoiceTel's account.json: `account/apikey` allows 6 requests per hour per client IP, then 429
 * (see specs/voicetel.openapi.yaml, accountApikey). Retry-After is not documented; it is sent so a
 * client can tell when the hour ends.
 */
export const voicetelRateLimits: readonly RateLimitRule[] = [
  { name: 'account/apikey', limit: 6, windowSeconds: 3600, per: 'ip', operationIds: ['accountApikey'], retryAfter: true },
];
