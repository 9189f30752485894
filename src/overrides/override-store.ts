import { MockError } from '../errors.js';
import { headerValue } from '../mock/headers.js';
import type { RoutedRequest } from '../providers/types.js';
import type { MountedProvider } from '../server/mounted-provider.js';
import { checkOverride, type CheckedOverride, type OverrideRespond, type OverrideSpec } from './override-spec.js';

/** An override as `GET /__sipmock/overrides` lists it. */
export type OverrideView = OverrideSpec & { id: string; hits: number; remaining: number | null };

/** What a request that matched gets: the answer to give, and the override's delay. */
export type OverrideHit = { id: string; respond: OverrideRespond; delayMs: number };

type Stored = CheckedOverride & { id: string; hits: number };

/** The runtime stubs of one server. The one added last wins; a spent one stays listed but never matches. */
export class OverrideStore {
  private readonly overrides: Stored[] = [];
  private nextId = 1;

  constructor(private readonly providers: readonly MountedProvider[]) {}

  add(input: unknown): OverrideView {
    const checked = checkOverride(input, this.providers);
    const stored: Stored = { ...checked, id: `ovr_${this.nextId++}`, hits: 0 };
    this.overrides.push(stored);
    return toView(stored);
  }

  list(): OverrideView[] {
    return this.overrides.map(toView);
  }

  get(id: string): OverrideView {
    const found = this.overrides.find((o) => o.id === id);
    if (!found) throw new MockError('MOCK_ERR_OVERRIDE_NOT_FOUND', { id });
    return toView(found);
  }

  remove(id: string): boolean {
    const index = this.overrides.findIndex((o) => o.id === id);
    if (index === -1) return false;
    this.overrides.splice(index, 1);
    return true;
  }

  /** Removes every override, or those of one provider. */
  clear(provider?: string): void {
    const kept = this.overrides.filter((o) => provider !== undefined && o.spec.provider !== provider);
    this.overrides.splice(0, this.overrides.length, ...kept);
  }

  get size(): number {
    return this.overrides.length;
  }

  /**
   * The answer of the newest live override that matches, counted as a hit. `beforeAuth` asks for
   * the ones that skip authentication (then the account is not known yet).
   */
  take(request: RoutedRequest, account: string | undefined, beforeAuth: boolean): OverrideHit | undefined {
    for (let i = this.overrides.length - 1; i >= 0; i--) {
      const override = this.overrides[i];
      if ((override.spec.skipAuth === true) !== beforeAuth) continue;
      if (!isLive(override) || !matches(override, request, account)) continue;
      const respond = override.answers[Math.min(override.hits, override.answers.length - 1)];
      override.hits++;
      return { id: override.id, respond, delayMs: delayOf(override.spec) };
    }
    return undefined;
  }
}

function isLive(override: Stored): boolean {
  return override.limit === undefined || override.hits < override.limit;
}

function matches(override: Stored, request: RoutedRequest, account: string | undefined): boolean {
  if (override.spec.provider !== request.provider || override.operation.operationId !== request.operation.operationId) return false;
  if (override.exactPath !== undefined && override.exactPath !== request.path) return false;
  const match = override.spec.match;
  if (!match) return true;
  if (match.account !== undefined && match.account !== account) return false;
  for (const [name, value] of Object.entries(match.query ?? {})) if (request.query[name] !== String(value)) return false;
  for (const [name, value] of Object.entries(match.headers ?? {})) if (headerValue(request.headers, name.toLowerCase()) !== value) return false;
  return match.body === undefined || containsSubset(request.body, match.body);
}

/** True when every member of `subset` is in `value` with an equal value; arrays must be equal in length and order. */
export function containsSubset(value: unknown, subset: unknown): boolean {
  if (subset === null || typeof subset !== 'object') return value === subset;
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(subset)) {
    return Array.isArray(value) && value.length === subset.length && subset.every((item, i) => containsSubset(value[i], item));
  }
  return Object.entries(subset).every(([key, member]) => containsSubset((value as Record<string, unknown>)[key], member));
}

function delayOf(spec: OverrideSpec): number {
  if (spec.delay) return spec.delay.min + Math.random() * (spec.delay.max - spec.delay.min);
  return spec.delayMs ?? 0;
}

function toView(override: Stored): OverrideView {
  const remaining = override.limit === undefined ? null : Math.max(0, override.limit - override.hits);
  return { id: override.id, ...override.spec, hits: override.hits, remaining };
}
