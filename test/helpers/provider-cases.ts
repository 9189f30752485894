import type { Operation } from '../../src/openapi/operation.js';
import { PROVIDERS } from '../../src/providers/registry.js';

/**
 * Per provider, what a test client needs: how to authenticate, and the ids its paths take.
 * The ids are the ones the specs' examples use, which every account is seeded with.
 */
export type ProviderCase = {
  /** Every operationId of the provider's spec, sorted. */
  operations: string[];
  /** Headers that authenticate a request (a token, a Basic pair, a JWT fetched from the server). */
  credentials(baseUrl: string, account?: string): Promise<Record<string, string>>;
  /** Values for path parameters, by name. */
  pathParams: Record<string, string>;
  /** Brings a freshly reset account to where the spec's examples apply (records they refer to). */
  prepare?(baseUrl: string, headers: Record<string, string>): Promise<void>;
  /** Path parameters for one operation, where ids differ by path (Yeti's PoPs, nodes...); else `pathParams`. */
  pathParamsFor?(operation: Operation): Record<string, string>;
  /** Operations whose documented 400 body cannot name the field (Yeti's token endpoint: Rails' bare `{"status":400,"error":"Bad Request"}`). */
  unnamedErrors?: string[];
};

/**
 * Each provider's case lives beside its tests (test/providers/<slug>/case.ts); this table is built
 * from the registry, so a new provider needs no line here.
 */
export const PROVIDER_CASES: Record<string, ProviderCase> = Object.fromEntries(
  await Promise.all(
    PROVIDERS.map(async (provider) => {
      const module = (await import(`../providers/${provider.slug}/case.ts`)) as { default: ProviderCase };
      return [provider.slug, module.default] as const;
    }),
  ),
);
