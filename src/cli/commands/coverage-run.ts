import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { CommanderError } from 'commander';
import { toProviderModel } from '../../coverage/coverage-model.js';
import { CoverageRecorder } from '../../coverage/coverage-recorder.js';
import { buildCoverageReport, type CoverageReport } from '../../coverage/coverage-report.js';
import { describeThresholds, formatCoverage, writeCoverageReport, type CoverageFormat } from '../../coverage/coverage-files.js';
import { MockError } from '../../errors.js';
import type { JournalEntry } from '../../journal/entry.js';
import { PROVIDERS } from '../../providers/registry.js';
import { DEFAULT_SPECS_DIR } from '../../providers/spec-path.js';
import { mountProvider } from '../../server/mounted-provider.js';
import type { CommandIo } from '../io.js';

export type CoverageCliOptions = {
  format: CoverageFormat;
  coverageReport?: string;
  coverageMin?: string;
  coverageIgnore?: string[];
  providers?: string[];
};

/** `sipmock coverage <journal.ndjson>...` (its options are in coverage.ts). */
export async function runCoverage(journals: string[], options: CoverageCliOptions, io: CommandIo): Promise<void> {
  const secretFieldsOf = (slug: string) => PROVIDERS.find((p) => p.slug === slug)?.secretFields ?? [];
  const recorder = new CoverageRecorder(secretFieldsOf);
  for (const file of journals) await readJournal(file, recorder, io);
  // Journals with no entry cover nothing: every provider is reported at 0%, so a threshold fails.
  const named = recorder.slugs();
  const slugs = options.providers ?? (named.length > 0 ? named : PROVIDERS.map((p) => p.slug));
  const unknown = slugs.filter((slug) => !PROVIDERS.some((p) => p.slug === slug));
  if (options.providers && unknown.length > 0) {
    throw new MockError('MOCK_ERR_CONFIG', { why: `unknown provider ${unknown.join(', ')}; known: ${PROVIDERS.map((p) => p.slug).join(', ')}` });
  }
  // A provider of your own (defineProvider) has no spec here to count against.
  for (const slug of unknown) io.stderr.write(`sipmock coverage: ${slug} is no built-in provider; its requests are left out\n`);
  const definitions = PROVIDERS.filter((p) => slugs.includes(p.slug));
  const models = (await Promise.all(definitions.map((definition) => mountProvider(definition, DEFAULT_SPECS_DIR)))).map(toProviderModel);
  const report = buildCoverageReport(models, recorder, { min: options.coverageMin, ignore: options.coverageIgnore });
  if (options.coverageReport) await writeCoverageReport(options.coverageReport, report);
  io.stdout.write(formatCoverage(report, options.format));
  checkThresholds(report, io);
}

/** Prints each threshold on stderr; fails with exit code 1 under any. */
export function checkThresholds(report: CoverageReport, io: CommandIo): void {
  for (const line of describeThresholds(report)) io.stderr.write(`${line}\n`);
  if (!report.ok) throw new CommanderError(1, 'sipmock.coverage.below', 'coverage is below a --coverage-min threshold');
}

/**
 * Counts every entry of an NDJSON journal. A line that is no entry (the half-written last line of
 * a killed server) is skipped, and said so once per file.
 */
async function readJournal(file: string, recorder: CoverageRecorder, io: CommandIo): Promise<void> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let number = 0;
  let skipped = 0;
  let first = 0;
  for await (const line of lines) {
    number += 1;
    if (line.trim() === '') continue;
    const entry = toEntry(line);
    if (entry) {
      recorder.recordEntry(entry);
      continue;
    }
    skipped += 1;
    first ||= number;
  }
  if (skipped > 0) io.stderr.write(`sipmock coverage: ${file}: skipped ${skipped} line(s) that are no journal entry (first: line ${first})\n`);
}

function toEntry(line: string): JournalEntry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return undefined;
  }
  const entry = value as Partial<JournalEntry> | null;
  if (!entry || typeof entry !== 'object' || typeof entry.provider !== 'string' || typeof entry.method !== 'string' || typeof entry.path !== 'string') return undefined;
  if (entry.operationId !== null && entry.operationId !== undefined && typeof entry.operationId !== 'string') return undefined;
  return entry as JournalEntry;
}
