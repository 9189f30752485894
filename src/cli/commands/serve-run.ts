import { mkdir } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { writeCoverageReport } from '../../coverage/coverage-files.js';
import { toCoverageMinimum } from '../../coverage/coverage-options.js';
import { PROVIDERS } from '../../providers/registry.js';
import { startSipmock, type SipmockOptions } from '../../server/create-app.js';
import { toLatencyOptions } from '../../server/latency.js';
import { createLogger, type LogFormat } from '../../server/logger.js';
import { untilStopped, type CommandIo } from '../io.js';
import { checkThresholds } from './coverage-run.js';

export type ServeOptions = {
  port: number;
  host: string;
  providers?: string[];
  quiet?: boolean;
  logFormat: LogFormat;
  credentials?: string;
  bodyLimit?: number;
  controlToken?: string;
  stateFile?: string;
  maxAccounts?: number;
  replay?: true | 'strict' | 'fallback';
  fixtures?: string;
  portPerProvider?: boolean;
  root?: string;
  journalSize?: number;
  journalFile?: string;
  latency?: string;
  cors?: true | string;
  rateLimits?: true;
  coverageReport?: string;
  coverageMin?: string;
  coverageIgnore?: string[];
};

/** `sipmock serve` (its options are in serve.ts). Resolves once the server has stopped. */
export async function serve(options: ServeOptions, io: CommandIo): Promise<void> {
  // The logger only calls write(); a test's collector stands in for a stream.
  const stdout = io.stdout as Writable;
  const logger = createLogger({ format: options.logFormat, quiet: options.quiet, stream: stdout });
  // A wrong threshold must fail the start, not the end of a long test run.
  toCoverageMinimum(options.coverageMin);
  if (options.coverageReport) await mkdir(options.coverageReport, { recursive: true });
  const credentials = options.credentials
    ? // Loaded only when asked for: the YAML parser costs a start that has no credentials file.
      await (await import('../../config/credentials-file.js')).loadCredentialsFile(options.credentials, PROVIDERS.map((p) => p.slug))
    : undefined;
  const running = await startSipmock({
    port: options.port,
    host: options.host,
    providers: options.providers,
    credentials,
    bodyLimit: options.bodyLimit,
    controlToken: options.controlToken,
    stateFile: options.stateFile,
    maxAccounts: options.maxAccounts,
    replay: toReplay(options),
    portPerProvider: options.portPerProvider,
    root: options.root,
    journalSize: options.journalSize,
    journalFile: options.journalFile,
    latency: options.latency === undefined ? undefined : toLatencyOptions(options.latency),
    cors: options.cors === undefined ? undefined : options.cors === true ? true : options.cors.split(',').map((o) => o.trim()).filter((o) => o !== ''),
    rateLimits: options.rateLimits === true,
    logger,
  });
  const coverageOptions = { min: options.coverageMin, ignore: options.coverageIgnore };
  try {
    running.coverage(coverageOptions);
  } catch (error) {
    await running.close();
    throw error;
  }
  // The ready lines are the contract with scripts that start sipmock: always printed, even with --quiet.
  const ready = createLogger({ format: options.logFormat, stream: stdout });
  for (const provider of running.providers) {
    const { slug, realBase } = provider.definition;
    ready.info(`sipmock ${slug} ${running.baseUrl(slug)} (${realBase})`);
  }
  ready.info(`sipmock ready ${running.url} (control: ${running.url}/__sipmock/health)`);

  const stoppedBy = await untilStopped(io);
  ready.info(`sipmock stopping (${stoppedBy}): finishing in-flight requests`);
  await running.close().catch(() => undefined);
  if (!options.coverageReport && !options.coverageMin) return;
  const report = running.coverage(coverageOptions);
  if (options.coverageReport) {
    await writeCoverageReport(options.coverageReport, report);
    ready.info(`sipmock coverage report written to ${options.coverageReport}`);
  }
  checkThresholds(report, io);
}

function toReplay(options: ServeOptions): SipmockOptions['replay'] {
  if (options.replay === undefined) return undefined;
  return { mode: options.replay === 'strict' ? 'strict' : 'fallback', fixturesDir: options.fixtures };
}
