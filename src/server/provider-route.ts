import type { IncomingMessage, ServerResponse } from 'node:http';
import { MockError, toProviderError } from '../errors.js';
import { headerValue } from '../mock/headers.js';
import { toMediaType } from '../mock/media-type.js';
import { toPreferences, type Preferences } from '../mock/preferences.js';
import { respondFromSpec } from '../mock/respond.js';
import type { AuthContext, MockResponse, ProviderRequest, RoutedRequest } from '../providers/types.js';
import type { Replayer } from '../recording/replay.js';
import type { StateStore } from '../state/store.js';
import type { Logger } from './logger.js';
import type { MountedProvider } from './mounted-provider.js';
import { parseBody, readRawBody } from './read-body.js';
import { replayAnswer } from './replay-answer.js';
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
};

/** Serves one request; `mountPath` is the prefix the provider is mounted at ('' at the root of its own port). */
export type ProviderRoute = (req: IncomingMessage, res: ServerResponse, mountPath: string) => Promise<void>;

/**
 * The one handler of a provider: route → read body → authenticate → replay → media types →
 * validate → answer (the provider's own handler, or the spec) → send. Every failure is a
 * MockError rendered in the provider's own format at the end.
 */
export function createProviderRoute(options: ProviderRouteOptions): ProviderRoute {
  const { provider, logger } = options;
  const { definition } = provider;

  return async function providerRoute(req, res, mountPath) {
    const started = performance.now();
    const exchange: Exchange = { request: toProviderRequest(req, definition.slug, mountPath), mountPath };
    let response: MockResponse;
    let reason: string | undefined;
    try {
      response = await answer(req, exchange, options);
    } catch (thrown) {
      const error = toProviderError(thrown);
      if (error.code === 'MOCK_ERR_INTERNAL') logger.error(`${req.method} ${req.url}: ${(thrown as Error).stack ?? thrown}`);
      reason = error.message;
      response = definition.renderError(error, exchange.request);
      response.headers = { ...response.headers, 'x-sipmock-error': error.code };
    }
    const violations = isMockControlError(response) ? undefined : checkResponse(exchange.request, response);
    if (violations) {
      response.headers = { ...response.headers, 'sl-violations': violations };
      reason = `${reason ? `${reason}; ` : ''}response breaks the spec: ${violations}`;
    }
    sendResponse(res, response, req.method === 'HEAD');
    logger.request({
      time: new Date().toISOString(),
      provider: definition.slug,
      method: exchange.request.method,
      path: exchange.request.path,
      operationId: exchange.request.operation?.operationId,
      status: response.status,
      ms: performance.now() - started,
      reason,
    });
  };
}

/** The request as it is known so far: error renderers see the routed request once there is one. */
type Exchange = { request: ProviderRequest; mountPath: string };

async function answer(req: IncomingMessage, exchange: Exchange, options: ProviderRouteOptions): Promise<MockResponse> {
  const { provider, auth } = options;
  const { definition } = provider;
  const unrouted = exchange.request;
  const match = provider.find(unrouted.method, unrouted.path);
  if (match.kind === 'none') {
    throw new MockError('MOCK_ERR_ROUTE_NOT_FOUND', { provider: definition.slug, method: unrouted.method, path: unrouted.path });
  }
  if (match.kind === 'wrong-method') {
    throw new MockError('MOCK_ERR_METHOD_NOT_ALLOWED', { method: unrouted.method, path: unrouted.path, allowed: match.allowed.join(', ') });
  }
  const { operation } = match;
  exchange.request = { ...unrouted, operation, pathParams: match.pathParams };

  const preferences = toPreferences(header(req, 'prefer'), unrouted.query);
  const contentType = header(req, 'content-type');
  const raw = await readRawBody(req, options.bodyLimit);
  let mediaType = toMediaType(contentType);
  // A body sent without Content-Type is read as the media policy says (JSON:API refuses it).
  if (raw.length > 0 && mediaType === '') mediaType = definition.media.defaultRequestType(operation) ?? '';
  const request: RoutedRequest = { ...unrouted, operation, pathParams: match.pathParams, mediaType, body: parseBody(raw, mediaType) };
  exchange.request = request;

  // Credentials are checked before anything else answers, a recorded fixture included.
  const account = operation.needsCredentials ? (await definition.auth.authenticate(request, auth)).account : undefined;
  const anonymous = definition.anonymous?.[operation.operationId];
  if (options.replayer && !anonymous) {
    const replayed = replayAnswer(request, account, options);
    if (replayed) {
      await options.persist?.();
      return replayed;
    }
  }

  if (request.body !== undefined && operation.requestMediaTypes.length > 0) definition.media.checkContentType(request, contentType);
  const offered = operation.responses.get(operation.successStatus)?.contents.map((c) => c.mediaType) ?? [];
  if (offered.length > 0) definition.media.checkAccept(request, header(req, 'accept'), offered);
  if (operation.bodyRequired && request.body === undefined) throw new MockError('MOCK_ERR_BODY_MISSING');
  const violations = operation.validateRequest({ ...request, body: request.body });
  if (violations.length > 0) {
    throw new MockError('MOCK_ERR_VALIDATION', { summary: violations.map((v) => `${v.path.join('.')} ${v.message}`).join('; ') }, violations);
  }
  if (prefersCannedResponse(preferences)) return respondFromSpec(operation, preferences, header(req, 'accept'));

  const baseUrl = `${request.url.origin}${exchange.mountPath}`;
  if (anonymous) return anonymous(request, { preferences, auth, baseUrl });
  const handler = definition.resources?.handlers[operation.operationId];
  if (handler && account !== undefined) {
    const state = options.store.account(definition.slug, account);
    const response = await handler(request, { account, state, preferences, auth, baseUrl });
    // A write is acknowledged only once it is durable, so a crash never loses an answered change.
    await options.persist?.();
    return response;
  }
  return respondFromSpec(operation, preferences, header(req, 'accept'));
}

/** A Prefer code, example or dynamic data asks for a documented response, which the spec gives, not state. */
function prefersCannedResponse(preferences: Preferences): boolean {
  return preferences.code !== undefined || preferences.example !== undefined || preferences.dynamic === true;
}

/**
 * Checks an answer built at run time (state, generated data, rendered errors) against the
 * operation's documented response. Serialized examples were checked when the spec was tested.
 * Returns the violations as the `sl-violations` header value, as Prism does, or undefined.
 */
function checkResponse(request: ProviderRequest, response: MockResponse): string | undefined {
  const operation = request.operation;
  if (!operation || response.body === undefined || Buffer.isBuffer(response.body)) return undefined;
  if (!operation.responses.has(response.status)) return undefined;
  const mediaType = toMediaType(response.headers?.['content-type']);
  const violations = operation.validateResponse(response.status, mediaType, response.body);
  if (violations.length === 0) return undefined;
  return JSON.stringify(
    violations.slice(0, 20).map((v) => ({ location: ['response', 'body', ...v.path], severity: 'Error', code: v.rule, message: v.message })),
  );
}

function toProviderRequest(req: IncomingMessage, slug: string, mountPath: string): ProviderRequest {
  // Express strips the mount path from req.url; originalUrl keeps what the client sent.
  const original = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const url = toUrl(original, req.headers.host);
  const query: Record<string, string> = Object.create(null);
  for (const [name, value] of url.searchParams) query[name] = value;
  let path = url.pathname.slice(mountPath.length) || '/';
  // A client that keeps a link's path and puts its own base URL in front (SignalWire's SDK) sends the mount twice.
  if (mountPath !== '' && path.startsWith(`${mountPath}/`)) path = path.slice(mountPath.length);
  return { provider: slug, method: (req.method ?? 'GET').toUpperCase(), path, url, headers: req.headers, query, pathParams: {}, mediaType: '' };
}

/** The request URL; a malformed Host header falls back to loopback rather than failing the request. */
function toUrl(path: string, host: string | undefined): URL {
  try {
    return new URL(path, `http://${host ?? '127.0.0.1'}`);
  } catch {
    return new URL(path, 'http://127.0.0.1');
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  return headerValue(req.headers, name);
}

/** Errors about the mock's own controls (a bad Prefer header, no fixture to replay) are not the provider's answers. */
function isMockControlError(response: MockResponse): boolean {
  const code = response.headers?.['x-sipmock-error'];
  return code !== undefined && (code.startsWith('MOCK_ERR_PREFER') || code === 'MOCK_ERR_REPLAY_UNMATCHED');
}
