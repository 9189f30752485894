import type { Operation } from '../../src/openapi/operation.js';
import { PROVIDERS } from '../../src/providers/registry.js';

/**
 * Per provider, what a test client needs: how to authenticate, and the ids its paths take.
 * The ids are the ones the specs' examples use, which every account is seeded with.
 */
/** Requests the shared HTTP edge tests send to a provider, and its exact answers to them. */
export type ProviderEdges = {
  /** An operation that takes a JSON body: broken and oversized bodies go there. */
  create: { path: string; mediaType: string };
  /** A list, to check the provider still answers after an edge case. */
  list: { method: string; path: string; operationId: string; accept: string; body?: string };
  /** The Content-Type of its error answers. */
  errorContentType: string;
  tooLarge(limit: number): unknown;
  /** Its answer to a malformed JSON body; `why` is what JSON.parse said. */
  malformed(why: string): unknown;
  empty: { status: number; body: unknown };
  wrongMethod: { method: string; path: string; status: number; body: unknown; allow?: string };
};

export type ProviderCase = {
  edges: ProviderEdges;
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
