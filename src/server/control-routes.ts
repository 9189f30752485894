import { createHash, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { createCoverageRoutes } from '../coverage/coverage-routes.js';
import { MockError } from '../errors.js';
import { createInspectorRoutes } from '../inspector/inspector-routes.js';
import type { StateStore } from '../state/store.js';
import { controlErrorHandler, sendControlError } from './control-errors.js';
import type { Logger } from './logger.js';
import type { MountedProvider } from './mounted-provider.js';
import { createKitRoutes } from './kit-routes.js';
import { createStateRoutes } from './state-routes.js';
import type { TestKit } from './test-kit.js';
import { isSameOrigin } from './cors.js';

const require = createRequire(import.meta.url);
export const VERSION = (require('../../package.json') as { version: string }).version;

export type ControlRoutesOptions = {
  providers: MountedProvider[];
  store: StateStore;
  controlToken?: string;
  logger: Logger;
  /** Resolves once stored changes are on disk: control writes are answered only after it. */
  persist?: () => Promise<void>;
  /** The base URL of each provider as clients should use it, given the URL the control request came in on. */
  baseUrlOf(slug: string, origin: string): string;
  /** The journal and the overrides (/__sipmock/journal, /__sipmock/overrides). */
  kit?: TestKit;
};

/** The control API under /__sipmock: health, stored state, the journal and overrides. */
export function createControlRoutes(options: ControlRoutesOptions): Router {
  const router = express.Router();
  router.use(guardControl(options.controlToken));

  router.get('/health', (req, res) => {
    const origin = `${req.protocol}://${req.get('host')}`;
    res.json({
      status: 'ok',
      version: VERSION,
      providers: options.providers.map((p) => ({
        slug: p.definition.slug,
        title: p.definition.title,
        baseUrl: options.baseUrlOf(p.definition.slug, origin),
        realBase: p.definition.realBase,
        specVersion: p.spec.document.info.version,
        operations: p.operations.length,
      })),
    });
  });

  router.use('/state', createStateRoutes(options));
  if (options.kit) {
    router.use(createInspectorRoutes(options.kit));
    router.use(createKitRoutes(options.kit));
    router.use(createCoverageRoutes(options.kit));
  }

  router.use((req, res) => {
    sendControlError(res, new MockError('MOCK_ERR_CONTROL_NOT_FOUND', { method: req.method, path: `/__sipmock${req.path}` }));
  });
  router.use(controlErrorHandler(options.logger));
  return router;
}

/**
 * Only loopback clients may use the control API, unless a control token is set: then any client
 * that presents it may, and no one else. Without a token the Host must be a loopback name too: a
 * page whose DNS name was rebound to 127.0.0.1 reaches the socket, but sends its own Host.
 */
function guardControl(token: string | undefined) {
  const expected = token === undefined ? undefined : digest(token);
  return function controlGuard(req: Request, res: Response, next: NextFunction) {
    if (expected !== undefined) {
      const presented = /^bearer +(\S+)$/i.exec((req.get('authorization') ?? '').trim())?.[1];
      if (presented !== undefined && timingSafeEqual(digest(presented), expected)) return next();
      return sendControlError(res, new MockError('MOCK_ERR_CONTROL_UNAUTHORIZED'));
    }
    if (!isLoopback(req.socket.remoteAddress)) {
      return sendControlError(res, new MockError('MOCK_ERR_CONTROL_FORBIDDEN', { why: 'it answers loopback clients only; start sipmock with --control-token to allow others' }));
    }
    if (!isLoopbackHost(req.headers.host)) {
      return sendControlError(
        res,
        new MockError('MOCK_ERR_CONTROL_FORBIDDEN', { why: 'the Host header must be localhost, 127.0.0.1 or [::1] (DNS rebinding); start sipmock with --control-token to allow others' }),
      );
    }
    // A page of another origin could still send a simple (no-preflight) POST through the browser: only
    // the inspector, served from this origin, and non-browser clients may steer the mock.
    if (isCrossOrigin(req)) {
      return sendControlError(res, new MockError('MOCK_ERR_CONTROL_FORBIDDEN', { why: 'a page of another origin may not use the control API; start sipmock with --control-token to allow it' }));
    }
    return next();
  };
}

/** Digests have one length whatever the token's, so the comparison takes the same time for every guess. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function isCrossOrigin(req: Request): boolean {
  if (req.get('sec-fetch-site')?.toLowerCase() === 'cross-site') return true;
  const origin = req.get('origin');
  return origin !== undefined && !isSameOrigin(origin, req.headers.host);
}

function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = /^(\[[^\]]*\]|[^:]*)(:\d*)?$/.exec(host.trim().toLowerCase())?.[1];
  return name === 'localhost' || name === '127.0.0.1' || name === '[::1]';
}
