import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoverageRecorder } from '../coverage/coverage-recorder.js';
import { MockError, toProviderError } from '../errors.js';
import type { JournalSource, JournalViolation } from '../journal/entry.js';
import type { Journal } from '../journal/journal.js';
import { createJournalRedactor, type JournalRedactor } from '../journal/redactor.js';
import { sendFault, type OpenResponses } from '../overrides/faults.js';
import { toOverrideAnswer } from '../overrides/override-answer.js';
import type { Fault } from '../overrides/override-spec.js';
import type { OverrideHit, OverrideStore } from '../overrides/override-store.js';
import { headerValue } from '../mock/headers.js';
import { toMediaType } from '../mock/media-type.js';
import { toPreferences, type Preferences } from '../mock/preferences.js';
import { respondFromSpec } from '../mock/respond.js';
import type { Operation } from '../openapi/operation.js';
import type { AuthContext, MockResponse, ProviderRequest, RoutedRequest } from '../providers/types.js';
import type { Replayer } from '../recording/replay.js';
import type { StateStore } from '../state/store.js';
import { answerPreflight, checkCrossSite, corsHeaders, type CorsPolicy } from './cors.js';
import { pickDelay, sleep, type LatencyRange } from './latency.js';
import type { Logger } from './logger.js';
import { andThen, isPromise, type MaybePromise } from './maybe-async.js';
import type { MountedProvider } from './mounted-provider.js';
import type { RateLimiter } from './rate-limiter.js';
import { parseBody, readRawBody } from './read-body.js';
import { replayAnswer } from './replay-answer.js';
import { toProviderRequest } from './provider-request.js';
import { checkResponse, isMockControlError, toJournalViolation, toViolationsHeader } from './response-check.js';
import { sendResponse } from './send.js';

export type ProviderRouteOptions = {
  provider: MountedProvider;
  auth: AuthContext;
  store: StateStore;
  /** Answers requests that match a recorded fixture (serve --replay). */
  replayer?: Replayer;
  /** Resolves once stored changes are on disk (a state file); an answer is sent only after it. */
  persist?: () => Promise<void>;
  bodyLimit: number;
  logger: Logger;
  /** Records every answered request (the request journal). */
  journal?: Journal;
  /** Counts every answered request against the spec (the coverage report). */
  coverage?: CoverageRecorder;
  /** Runtime stubs; checked after authentication unless one says skipAuth. */
  overrides?: OverrideStore;
  /** Where hung and trickling responses are kept, for close() to destroy. */
  open: OpenResponses;
  /** Added to every answer (serve --latency). */
  latency?: LatencyRange;
  /** Browser origins allowed (serve --cors); without it cross-site requests are refused. */
  cors?: CorsPolicy;
  /** Enforces the provider's documented limits (serve --rate-limits). */
  rateLimiter?: RateLimiter;
  /** Aborted when the server closes: delays end at once. */
  closing: AbortSignal;
};

/** Serves one request; `mountPath` is the prefix the provider is mounted at ('' at the root of its own port). */
export type ProviderRoute = (req: IncomingMessage, res: ServerResponse, mountPath: string) => MaybePromise<void>;

type EndFailed = (error: unknown, res: ServerResponse) => void;

/** An answer, and why it is not the one asked for (an error's message, a broken spec), for the log. */
type Answered = { response: MockResponse; reason?: string };

/**
 * The one handler of a provider: route → read body → authenticate → replay → media types →
 * validate → answer (the provider's own handler, or the spec) → send. Every failure is a
 * MockError rendered in the provider's own format at the end. Steps wait only when they must (a
 * body, a save, a delay): a request that needs none is answered in the turn it arrived in.
 */
export function createProviderRoute(options: ProviderRouteOptions): ProviderRoute {
  const { definition } = options.provider;
  const redactor = createJournalRedactor(definition.secretFields);
  // An answer sent but not ended is a bug: logged (send.ts has destroyed its connection, so its client does not wait).
  const endFailed: EndFailed = (error, res) => options.logger.error(`${res.req.method} ${res.req.url}: the answer could not be ended: ${(error as Error).stack ?? error}`);
  return function providerRoute(req, res, mountPath) {
    const started = performance.now();
    const startedAt = Date.now();
    // A CORS preflight is browser plumbing, not a call to the provider: answered here, not journaled.
    const preflight = answerPreflight(req, options.cors);
    if (preflight) return void sendResponse(res, preflight, false, endFailed);
    const exchange: Exchange = { request: toProviderRequest(req, definition.slug, mountPath), mountPath, source: 'spec' };
    return andThen(answerOrRender(req, exchange, options), (answered) => {
      const delay = pickDelay(options.latency) + (exchange.override?.delayMs ?? 0);
      const deliver = () => send(req, res, exchange, answered, { started, startedAt, redactor, endFailed }, options);
      return delay > 0 ? sleep(delay, options.closing).then(deliver) : deliver();
    });
  };
}

/** Sends the answer (or the override's fault), then counts it in the coverage, the journal and the log. */
function send(
  req: IncomingMessage,
  res: ServerResponse,
  exchange: Exchange,
  { response, reason }: Answered,
  timing: { started: number; startedAt: number; redactor: JournalRedactor; endFailed: EndFailed },
  options: ProviderRouteOptions,
): void {
  const { slug } = options.provider.definition;
  const fault = exchange.override?.fault;
  let status = response.status;
  let payload: Buffer | undefined;
  if (fault) status = sendFault(res, response, fault, options.open);
  else payload = sendResponse(res, response, req.method === 'HEAD', timing.endFailed);
  const durationMs = performance.now() - timing.started;
  const { request } = exchange;
  const violations = exchange.violations ?? [];
  // Counted before the journal records: a reader woken by the journal's event sees it in the coverage.
  options.coverage?.record({
    provider: slug, operationId: request.operation?.operationId, method: request.method, path: request.path, status, source: exchange.source,
    query: request.query, body: request.body, errorCode: response.headers?.['x-sipmock-error'], violations, overrideId: exchange.override?.id, fault,
  });
  options.journal?.record({
    provider: slug,
    method: request.method,
    path: request.path,
    query: request.query,
    operationId: request.operation?.operationId,
    account: exchange.account,
    requestHeaders: req.headers,
    requestBody: exchange.raw,
    status,
    responseHeaders: response.headers ?? {},
    responseBody: req.method === 'HEAD' ? undefined : payload,
    startedAt: timing.startedAt,
    durationMs,
    source: exchange.source,
    overrideId: exchange.override?.id,
    undocumented: exchange.override?.undocumented,
    fault,
    violations,
    redactor: timing.redactor,
  });
  if (options.logger.logsRequests !== false) {
    const time = new Date(timing.startedAt).toISOString();
    options.logger.request({ time, provider: slug, method: request.method, path: request.path, operationId: request.operation?.operationId, status, ms: durationMs, reason });
  }
}

/**
 * The answer, or the error rendered in the provider's own format, with the headers every answer
 * carries (rate limits, CORS) and the spec check of what was built at run time.
 */
function answerOrRender(req: IncomingMessage, exchange: Exchange, options: ProviderRouteOptions): MaybePromise<Answered> {
  let answered: MaybePromise<Outcome>;
  try {
    answered = answer(req, exchange, options);
  } catch (thrown) {
    return finish(req, exchange, options, renderThrown(thrown, req, exchange, options));
  }
  const settle = (outcome: Outcome) =>
    finish(req, exchange, options, outcome instanceof MockError ? renderThrown(outcome, req, exchange, options) : { response: outcome });
  if (!isPromise(answered)) return settle(answered);
  return answered.then(settle, (thrown: unknown) => finish(req, exchange, options, renderThrown(thrown, req, exchange, options)));
}

/** What the steps give: the answer, or a refusal returned rather than thrown (see answerAuthenticated). */
type Outcome = MockResponse | MockError;

function renderThrown(thrown: unknown, req: IncomingMessage, exchange: Exchange, options: ProviderRouteOptions): Answered {
  const { definition } = options.provider;
  const error = toProviderError(thrown);
  if (error.code === 'MOCK_ERR_INTERNAL') options.logger.error(`${req.method} ${req.url}: ${(thrown as Error).stack ?? thrown}`);
  exchange.source = 'error';
  if (error.code === 'MOCK_ERR_VALIDATION') exchange.violations = error.violations.map((v) => toJournalViolation('request', v));
  const response = definition.renderError(error, exchange.request);
  response.headers = { ...response.headers, 'x-sipmock-error': error.code };
  return { response, reason: error.message };
}

/** The answer as it is sent: every answer's headers added, the body serialized once, checked against the spec. */
function finish(req: IncomingMessage, exchange: Exchange, options: ProviderRouteOptions, { response, reason }: Answered): Answered {
  const cors = corsHeaders(req, options.cors);
  let headers = exchange.headers || cors ? { ...response.headers, ...exchange.headers, ...cors } : response.headers;
  // Serialized once, here: these bytes are what is checked, sent and journaled.
  const json = response.body === undefined || Buffer.isBuffer(response.body) ? undefined : JSON.stringify(response.body);
  // An override's answer is deliberate, and control errors are the mock's own: neither is checked against
  // the spec. (The headers added above are CORS and rate limits: neither bears on the check.)
  const violations = exchange.source === 'override' || isMockControlError(response) ? [] : checkResponse(exchange.request, response, json);
  const body = json === undefined ? response.body : Buffer.from(json);
  if (violations.length === 0) return { response: { status: response.status, headers, body }, reason };
  const header = toViolationsHeader(violations);
  headers = { ...headers, 'sl-violations': header };
  exchange.violations = [...(exchange.violations ?? []), ...violations.map((v) => toJournalViolation('response', v))];
  return { response: { status: response.status, headers, body }, reason: `${reason ? `${reason}; ` : ''}response breaks the spec: ${header}` };
}

/** The request as it is known so far: error renderers see the routed request once there is one. */
type Exchange = {
  request: ProviderRequest;
  mountPath: string;
  source: JournalSource;
  raw?: Buffer;
  account?: string;
  override?: { id: string; fault?: Fault; undocumented: boolean; delayMs: number };
  /** Headers every answer carries, errors included (rate limits). */
  headers?: Record<string, string>;
  violations?: JournalViolation[];
};

/** Routes the request and reads its body; the rest follows once the body is there. */
function answer(req: IncomingMessage, exchange: Exchange, options: ProviderRouteOptions): MaybePromise<Outcome> {
  const { provider } = options;
  const unrouted = exchange.request;
  checkCrossSite(req, options.cors);
  const match = provider.find(unrouted.method, unrouted.path);
  if (match.kind === 'none') {
    throw new MockError('MOCK_ERR_ROUTE_NOT_FOUND', { provider: provider.definition.slug, method: unrouted.method, path: unrouted.path });
  }
  if (match.kind === 'wrong-method') {
    throw new MockError('MOCK_ERR_METHOD_NOT_ALLOWED', { method: unrouted.method, path: unrouted.path, allowed: match.allowed.join(', ') });
  }
  exchange.request = routed(unrouted, match.operation, match.pathParams, '', undefined);
  const step: Step = { req, exchange, options, preferences: toPreferences(header(req, 'prefer'), unrouted.query) };
  return andThen(readRawBody(req, options.bodyLimit), (raw) => answerRouted(step, raw));
}

/** What the steps after routing share. */
type Step = { req: IncomingMessage; exchange: Exchange; options: ProviderRouteOptions; preferences: Preferences };

/** The request with its operation and body: credentials, overrides, replay, validation, then the answer. */
function answerRouted(step: Step, raw: Buffer): MaybePromise<Outcome> {
  const { req, exchange, options } = step;
  const { definition } = options.provider;
  const { operation, pathParams } = exchange.request as RoutedRequest;
  exchange.raw = raw;
  const contentType = header(req, 'content-type');
  let mediaType = toMediaType(contentType);
  // A body sent without Content-Type is read as the media policy says (JSON:API refuses it).
  if (raw.length > 0 && mediaType === '') mediaType = definition.media.defaultRequestType(operation) ?? '';
  const request = routed(exchange.request, operation, pathParams, mediaType, parseBody(raw, mediaType));
  exchange.request = request;

  const early = options.overrides?.take(request, undefined, true);
  if (early) return answerOverride(early, request, exchange, options);
  // Credentials are checked before anything else answers, a recorded fixture or an override included.
  if (!operation.needsCredentials) return answerAuthenticated(step, request, contentType, undefined);
  return andThen(definition.auth.authenticate(request, options.auth), ({ account }) => answerAuthenticated(step, request, contentType, account));
}

function answerAuthenticated(step: Step, request: RoutedRequest, contentType: string | undefined, account: string | undefined): MaybePromise<Outcome> {
  const { req, exchange, options, preferences } = step;
  const { auth } = options;
  const { definition } = options.provider;
  const { operation } = request;
  exchange.account = account;
  if (options.rateLimiter) {
    const verdict = options.rateLimiter.check(request, account, req.socket.remoteAddress ?? '');
    exchange.headers = verdict.headers;
    if (verdict.refusal) throw verdict.refusal;
  }
  const hit = options.overrides?.take(request, account, false);
  if (hit) return answerOverride(hit, request, exchange, options);
  const anonymous = definition.anonymous?.[operation.operationId];
  if (options.replayer && !anonymous) {
    const revision = options.store.revision;
    const replayed = replayAnswer(request, account, options);
    if (replayed) {
      exchange.source = 'fixture';
      return andThen(durable(revision, options), () => replayed);
    }
  }

  if (request.body !== undefined && operation.requestMediaTypes.length > 0) definition.media.checkContentType(request, contentType);
  const offered = operation.successMediaTypes;
  if (offered.length > 0) definition.media.checkAccept(request, header(req, 'accept'), offered);
  if (operation.bodyRequired && request.body === undefined) throw new MockError('MOCK_ERR_BODY_MISSING');
  const violations = operation.validateRequest(request);
  // Returned, not thrown: a throw makes V8 record where it happened, a good part of a 422's time.
  if (violations.length > 0) return new MockError('MOCK_ERR_VALIDATION', { summary: violations.map((v) => `${v.path.join('.')} ${v.message}`).join('; ') }, violations);
  if (prefersCannedResponse(preferences)) return respondFromSpec(operation, preferences, header(req, 'accept'));

  const baseUrl = `${request.url.origin}${exchange.mountPath}`;
  if (anonymous) {
    exchange.source = 'state';
    return anonymous(request, { preferences, auth, baseUrl });
  }
  const handler = definition.resources?.handlers[operation.operationId];
  if (handler && account !== undefined) {
    exchange.source = 'state';
    const state = options.store.account(definition.slug, account);
    const revision = options.store.revision;
    return andThen(handler(request, { account, state, preferences, auth, baseUrl }), (response) => andThen(durable(revision, options), () => response));
  }
  return respondFromSpec(operation, preferences, header(req, 'accept'));
}

/** The request routed to `operation`, always built in the same shape (one hidden class on the hot path). */
function routed(request: ProviderRequest, operation: Operation, pathParams: Readonly<Record<string, string>>, mediaType: string, body: unknown): RoutedRequest {
  return {
    provider: request.provider,
    method: request.method,
    path: request.path,
    url: request.url,
    headers: request.headers,
    query: request.query,
    body,
    mediaType,
    operation,
    pathParams,
  };
}

function answerOverride(hit: OverrideHit, request: RoutedRequest, exchange: Exchange, options: ProviderRouteOptions): MockResponse {
  const answered = toOverrideAnswer(hit, request, options.provider.definition);
  exchange.source = 'override';
  exchange.override = { id: hit.id, fault: answered.fault, undocumented: answered.undocumented, delayMs: hit.delayMs };
  return answered.response;
}

/**
 * A write is acknowledged only once it is durable, so a crash never loses an answered change. A
 * request that changed nothing does not wait: another request's failing save is not its answer.
 */
function durable(revision: number, options: ProviderRouteOptions): MaybePromise<void> {
  if (options.store.revision !== revision && options.persist) return options.persist();
}

/** A Prefer code, example or dynamic data asks for a documented response, which the spec gives, not state. */
function prefersCannedResponse(preferences: Preferences): boolean {
  return preferences.code !== undefined || preferences.example !== undefined || preferences.dynamic === true;
}

function header(req: IncomingMessage, name: string): string | undefined {
  return headerValue(req.headers, name);
}
