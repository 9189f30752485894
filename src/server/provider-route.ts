import type { IncomingMessage, ServerResponse } from 'node:http';
import { MockError } from '../errors.js';
import { hasMediaTypeParameters, negotiate, toMediaType } from '../mock/media-type.js';
import { toPreferences, type Preferences } from '../mock/preferences.js';
import { respondFromSpec } from '../mock/respond.js';
import type { AuthContext, MockRequest, MockResponse } from '../providers/types.js';
import type { Logger } from './logger.js';
import { toReplayResponse, type Replayer } from '../recording/replay.js';
import type { StateStore } from '../state/store.js';
import type { MountedProvider } from './mounted-provider.js';
import { parseBody, readRawBody } from './read-body.js';
import { sendResponse } from './send.js';

const JSON_API = 'application/vnd.api+json';

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

/**
 * The one handler of a provider: route → read body → authenticate → check media types →
 * validate → answer (the provider's own handler, or the spec) → send. Every failure is a
 * MockError rendered in the provider's own format at the end.
 */
export function createProviderRoute(options: ProviderRouteOptions) {
  const { provider, logger } = options;
  const { definition } = provider;

  return async function providerRoute(req: IncomingMessage, res: ServerResponse, mountPath: string): Promise<void> {
    const started = performance.now();
    const request = toMockRequest(req, definition.slug, mountPath);
    let response: MockResponse;
    let reason: string | undefined;
    try {
      response = await answer(req, request, options);
    } catch (error) {
      const mockError = toMockError(error);
      if (mockError.code === 'MOCK_ERR_INTERNAL') logger.error(`${req.method} ${req.url}: ${(error as Error).stack ?? error}`);
      reason = mockError.message;
      response = definition.renderError(mockError, request);
      response.headers = { ...response.headers, 'x-sipmock-error': mockError.code };
    }
    const violations = isMockControlError(response) ? undefined : checkResponse(request, response);
    if (violations) {
      response.headers = { ...response.headers, 'sl-violations': violations };
      reason = `${reason ? `${reason}; ` : ''}response breaks the spec: ${violations}`;
    }
    sendResponse(res, response, req.method === 'HEAD');
    logger.request({
      time: new Date().toISOString(),
      provider: definition.slug,
      method: request.method,
      path: request.path,
      operationId: request.operation?.operationId,
      status: response.status,
      ms: performance.now() - started,
      reason,
    });
  };
}

async function answer(req: IncomingMessage, request: MockRequest, options: ProviderRouteOptions): Promise<MockResponse> {
  const { provider, auth } = options;
  const { definition } = provider;
  const match = provider.find(request.method, request.path);
  if (match.kind === 'none') {
    throw new MockError('MOCK_ERR_ROUTE_NOT_FOUND', { provider: definition.slug, method: request.method, path: request.path });
  }
  if (match.kind === 'wrong-method') {
    throw new MockError('MOCK_ERR_METHOD_NOT_ALLOWED', { method: request.method, path: request.path, allowed: match.allowed.join(', ') });
  }
  const { operation } = match;
  request.operation = operation;
  request.pathParams = match.pathParams;

  const preferences = toPreferences(header(req, 'prefer'), request.query);
  const contentType = header(req, 'content-type');
  request.mediaType = toMediaType(contentType);
  const raw = await readRawBody(req, options.bodyLimit);
  // A JSON body sent without Content-Type is read as the operation's own type, except for JSON:API,
  // where a missing Content-Type is refused like a wrong one.
  if (raw.length > 0 && request.mediaType === '' && operation.requestMediaTypes[0] !== JSON_API) {
    request.mediaType = operation.requestMediaTypes[0] ?? 'application/json';
  }
  request.body = parseBody(raw, request.mediaType);

  if (options.replayer) {
    const replayed = await replay(request, options.replayer, options);
    if (replayed) return replayed;
  }

  const account = operation.needsCredentials ? (await definition.authenticate(request, auth)).account : undefined;

  checkMediaTypes(request, contentType, header(req, 'accept'));
  if (operation.bodyRequired && request.body === undefined) throw new MockError('MOCK_ERR_BODY_MISSING');
  const violations = operation.validateRequest(request);
  if (violations.length > 0) {
    throw new MockError('MOCK_ERR_VALIDATION', { summary: violations.map((v) => `${v.path.join('.')} ${v.message}`).join('; ') }, violations);
  }

  const handler = definition.handlers?.[operation.operationId];
  if (handler && !prefersCannedResponse(preferences)) {
    const state = definition.state && account !== undefined ? options.store.account(definition.slug, account) : undefined;
    const baseUrl = `${request.url.origin}/${definition.slug}`;
    const response = await handler(request, { account, preferences, auth, baseUrl, state });
    // A write is acknowledged only once it is durable, so a crash never loses an answered change.
    await options.persist?.();
    return response;
  }
  return respondFromSpec(operation, preferences, header(req, 'accept'));
}

/**
 * Answers from a recorded fixture. A recorded success also changes the stored state the way the
 * provider's collections say, for the account of the request's credentials.
 */
async function replay(request: MockRequest, replayer: Replayer, options: ProviderRouteOptions): Promise<MockResponse | undefined> {
  const { definition } = options.provider;
  const match = replayer.find(request);
  if (!match) {
    if (replayer.mode === 'fallback') return undefined;
    const closest = replayer.closest(request);
    throw new MockError('MOCK_ERR_REPLAY_UNMATCHED', {
      method: request.method,
      path: request.path,
      operationId: request.operation!.operationId,
      closest: closest ? `${closest.file} (${closest.differences.join('; ')})` : 'none: no fixture was recorded for this operation',
    });
  }
  const response = toReplayResponse(match);
  const collections = Object.entries(definition.state?.collections ?? {}).filter(([, c]) => c.replay?.[request.operation!.operationId]);
  if (response.status < 300 && collections.length > 0) {
    const account = await Promise.resolve(definition.authenticate(request, options.auth)).then((r) => r.account, () => undefined);
    if (account !== undefined) {
      const state = options.store.account(definition.slug, account);
      for (const [name, collection] of collections) {
        const change = collection.replay![request.operation!.operationId](request, match.fixture.response.body, state.collection(name));
        for (const record of change.upsert ?? []) state.collection(name).set(record);
        for (const id of change.remove ?? []) state.collection(name).delete(id);
      }
      state.changed();
      await options.persist?.();
    }
  }
  return response;
}

/** A Prefer code or example asks for a documented response, which the spec gives, not state. */
function prefersCannedResponse(preferences: Preferences): boolean {
  return preferences.code !== undefined || preferences.example !== undefined || preferences.dynamic === true;
}

/**
 * Body and Accept media types. JSON:API adds two rules Prism does not enforce: a JSON:API
 * Content-Type with media type parameters is a 415, and an Accept that names the JSON:API type
 * only with parameters does not accept it (406).
 */
function checkMediaTypes(request: MockRequest, contentType: string | undefined, accept: string | undefined): void {
  const operation = request.operation!;
  if (request.body !== undefined && operation.requestMediaTypes.length > 0) {
    const unsupported =
      !operation.requestMediaTypes.includes(request.mediaType) || (request.mediaType === JSON_API && hasMediaTypeParameters(contentType));
    if (unsupported) {
      throw new MockError('MOCK_ERR_MEDIA_UNSUPPORTED', {
        contentType: contentType ?? '(none)',
        expected: operation.requestMediaTypes.join(' or '),
      });
    }
  }
  const success = operation.responses.get(operation.successStatus);
  const offered = success?.contents.map((c) => c.mediaType) ?? [];
  if (offered.length > 0 && negotiate(accept, offered, offered.includes(JSON_API)) === undefined) {
    throw new MockError('MOCK_ERR_MEDIA_UNACCEPTABLE', { accept: accept ?? '', expected: offered.join(' or ') });
  }
}

/**
 * Checks an answer built at run time (state, generated data, rendered errors) against the
 * operation's documented response. Serialized examples were checked when the spec was tested.
 * Returns the violations as the `sl-violations` header value, as Prism does, or undefined.
 */
function checkResponse(request: MockRequest, response: MockResponse): string | undefined {
  const operation = request.operation;
  if (!operation || response.body === undefined || Buffer.isBuffer(response.body)) return undefined;
  const documented = operation.responses.get(response.status);
  if (!documented) return undefined;
  const mediaType = toMediaType(response.headers?.['content-type']);
  const violations = operation.validateResponse(response.status, mediaType, response.body);
  if (violations.length === 0) return undefined;
  return JSON.stringify(
    violations.slice(0, 20).map((v) => ({ location: ['response', 'body', ...v.path], severity: 'Error', code: v.rule, message: v.message })),
  );
}

function toMockRequest(req: IncomingMessage, slug: string, mountPath: string): MockRequest {
  // Express strips the mount path from req.url; originalUrl keeps what the client sent.
  const original = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const url = toUrl(original, req.headers.host);
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = value;
  const path = url.pathname.slice(mountPath.length) || '/';
  return { provider: slug, method: (req.method ?? 'GET').toUpperCase(), path, url, headers: req.headers, query, pathParams: {}, body: undefined, mediaType: '' };
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
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Errors about the mock's own controls (a bad Prefer header, no fixture to replay) are not the provider's answers. */
function isMockControlError(response: MockResponse): boolean {
  const code = response.headers?.['x-sipmock-error'];
  return code !== undefined && (code.startsWith('MOCK_ERR_PREFER') || code === 'MOCK_ERR_REPLAY_UNMATCHED');
}

function toMockError(error: unknown): MockError {
  if (error instanceof MockError) return error;
  return new MockError('MOCK_ERR_INTERNAL', { why: error instanceof Error ? error.message : String(error) });
}
