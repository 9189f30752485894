import { createRequire } from 'node:module';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { StateStore } from '../state/store.js';
import type { MountedProvider } from './mounted-provider.js';
import { createStateRoutes } from './state-routes.js';

const require = createRequire(import.meta.url);
export const VERSION = (require('../../package.json') as { version: string }).version;

export type ControlRoutesOptions = {
  providers: MountedProvider[];
  store: StateStore;
  controlToken?: string;
};

/** The control API under /__sipmock: health and stored state. */
export function createControlRoutes(options: ControlRoutesOptions): Router {
  const router = express.Router();
  router.use(guardControl(options.controlToken));

  router.get('/health', (req, res) => {
    const base = `${req.protocol}://${req.get('host')}`;
    res.json({
      status: 'ok',
      version: VERSION,
      providers: options.providers.map((p) => ({
        slug: p.definition.slug,
        title: p.definition.title,
        baseUrl: `${base}/${p.definition.slug}`,
        realBase: p.definition.realBase,
        specVersion: p.spec.document.info.version,
        operations: p.operations.length,
      })),
    });
  });

  router.use('/state', createStateRoutes(options.providers, options.store));

  router.use((req, res) => {
    res.status(404).json({ error: 'not_found', message: `No control route ${req.method} /__sipmock${req.path}` });
  });
  return router;
}

/**
 * Only loopback clients may use the control API, unless a control token is set: then any client
 * that presents it may, and no one else.
 */
function guardControl(token: string | undefined) {
  return function controlGuard(req: Request, res: Response, next: NextFunction) {
    if (token !== undefined) {
      const [scheme, presented] = (req.get('authorization') ?? '').trim().split(/\s+/);
      if (scheme?.toLowerCase() === 'bearer' && presented === token) return next();
      return res.status(401).json({ error: 'unauthorized', message: 'The control API needs Authorization: Bearer <control token>' });
    }
    if (isLoopback(req.socket.remoteAddress)) return next();
    return res.status(403).json({ error: 'forbidden', message: 'The control API answers loopback clients only; start sipmock with --control-token to allow others' });
  };
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
