import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import { MockError } from '../errors.js';
import { preloadFaker } from '../mock/faker.js';
import { PROVIDERS } from '../providers/registry.js';
import type { ProviderDefinition } from '../providers/types.js';
import { createControlRoutes } from './control-routes.js';
import { listen } from './listen.js';
import { createLogger, type Logger } from './logger.js';
import { mountProvider, type MountedProvider } from './mounted-provider.js';
import { createProviderRoute } from './provider-route.js';
import { DEFAULT_BODY_LIMIT } from './read-body.js';
import { DEFAULT_FIXTURES_DIR, loadFixtures } from '../recording/fixture-files.js';
import { Replayer, type ReplayMode } from '../recording/replay.js';
import { openStateFile } from '../state/state-file.js';
import { StateStore } from '../state/store.js';

export const CONTROL_PREFIX = '/__sipmock';
export const DEFAULT_SPECS_DIR = fileURLToPath(new URL('../../specs', import.meta.url));

export type SipmockOptions = {
  /** Slugs to serve; all providers when omitted. */
  providers?: string[];
  specsDir?: string;
  /** Accepted credentials per provider slug; any well-formed credential passes where a slug has none. */
  credentials?: Record<string, readonly string[]>;
  bodyLimit?: number;
  logger?: Logger;
  /** Secret for tokens the mock issues (Yeti JWTs, VoiceTel keys); random per run when omitted. */
  secret?: Uint8Array;
  /** Requires `Authorization: Bearer <token>` on the control API; without it only loopback clients may call it. */
  controlToken?: string;
  /** Restores state from this file at start and saves it after every change. */
  stateFile?: string;
  /** The clock of stored timestamps (tests pin it). */
  clock?: () => Date;
  /** Answer requests that match a recorded fixture from this directory; 'strict' refuses the others. */
  replay?: { mode: ReplayMode; fixturesDir?: string };
};

export type Sipmock = {
  app: Express;
  /**
   * The node request handler to serve with: provider requests go straight to their route (express's
   * router would add about a sixth to each request), everything else to the express app.
   */
  handle(req: IncomingMessage, res: ServerResponse): void;
  providers: MountedProvider[];
  store: StateStore;
  /** Saves pending state; call before exiting. */
  close(): Promise<void>;
};

/** Builds the express app serving every chosen provider under /<slug>. It never listens. */
export async function createSipmock(options: SipmockOptions = {}): Promise<Sipmock> {
  const definitions = selectProviders(options.providers);
  const specsDir = options.specsDir ?? DEFAULT_SPECS_DIR;
  const logger = options.logger ?? createLogger();
  const secret = options.secret ?? randomBytes(32);
  const providers = await Promise.all(definitions.map((definition) => mountProvider(definition, specsDir)));
  const store = new StateStore({
    seeds: Object.fromEntries(definitions.filter((d) => d.state).map((d) => [d.slug, d.state!.seed])),
    clock: options.clock,
  });
  // Stored records draw their ids from faker: load it now rather than in the first create.
  if (definitions.some((d) => d.state)) preloadFaker();
  const stateFile = options.stateFile ? await openStateFile(options.stateFile, store) : undefined;
  const replayer = options.replay
    ? new Replayer(await loadFixtures(options.replay.fixturesDir ?? DEFAULT_FIXTURES_DIR, definitions.map((d) => d.slug)), options.replay.mode)
    : undefined;

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(CONTROL_PREFIX, createControlRoutes({ providers, store, controlToken: options.controlToken }));
  const routes = new Map<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>();
  for (const provider of providers) {
    const mountPath = `/${provider.definition.slug}`;
    const route = createProviderRoute({
      provider,
      auth: { credentials: options.credentials?.[provider.definition.slug], secret },
      store,
      persist: stateFile?.flush,
      replayer,
      bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
      logger,
    });
    app.use(mountPath, (req, res) => route(req, res, mountPath));
    routes.set(mountPath, (req, res) => route(req, res, mountPath));
  }
  // Anything under no provider: say which prefixes exist.
  app.use((req, res) => {
    res.status(404).json({
      error: 'not_found',
      message: `sipmock serves no provider at ${req.method} ${req.path}; use one of the mounted prefixes`,
      providers: providers.map((p) => `/${p.definition.slug}`),
      control: CONTROL_PREFIX,
    });
  });
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const end = url.indexOf('/', 1);
    const prefix = end === -1 ? url.split('?')[0] : url.slice(0, end);
    const route = routes.get(prefix);
    if (route) {
      route(req, res).catch((error: unknown) => {
        logger.error(`${req.method} ${url}: ${(error as Error).stack ?? error}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
      return;
    }
    app(req, res);
  };
  return { app, handle, providers, store, close: async () => stateFile?.close() };
}

export type RunningSipmock = Sipmock & {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
};

/** Starts sipmock on `host:port` (port 0 picks a free one). */
export async function startSipmock(options: SipmockOptions & { port?: number; host?: string } = {}): Promise<RunningSipmock> {
  const sipmock = await createSipmock(options);
  const server = createServer(sipmock.handle);
  // A client that stops sending must not hold a connection forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  const host = options.host ?? '127.0.0.1';
  const { port, url } = await listen(server, options.port ?? 4010, host);
  return {
    ...sipmock,
    server,
    url,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // In-flight requests finish; keep-alive connections are closed as soon as they are idle.
        const sweep = setInterval(() => server.closeIdleConnections(), 25);
        server.close((error) => {
          clearInterval(sweep);
          return error ? reject(error) : resolve();
        });
        server.closeIdleConnections();
      }).then(() => sipmock.close()),
  };
}

function selectProviders(slugs: string[] | undefined): ProviderDefinition[] {
  if (!slugs || slugs.length === 0) return PROVIDERS;
  const unknown = slugs.filter((slug) => !PROVIDERS.some((p) => p.slug === slug));
  if (unknown.length > 0) {
    throw new MockError('MOCK_ERR_CONFIG', {
      why: `unknown provider ${unknown.join(', ')}; known: ${PROVIDERS.map((p) => p.slug).join(', ')}`,
    });
  }
  return PROVIDERS.filter((p) => slugs.includes(p.slug));
}
