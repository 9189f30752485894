import { randomBytes } from 'node:crypto';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import express, { type Express } from 'express';
import { MockError } from '../errors.js';
import { preloadFaker } from '../mock/faker.js';
import { DEFAULT_SPECS_DIR } from '../providers/spec-path.js';
import type { ProviderDefinition } from '../providers/types.js';
import type { ReplayMode } from '../recording/replay.js';
import { openStateFile } from '../state/state-file.js';
import { DEFAULT_MAX_ACCOUNTS, StateStore } from '../state/store.js';
import { controlErrorHandler, sendControlError } from './control-errors.js';
import { createControlRoutes } from './control-routes.js';
import { closeServer, createHttpServer, listen, trackUnusedConnections, type ListenerLimits } from './listen.js';
import { createReplayer, selectProviders, toProviderStores } from './provider-selection.js';
import { createLogger, type Logger } from './logger.js';
import { mountProvider, type MountedProvider } from './mounted-provider.js';
import type { CoverageOptions } from '../coverage/coverage-options.js';
import type { CoverageReport } from '../coverage/coverage-report.js';
import type { Journal } from '../journal/journal.js';
import type { OverrideSpec } from '../overrides/override-spec.js';
import type { OverrideStore } from '../overrides/override-store.js';
import { createProviderRoute, type ProviderRoute } from './provider-route.js';
import { isPromise } from './maybe-async.js';
import { closeOnOverflow, DEFAULT_BODY_LIMIT, hasBody } from './read-body.js';
import { addOverride, createTestKit, resetScope, type OverrideHandle, type ResetScope, type TestKitOptions } from './test-kit.js';

export const CONTROL_PREFIX = '/__sipmock';
export { DEFAULT_SPECS_DIR } from '../providers/spec-path.js';

export type SipmockOptions = TestKitOptions & {
  /** Providers to serve: built-in slugs and definitions of your own, mixed; all built-ins when omitted. */
  providers?: Array<string | ProviderDefinition>;
  /** Where built-in specs (and definitions' relative spec names) are read from. */
  specsDir?: string;
  /** Accepted credentials per provider slug; any well-formed credential passes where a slug has none. */
  credentials?: Record<string, readonly string[]>;
  bodyLimit?: number;
  /** Where request log lines and errors go; without it, errors go to stderr and requests are logged only with `log`. */
  logger?: Logger;
  /** Log one line per request on stdout (when no logger is given). Off by default: tests stay quiet. */
  log?: boolean;
  /** Secret for tokens the mock issues (Yeti JWTs, VoiceTel keys); random per run when omitted. */
  secret?: Uint8Array;
  /** Requires `Authorization: Bearer <token>` on the control API; without it only loopback clients may call it. */
  controlToken?: string;
  /** Restores state from this file at start and saves it after every change. */
  stateFile?: string;
  /** How many accounts may hold written state at once (default 10,000); a new one past it gets the provider's 503. */
  maxAccounts?: number;
  /** The clock of stored timestamps (tests pin it). */
  clock?: () => Date;
  /**
   * Answer requests that match a recorded fixture from this directory; 'strict' refuses the others.
   * Credentials are always checked first, as the provider would: a replayed answer is never a
   * way past authentication.
   */
  replay?: { mode: ReplayMode; fixturesDir?: string };
};

export type Sipmock = {
  app: Express;
  /**
   * The node request handler to serve with: provider requests go straight to their route (express's
   * router would add about a sixth to each request), everything else to the express app.
   */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** A handler serving one provider at the root, with its real paths (a port of its own). */
  handleProvider(slug: string): (req: IncomingMessage, res: ServerResponse) => void;
  providers: MountedProvider[];
  store: StateStore;
  /** Base URLs of providers served on ports of their own (startSipmock fills it with portPerProvider). */
  ownPorts: Map<string, string>;
  /** Every request the providers answered (a bounded ring): `entries(filter)`, `clear()`, `waitFor(filter, { timeoutMs })`, `subscribe(listener)`. */
  journal: Journal;
  overrides: OverrideStore;
  /**
   * The contract coverage of every request answered since the start (or the last
   * `DELETE /__sipmock/coverage`): operations, statuses and request fields, out of what the specs document.
   *
   * @example
   * const report = sipmock.coverage({ ignore: ['delete_sip_gateway'], min: 'operations=80' });
   * report.providers[0].summary.statuses.percent; // e.g. 37.5
   */
  coverage(options?: CoverageOptions): CoverageReport;
  /**
   * Adds a runtime stub; the one added last wins. Returns its id and `remove()`.
   *
   * @example
   * const failing = sipmock.override({ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { status: 503 }, times: 2 });
   */
  override(spec: OverrideSpec): OverrideHandle;
  /** `reset()`: all state, overrides and the journal; `reset({ provider })`: its state and overrides; `reset({ provider, account })`: that account's state. */
  reset(scope?: ResetScope): Promise<void>;
  /** Destroys hung and trickling answers and ends pending delays (so a server can close promptly). */
  interrupt(): void;
  /** Ends hung answers, saves pending state and flushes the journal file; call before exiting. */
  close(): Promise<void>;
};

/** Builds the app serving every chosen provider under /<slug>. It never listens. */
export async function createSipmock(options: SipmockOptions = {}): Promise<Sipmock> {
  const definitions = selectProviders(options.providers);
  const specsDir = options.specsDir ?? DEFAULT_SPECS_DIR;
  const logger = options.logger ?? createLogger({ quiet: !options.log });
  const secret = options.secret ?? randomBytes(32);
  const providers = await Promise.all(definitions.map((definition) => mountProvider(definition, specsDir)));
  const maxAccounts = options.maxAccounts ?? DEFAULT_MAX_ACCOUNTS;
  const onAccountLimit = throttled(() => logger.error(`sipmock: refused a new account: ${maxAccounts} accounts hold state already (--max-accounts ${maxAccounts})`));
  const store = new StateStore({ providers: toProviderStores(definitions), clock: options.clock, maxAccounts, onAccountLimit });
  // Stored records draw their ids from faker: load it now rather than in the first create.
  if (definitions.some((d) => d.resources)) preloadFaker();
  const replayer = options.replay ? await createReplayer(options.replay, definitions) : undefined;
  // Last of the steps that can fail, so a failed start never leaves the state file locked.
  const stateFile = options.stateFile ? await openStateFile(options.stateFile, store, { logger }) : undefined;
  const persist = stateFile?.flush;
  const ownPorts = new Map<string, string>();
  const kit = await createTestKit(options, providers, logger);

  const routes = new Map<string, ProviderRoute>();
  for (const provider of providers) {
    const { slug } = provider.definition;
    const auth = { credentials: options.credentials?.[slug], secret };
    routes.set(
      slug,
      createProviderRoute({
        provider, auth, store, persist, replayer, bodyLimit: options.bodyLimit ?? DEFAULT_BODY_LIMIT, logger,
        journal: kit.journal, coverage: kit.coverage, overrides: kit.overrides, open: kit.open, closing: kit.closing.signal,
        latency: kit.latencyOf(slug), cors: kit.cors, rateLimiter: kit.rateLimiterOf(provider.definition),
      }),
    );
  }
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const baseUrlOf = (slug: string, origin: string) => ownPorts.get(slug) ?? `${origin}/${slug}`;
  app.use(CONTROL_PREFIX, createControlRoutes({ providers, store, controlToken: options.controlToken, logger, persist, baseUrlOf, kit }));
  for (const [slug, route] of routes) app.use(`/${slug}`, (req, res) => route(req, res, `/${slug}`));
  // Anything under no provider: say which prefixes exist.
  app.use((req, res) => {
    const mounted = [...routes.keys()].map((slug) => `/${slug}`);
    sendControlError(res, new MockError('MOCK_ERR_NO_PROVIDER', { method: req.method, path: req.path }), { providers: mounted, control: CONTROL_PREFIX });
  });
  app.use(controlErrorHandler(logger));

  const failed = (req: IncomingMessage, res: ServerResponse, error: unknown) => {
    logger.error(`${req.method} ${req.url}: ${(error as Error).stack ?? error}`);
    if (!res.headersSent) res.writeHead(500).end();
  };
  const serve = (route: ProviderRoute, req: IncomingMessage, res: ServerResponse, mountPath: string) => {
    if (hasBody(req)) closeOnOverflow(req, res);
    try {
      const served = route(req, res, mountPath);
      if (isPromise(served)) served.catch((error: unknown) => failed(req, res, error));
    } catch (error) {
      failed(req, res, error);
    }
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const end = url.indexOf('/', 1);
    const prefix = (end === -1 ? url.split('?')[0] : url.slice(0, end)).slice(1);
    const route = routes.get(prefix);
    if (route) return serve(route, req, res, `/${prefix}`);
    app(req, res);
  };
  const handleProvider = (slug: string) => {
    const route = routes.get(slug);
    if (!route) throw new MockError('MOCK_ERR_CONFIG', { why: `no provider "${slug}" is served` });
    return (req: IncomingMessage, res: ServerResponse) => serve(route, req, res, '');
  };
  return {
    app,
    handle,
    handleProvider,
    providers,
    store,
    ownPorts,
    journal: kit.journal,
    overrides: kit.overrides,
    coverage: (coverageOptions) => kit.coverageReport(coverageOptions),
    override: (spec) => addOverride(kit, spec),
    reset: async (scope) => {
      resetScope(kit, store, scope);
      // Identical requests replay their recordings from the first again, as in a new session.
      if (scope?.provider === undefined) replayer?.rewind();
      await persist?.();
    },
    interrupt: () => kit.interrupt(),
    close: async () => {
      await kit.close();
      await stateFile?.close();
    },
  };
}

export type StartOptions = SipmockOptions & {
  port?: number;
  host?: string;
  /** Also serve each provider on a port of its own, with its real paths at the root. */
  portPerProvider?: boolean;
  /** Serve this one provider with its real paths at the root of the main port (the control API stays under /__sipmock). */
  root?: string;
  /** Header and request timeouts and the connection cap (defaults: 10 s, 30 s, 1024). */
  limits?: ListenerLimits;
};

export type RunningSipmock = Sipmock & {
  server: Server;
  url: string;
  port: number;
  /** Where a provider's real paths are served: `<url>/<slug>`, or its own port's URL with portPerProvider. */
  baseUrl(slug: string): string;
  close(): Promise<void>;
};

/**
 * Starts sipmock on `host:port` (default 127.0.0.1 and port 0: a free one) and resolves to its handle.
 *
 * @example
 * const sipmock = await startSipmock({ providers: ['signalwire'] });
 * const base = sipmock.baseUrl('signalwire'); // http://127.0.0.1:<port>/signalwire
 * await sipmock.journal.waitFor({ operationId: 'list_sip_gateways' }, { timeoutMs: 1000 });
 * await sipmock.close();
 */
export async function startSipmock(options: StartOptions = {}): Promise<RunningSipmock> {
  const sipmock = await createSipmock(rootOptions(options));
  const host = options.host ?? '127.0.0.1';
  const servers: Server[] = [];
  const open = async (handler: (req: IncomingMessage, res: ServerResponse) => void, port: number) => {
    const server = createHttpServer(handler, options.limits);
    trackUnusedConnections(server);
    servers.push(server);
    return { server, ...(await listen(server, port, host)) };
  };
  let main: Awaited<ReturnType<typeof open>>;
  try {
    main = await open(options.root ? rootHandler(sipmock, options.root) : sipmock.handle, options.port ?? 0);
    if (options.root) sipmock.ownPorts.set(options.root, main.url);
    if (options.portPerProvider) {
      for (const provider of sipmock.providers) {
        const { slug } = provider.definition;
        const opened = await open(sipmock.handleProvider(slug), 0);
        sipmock.ownPorts.set(slug, opened.url);
      }
    }
  } catch (error) {
    // A port in use must not leave the state file locked: a retry in this process would be refused.
    await Promise.all(servers.filter((server) => server.listening).map(closeServer));
    await sipmock.close();
    throw error;
  }
  const baseUrl = (slug: string) => {
    if (!sipmock.providers.some((p) => p.definition.slug === slug)) throw new MockError('MOCK_ERR_CONFIG', { why: `no provider "${slug}" is served` });
    return sipmock.ownPorts.get(slug) ?? `${main.url}/${slug}`;
  };
  return {
    ...sipmock,
    server: main.server,
    url: main.url,
    port: main.port,
    baseUrl,
    // Hung and trickling answers are destroyed first, or closing the servers would wait for them.
    close: async () => {
      sipmock.interrupt();
      await Promise.all(servers.map(closeServer));
      await sipmock.close();
    },
  };
}

/** With `root`, only that provider is served. */
function rootOptions(options: StartOptions): StartOptions {
  if (options.root === undefined) return options;
  const { root } = options;
  const others = (options.providers ?? []).filter((entry) => (typeof entry === 'string' ? entry : entry.slug) !== root);
  if (others.length > 0) throw new MockError('MOCK_ERR_CONFIG', { why: `--root ${root} serves one provider; leave out --providers or name only ${root}` });
  const given = (options.providers ?? []).find((entry) => typeof entry !== 'string' && entry.slug === root);
  return { ...options, providers: [given ?? root] };
}

/** The root provider's real paths at /, the control API under /__sipmock. */
function rootHandler(sipmock: Sipmock, slug: string): (req: IncomingMessage, res: ServerResponse) => void {
  const provider = sipmock.handleProvider(slug);
  return (req, res) => {
    const url = req.url ?? '/';
    if (url === CONTROL_PREFIX || url.startsWith(`${CONTROL_PREFIX}/`) || url.startsWith(`${CONTROL_PREFIX}?`)) return sipmock.app(req, res);
    provider(req, res);
  };
}

/** Calls `log` at most once every ten seconds: a client looping over new credentials must not flood the log. */
function throttled(log: () => void): () => void {
  let last = -Infinity;
  return () => {
    if (performance.now() - last < 10_000) return;
    last = performance.now();
    log();
  };
}
