import type { IncomingHttpHeaders } from 'node:http';
import type { MockError } from '../errors.js';
import type { Operation } from '../openapi/operation.js';
import type { Preferences } from '../mock/preferences.js';
import type { AccountState } from '../state/account-state.js';
import type { Collection, StoredRecord } from '../state/collection.js';
import type { SeedFunction } from '../state/store.js';

/** A request as the mock sees it once it has been routed to a provider. */
export type MockRequest = {
  provider: string;
  method: string;
  /** The provider's real path (without the /<slug> prefix), e.g. /api/gateways/42. */
  path: string;
  /** The full URL the client asked for, for links: http://127.0.0.1:4010/sippet/api/gateways?x=1 */
  url: URL;
  /** Lower-case header names, as node gives them. */
  headers: IncomingHttpHeaders;
  query: Record<string, string>;
  pathParams: Record<string, string>;
  /** The parsed JSON body, or undefined when there was none. */
  body: unknown;
  /** The request media type, lower-case, without parameters; '' without a body. */
  mediaType: string;
  operation?: Operation;
};

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

/** Answers a request itself (state, tokens) instead of the spec's canned response. */
export type OperationHandler = (request: MockRequest, context: HandlerContext) => MockResponse | Promise<MockResponse>;

export type HandlerContext = {
  account: string | undefined;
  preferences: Preferences;
  auth: AuthContext;
  /** The provider's base URL as this client sees it (http://127.0.0.1:4010/sippet), for links. */
  baseUrl: string;
  /** The account's stored state; present when the provider keeps state and the request is authenticated. */
  state?: AccountState;
};

export type RenderContext = { baseUrl: string };

/** One kind of stored record. */
export type CollectionDefinition = {
  /** The operation whose success response shows one record: stored records are checked against it. */
  operationId: string;
  /** The record as that operation's success response body. */
  render(record: StoredRecord, context: RenderContext): unknown;
  /**
   * How a replayed (recorded) success answer changes this collection, by operationId, so that a
   * replayed create lands in the store and later reads and lists agree with it.
   */
  replay?: Record<string, (request: MockRequest, body: unknown, stored: Collection) => ReplayedChange>;
};

export type ReplayedChange = { upsert?: StoredRecord[]; remove?: string[] };

/** What a stateful provider stores, and how a new account starts. */
export type ProviderState = {
  collections: Record<string, CollectionDefinition>;
  /** Fills a new account; it must be deterministic (use state.random()). */
  seed: SeedFunction;
};

/**
 * Everything sipmock knows about one provider. Core code never branches on a provider's name:
 * it calls these.
 */
export interface ProviderDefinition {
  /** The lower-case slug used as URL prefix, folder and CLI argument. */
  slug: string;
  title: string;
  /** The spec file name inside specs/. */
  specFile: string;
  /** The provider's real base URL, for the README table and the health endpoint. */
  realBase: string;
  /** Checks the request's credentials; throws a MockError (401/403) when they do not pass. */
  authenticate(request: MockRequest, context: AuthContext): AuthResult | Promise<AuthResult>;
  /** Renders any MockError in the provider's own error format. */
  renderError(error: MockError, request: MockRequest): MockResponse;
  /** Operations the provider answers itself, by operationId. */
  handlers?: Record<string, OperationHandler>;
  /** The records the provider keeps per account, when its handlers are stateful. */
  state?: ProviderState;
}
