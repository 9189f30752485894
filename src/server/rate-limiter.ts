import { MockError } from '../errors.js';
import type { RateLimitRule, RoutedRequest } from '../providers/types.js';

/** What a request gets from the limiter: headers to add, and the refusal when a budget is spent. */
export type RateLimitVerdict = { headers: Record<string, string>; refusal?: MockError };

type Window = { start: number; count: number };

/** Budgets past this many clients are dropped and start again: memory stays bounded. */
const MAX_WINDOWS = 10_000;

/** Enforces one provider's documented rate limits with fixed windows per client. */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly rules: readonly RateLimitRule[],
    private readonly now: () => number = Date.now,
  ) {}

  check(request: RoutedRequest, account: string | undefined, ip: string): RateLimitVerdict {
    const headers: Record<string, string> = {};
    let refusal: MockError | undefined;
    const now = this.now();
    for (const [index, rule] of this.rules.entries()) {
      const counted = applies(rule, request);
      if (!counted && rule.headers?.on !== 'every') continue;
      const key = `${index} ${rule.per === 'account' && account !== undefined ? `a:${account}` : `ip:${ip}`}`;
      const window = this.window(key, rule, now, counted);
      const resetSeconds = Math.max(1, Math.ceil((window.start + rule.windowSeconds * 1000 - now) / 1000));
      if (rule.headers) {
        headers[rule.headers.limit] = String(rule.limit);
        headers[rule.headers.remaining] = String(Math.max(0, rule.limit - window.count));
        if (rule.headers.reset) headers[rule.headers.reset] = String(resetSeconds);
      }
      if (!counted || window.count <= rule.limit || refusal) continue;
      if (rule.retryAfter) headers['retry-after'] = String(resetSeconds);
      refusal = new MockError('MOCK_ERR_RATE_LIMITED', { limit: rule.limit, window: rule.windowSeconds, rule: rule.name, retryAfter: resetSeconds });
    }
    return { headers, refusal };
  }

  private window(key: string, rule: RateLimitRule, now: number, counted: boolean): Window {
    let window = this.windows.get(key);
    if (!window || now - window.start >= rule.windowSeconds * 1000) {
      if (this.windows.size >= MAX_WINDOWS) this.windows.clear();
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (counted) window.count++;
    return window;
  }
}

function applies(rule: RateLimitRule, request: RoutedRequest): boolean {
  if (rule.methods && !rule.methods.includes(request.method)) return false;
  if (rule.operationIds && !rule.operationIds.includes(request.operation.operationId)) return false;
  return true;
}
