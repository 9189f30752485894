import { Command, InvalidArgumentError, Option } from 'commander';
import { loadCredentialsFile } from '../../config/credentials-file.js';
import { PROVIDERS } from '../../providers/registry.js';
import { startSipmock, type SipmockOptions } from '../../server/create-app.js';
import { DEFAULT_JOURNAL_SIZE } from '../../journal/journal.js';
import { toLatencyOptions, type LatencyOptions } from '../../server/latency.js';
import { createLogger, type LogFormat } from '../../server/logger.js';
import { DEFAULT_BODY_LIMIT } from '../../server/read-body.js';

type ServeOptions = {
  port: number;
  host: string;
  providers?: string[];
  quiet?: boolean;
  logFormat: LogFormat;
  credentials?: string;
  bodyLimit: number;
  controlToken?: string;
  stateFile?: string;
  replay?: true | string;
  fixtures?: string;
  journalSize: number;
  journalFile?: string;
  latency?: LatencyOptions;
  cors?: true | string;
  rateLimits?: true;
};

export function registerServe(program: Command): void {
  program
    .command('serve', { isDefault: true })
    .description('Serve every provider (or a subset) from its spec on one port')
    .option('-p, --port <port>', 'port to listen on; 0 picks a free one', toPort, 4010)
    .option('-H, --host <host>', 'interface to bind', '127.0.0.1')
    .option('--providers <slugs>', `comma-separated subset of ${PROVIDERS.map((p) => p.slug).join(',')}`, toList)
    .option('-q, --quiet', 'no request log lines')
    .addOption(new Option('--log-format <format>', 'request log format').choices(['text', 'json']).default('text'))
    .option('--credentials <file>', 'JSON or YAML file: only the credentials it lists per provider pass')
    .option('--body-limit <bytes>', 'largest accepted request body', toPositiveInteger, DEFAULT_BODY_LIMIT)
    .option('--control-token <token>', 'let non-loopback clients use /__sipmock with this bearer token')
    .option('--state-file <path>', 'restore stored state from this JSON file at start and save it after every change')
    .option('--replay [mode]', 'answer requests that match a recorded fixture; mode "strict" refuses the others (default: fall back to the mock)')
    .option('--fixtures <dir>', 'fixtures directory for --replay (default: the fixtures/ shipped with sipmock)')
    .option('--journal-size <n>', 'requests the in-memory journal keeps (GET /__sipmock/journal)', toCount, DEFAULT_JOURNAL_SIZE)
    .option('--journal-file <path>', 'also append every journal entry, redacted, to this NDJSON file')
    .option('--latency <ms>', 'added latency: 100, 50-200, per provider signalwire=100, comma-separated', toLatency)
    .option('--cors [origins]', 'answer CORS preflights for these comma-separated origins (all without a list); off: cross-site requests get a 403')
    .option('--rate-limits', "enforce each provider's documented rate limits (429s)")
    .addHelpText('after', '\nExample:\n  $ sipmock serve --port 0 --providers sippet,yeti --log-format json')
    .action(async (options: ServeOptions) => {
      await serve(options);
    });
}

async function serve(options: ServeOptions): Promise<void> {
  const logger = createLogger({ format: options.logFormat, quiet: options.quiet });
  const credentials = options.credentials
    ? await loadCredentialsFile(options.credentials, PROVIDERS.map((p) => p.slug))
    : undefined;
  const running = await startSipmock({
    port: options.port,
    host: options.host,
    providers: options.providers,
    credentials,
    bodyLimit: options.bodyLimit,
    controlToken: options.controlToken,
    stateFile: options.stateFile,
    replay: toReplay(options),
    logger,
    journalSize: options.journalSize,
    journalFile: options.journalFile,
    latency: options.latency,
    cors: options.cors === undefined ? undefined : options.cors === true ? true : toList(options.cors),
    rateLimits: options.rateLimits === true,
  });
  // The ready lines are the contract with scripts that start sipmock: always printed, even with --quiet.
  const ready = createLogger({ format: options.logFormat });
  for (const provider of running.providers) {
    ready.info(`sipmock ${provider.definition.slug} ${running.url}/${provider.definition.slug} (${provider.definition.realBase})`);
  }
  ready.info(`sipmock ready ${running.url} (control: ${running.url}/__sipmock/health)`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      ready.info(`sipmock stopping (${signal}): finishing in-flight requests`);
      running.close().then(resolve, resolve);
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
}

function toReplay(options: ServeOptions): SipmockOptions['replay'] {
  if (options.replay === undefined) return undefined;
  if (options.replay !== true && options.replay !== 'strict' && options.replay !== 'fallback') {
    throw new InvalidArgumentError(`--replay takes "strict" or "fallback", not "${options.replay}"`);
  }
  return { mode: options.replay === 'strict' ? 'strict' : 'fallback', fixturesDir: options.fixtures };
}

function toPort(value: string): number {
  const port = Number(value);
  if (value.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is an integer from 0 to 65535');
  return port;
}

function toPositiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new InvalidArgumentError('must be a positive integer');
  return number;
}

function toCount(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number < 0) throw new InvalidArgumentError('must be a whole number (0 or more)');
  return number;
}

function toLatency(value: string): LatencyOptions {
  try {
    return toLatencyOptions(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function toList(value: string): string[] {
  return value.split(',').map((slug) => slug.trim()).filter((slug) => slug !== '');
}
