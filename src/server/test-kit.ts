import { appendFile } from 'node:fs/promises';
import { toProviderModel, type ProviderModel } from '../coverage/coverage-model.js';
import type { CoverageOptions } from '../coverage/coverage-options.js';
import { CoverageRecorder } from '../coverage/coverage-recorder.js';
import { buildCoverageReport, type CoverageReport } from '../coverage/coverage-report.js';
import { MockError } from '../errors.js';
import { openJournalFile, type JournalFile } from '../journal/journal-file.js';
import { Journal } from '../journal/journal.js';
import { OpenResponses } from '../overrides/faults.js';
import type { OverrideSpec } from '../overrides/override-spec.js';
import { OverrideStore } from '../overrides/override-store.js';
import type { ProviderDefinition } from '../providers/types.js';
import type { StateStore } from '../state/store.js';
import type { CorsPolicy } from './cors.js';
import type { LatencyOptions, LatencyRange } from './latency.js';
import type { Logger } from './logger.js';
import type { MountedProvider } from './mounted-provider.js';
import { RateLimiter } from './rate-limiter.js';

/** The test-kit options of createSipmock / startSipmock. */
export type TestKitOptions = {
  /** How many requests the journal keeps in memory (default 1000; 0 keeps none). */
  journalSize?: number;
  /** Also append every journal entry, redacted, to this file as NDJSON. */
  journalFile?: string;
  /** Latency added to every answer, in ms: 100, { min: 50, max: 200 }, or { all, byProvider: { signalwire: … } }. */
  latency?: number | LatencyRange | LatencyOptions;
  /** Serve browser clients: true (any origin) or the allowed origins. Off: cross-site requests get the provider's 403. */
  cors?: boolean | '*' | readonly string[];
  /** Enforce the rate limits each provider documents (off by default). */
  rateLimits?: boolean;
};

/** What the scope of `reset()` names: everything, one provider, or one account of a provider. */
export type ResetScope = { provider?: string; account?: string };

/** A handle on an override added in process. */
export type OverrideHandle = { id: string; remove(): boolean };

/** The parts the provider routes and the control API share. */
export type TestKit = {
  journal: Journal;
  /** Counts every answered request, whatever the journal keeps; reset() leaves it, DELETE /__sipmock/coverage clears it. */
  coverage: CoverageRecorder;
  /** The coverage report of the served providers, from the counters. */
  coverageReport(options?: CoverageOptions): CoverageReport;
  overrides: OverrideStore;
  open: OpenResponses;
  closing: AbortController;
  cors?: CorsPolicy;
  latencyOf(slug: string): LatencyRange | undefined;
  rateLimiterOf(definition: ProviderDefinition): RateLimiter | undefined;
  /** Ends hung and trickling answers and pending delays. */
  interrupt(): void;
  /** Interrupts, then flushes the journal file. */
  close(): Promise<void>;
};

export async function createTestKit(options: TestKitOptions, providers: MountedProvider[], logger: Logger): Promise<TestKit> {
  const file = options.journalFile ? await openFile(options.journalFile, logger) : undefined;
  const journal = new Journal({ size: options.journalSize, sink: file?.write });
  const open = new OpenResponses();
  const closing = new AbortController();
  const latency = toLatency(options.latency);
  const interrupt = () => {
    closing.abort();
    open.destroyAll();
  };
  const coverage = new CoverageRecorder((slug) => providers.find((p) => p.definition.slug === slug)?.definition.secretFields ?? []);
  let models: ProviderModel[] | undefined;
  const served = providers.map((p) => p.definition.slug);
  const strangers = Object.keys(latency.byProvider ?? {}).filter((slug) => !served.includes(slug));
  if (strangers.length > 0) throw new MockError('MOCK_ERR_CONFIG', { why: `latency names ${strangers.join(', ')}, which is not served; served: ${served.join(', ')}` });
  return {
    journal,
    coverage,
    // The spec side is read on the first report: a server nobody asks for coverage never pays for it.
    coverageReport: (coverageOptions) => buildCoverageReport((models ??= providers.map(toProviderModel)), coverage, coverageOptions),
    overrides: new OverrideStore(providers),
    open,
    closing,
    cors: toCors(options.cors),
    latencyOf: (slug) => latency.byProvider?.[slug] ?? latency.all,
    rateLimiterOf: (definition) => (options.rateLimits && definition.rateLimits?.length ? new RateLimiter(definition.rateLimits) : undefined),
    interrupt,
    close: async () => {
      interrupt();
      await file?.close();
    },
  };
}

/** reset(): all state, overrides and the journal; { provider }: that provider's state and overrides; { provider, account }: that account's state. */
export function resetScope(kit: TestKit, store: StateStore, scope: ResetScope = {}): void {
  if (scope.account !== undefined && scope.provider === undefined) throw new MockError('MOCK_ERR_CONFIG', { why: 'reset({ account }) needs the provider too' });
  store.reset(scope.provider, scope.account);
  if (scope.account !== undefined) return;
  kit.overrides.clear(scope.provider);
  if (scope.provider === undefined) kit.journal.clear();
}

export function addOverride(kit: TestKit, spec: OverrideSpec): OverrideHandle {
  const { id } = kit.overrides.add(spec);
  return { id, remove: () => kit.overrides.remove(id) };
}

async function openFile(path: string, logger: Logger): Promise<JournalFile> {
  try {
    await appendFile(path, '');
  } catch (error) {
    throw new MockError('MOCK_ERR_CONFIG', { why: `--journal-file ${path} cannot be written: ${(error as Error).message}` });
  }
  return openJournalFile(path, (message) => logger.error(message));
}

function toLatency(latency: TestKitOptions['latency']): LatencyOptions {
  if (latency === undefined) return {};
  if (typeof latency === 'number') return { all: checkRange({ min: latency, max: latency }) };
  if ('min' in latency) return { all: checkRange(latency) };
  const byProvider = Object.fromEntries(Object.entries(latency.byProvider ?? {}).map(([slug, range]) => [slug, checkRange(range)]));
  return { all: latency.all && checkRange(latency.all), byProvider };
}

function checkRange(range: LatencyRange): LatencyRange {
  if (!(range.min >= 0 && range.max >= range.min && range.max <= 600_000)) {
    throw new MockError('MOCK_ERR_CONFIG', { why: `latency ${JSON.stringify(range)}: give 0 <= min <= max <= 600000 ms` });
  }
  return range;
}

function toCors(cors: TestKitOptions['cors']): CorsPolicy | undefined {
  if (cors === undefined || cors === false) return undefined;
  if (cors === true || cors === '*') return { origins: '*' };
  if (cors.length === 0 || cors.includes('*')) return { origins: '*' };
  return { origins: [...cors] };
}
