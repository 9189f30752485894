import type { RateLimitRule } from '../types.js';

/**
 * SignalWire's rate-limits page (signalwire/docs `668371b`, rate-limits.mdx): writes are limited to
 * 13,800 per 10 s, and every response carries the limit and what remains in X- headers. The page
 * does not name the headers: the common X-RateLimit-* names are an assumption. The 429's code is
 * `rate_limit_exceeded` (error-codes.mdx); Retry-After is ours, so a client knows when to retry.
 */
export const signalwireRateLimits: readonly RateLimitRule[] = [
  {
    name: 'writes',
    limit: 13_800,
    windowSeconds: 10,
    per: 'account',
    methods: ['POST', 'PUT', 'PATCH', 'DELETE'],
    headers: { limit: 'x-ratelimit-limit', remaining: 'x-ratelimit-remaining', reset: 'x-ratelimit-reset', on: 'every' },
    retryAfter: true,
  },
];
