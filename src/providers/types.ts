import type { IncomingHttpHeaders } from 'node:http';
import type { ProviderError } from '../errors.js';
import type { Operation } from '../openapi/operation.js';
import type { Preferences } from '../mock/preferences.js';
import type { AccountState } from '../state/account-state.js';
import type { Collection, IdStrategy, StoredRecord } from '../state/collection.js';
import type { FixturePlan } from '../recording/scenario-plan.js';

/** A request as it reaches a provider, before or without a matching operation (errors see these). */
export type ProviderRequest = {
  readonly provider: string;
  readonly method: string;
  /** The provider's real path (without any /<slug> mount prefix), e.g. /api/gateways/42. */
  readonly path: string;
  /** The full URL the client asked for: http://127.0.0.1:4010/sippet/api/gateways?x=1 */
  readonly url: URL;
  /** Lower-case header names, as node gives them. */
  readonly headers: IncomingHttpHeaders;
  /** The query as the client sent it (the last value of a repeated name); never coerced. */
  readonly query: Readonly<Record<string, string>>;
  /** The parsed JSON body; undefined when there was none or it has not been read. */
  readonly body?: unknown;
  /** The request media type, lower-case, without parameters; '' without a body. */
  readonly mediaType: string;
  /** Set once the request matched an operation of the spec. */
  readonly operation?: Operation;
  readonly pathParams: Readonly<Record<string, string>>;
};

/** A request routed to one operation of the spec, with its body read. Handlers get these. */
export type RoutedRequest = ProviderRequest & { readonly operation: Operation };

/** What goes back on the wire. A Buffer body is sent as is; anything else is sent as JSON. */
export type MockResponse = {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
};

/** The account a credential belongs to: state is partitioned by it. */
export type AuthResult = { account: string };

/** Credentials accepted when a --credentials file lists some for the provider. */
export type CredentialList = readonly string[];

export type AuthContext = {
  /** Only these credentials pass when set; otherwise any well-formed one does. */
  credentials?: CredentialList;
  /** A secret unique to this server run (HMAC keys, JWT signing). */
  secret: Uint8Array;
};

/** Sends one request to a running sipmock's provider and gives back the status and parsed body. */
export type ProviderCall = (request: { method: string; path: string; headers: Record<string, string>; body?: unknown }) => Promise<{ status: number; body: unknown }>;

export type ProviderAuth = {
  /** Checks the request's credentials; throws a MockError (401/403) when they do not pass. The account is the result. */
  authenticate(request: RoutedRequest, context: AuthContext): AuthResult | Promise<AuthResult>;
  /**
   * Headers of a client that authenticates as the provider's documented example account, for the
   * docs, the fixture generator and tests. `call` reaches the running provider (Yeti logs in first).
   */
  example(call: ProviderCall): Promise<Record<string, string>>;
};

/** What every handler may read. */
export type BaseContext = {
  preferences: Preferences;
  auth: AuthContext;
  /** The provider's base URL as this client reached it (http://127.0.0.1:4010/sippet), for links. */
  baseUrl: string;
};

/** A handler of an authenticated operation: the account and its state are always there. */
export type HandlerContext = BaseContext & { account: string; state: AccountState };

export type OperationHandler = (request: RoutedRequest, context: HandlerContext) => MockResponse | Promise<MockResponse>;

/**
 * A handler of an operation that needs no credentials (a login that issues them). It has no
 * account; its answer is never replayed from a fixture, since the credential it issues must be one
 * this server accepts.
 */
export type AnonymousHandler = (request: RoutedRequest, context: BaseContext) => MockResponse | Promise<MockResponse>;

export type RenderContext = { baseUrl: string };

/** How a replayed (recorded) success answer changes a collection: records to upsert, ids to remove. */
export type ReplayedChange = { upsert?: StoredRecord[]; remove?: string[] };
export type ReplayRule = (request: RoutedRequest, body: unknown, stored: Collection) => ReplayedChange;

/** One kind of stored record. */
export type CollectionDefinition = {
  /** The operation whose success response shows one record: stored records are checked against it. */
  operationId: string;
  /** How new ids are made: `uuid` (from the account's seeded random), `{ sequence }`, or `client` (the request names it). */
  ids: IdStrategy;
  /** The record as that operation's success response body. */
  render(record: StoredRecord, context: RenderContext): unknown;
  /** How a replayed answer of an operation changes this collection, by operationId. */
  replay?: Record<string, ReplayRule>;
};

/** The records a stateful provider keeps per account, how a new account starts, and the handlers over them. */
export type ProviderResources = {
  collections: Record<string, CollectionDefinition>;
  /** Fills a new account; it must be deterministic (use state.random()). */
  seed(state: AccountState): void;
  /** Operations answered from state, by operationId: each must need credentials in the spec. */
  handlers: Record<string, OperationHandler>;
};

/**
 * Media-type rules beyond the spec's list of request and response types. `json` accepts JSON with
 * parameters (`; charset=utf-8`) and without a Content-Type; a JSON:API provider refuses what its
 * framework refuses.
 */
export type MediaPolicy = {
  /** Throws MOCK_ERR_MEDIA_UNSUPPORTED when the body's Content-Type is refused. */
  checkContentType(request: RoutedRequest, contentType: string | undefined): void;
  /** Throws MOCK_ERR_MEDIA_UNACCEPTABLE when Accept excludes every response type. */
  checkAccept(request: RoutedRequest, accept: string | undefined, offered: string[]): void;
  /** The media type a body sent without Content-Type is read as; undefined: it is refused (JSON:API). */
  defaultRequestType(operation: Operation): string | undefined;
};

/**
 * One limit a provider documents, enforced with `serve --rate-limits` (off by default: a test suite
 * should not trip over it by accident). A fixed window of `windowSeconds` per client.
 */
export type RateLimitRule = {
  /** What the provider calls it, for the 429's message: "writes", "account/apikey". */
  name: string;
  limit: number;
  windowSeconds: number;
  /** Whose budget a request spends: the authenticated account's, or the client IP's. */
  per: 'account' | 'ip';
  /** Which requests count: these methods and/or these operationIds; every request when neither is given. */
  methods?: readonly string[];
  operationIds?: readonly string[];
  /** Headers with the limit and what remains: on every response of the provider, or on the counted ones only. */
  headers?: { limit: string; remaining: string; reset?: string; on: 'every' | 'counted' };
  /** The 429 carries Retry-After (seconds until the window ends). */
  retryAfter: boolean;
};

/**
 * Everything sipmock knows about one provider. The core never names a provider: it loops over
 * these. Build one with `defineProvider`, which checks it.
 */
export interface ProviderDefinition {
  /** The lower-case slug: URL prefix, fixtures folder, CLI argument. */
  readonly slug: string;
  readonly title: string;
  /** The OpenAPI 3.1 document: an absolute path, or a file name in sipmock's own specs/. */
  readonly spec: string;
  /** The provider's real base URL, for the README table and the health endpoint. */
  readonly realBase: string;
  readonly auth: ProviderAuth;
  /** Renders every provider-scope catalog error in the provider's own format. */
  renderError(error: ProviderError, request: ProviderRequest): MockResponse;
  readonly media: MediaPolicy;
  /** Stored records and the handlers over them; a provider without them answers from its spec. */
  readonly resources?: ProviderResources;
  /** Operations that need no credentials and that the provider answers itself (token issuers). */
  readonly anonymous?: Record<string, AnonymousHandler>;
  /** How the shipped fixture set is made for this provider, beyond what its spec gives. */
  readonly fixtures?: FixturePlan;
  /** Request and response field names that carry secrets, beyond the generic patterns (redaction). */
  readonly secretFields: readonly string[];
  /** The rate limits the provider documents (`serve --rate-limits` enforces them). */
  readonly rateLimits?: readonly RateLimitRule[];
  /** Request body fields that differ between otherwise identical requests (timestamps): not matched on replay. */
  readonly volatileFields: readonly string[];
}
