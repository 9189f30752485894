import { relative } from 'node:path';
import { MockError } from '../../errors.js';
import { DEFAULT_FIXTURES_DIR } from '../../recording/fixture-files.js';
import { startRecordProxy, type RecordEvent } from '../../recording/record-proxy.js';
import { createRedactionPolicy } from '../../recording/redaction-policy.js';
import { findProvider, PROVIDERS } from '../../providers/registry.js';
import { DEFAULT_SPECS_DIR } from '../../server/create-app.js';
import { mountProvider } from '../../server/mounted-provider.js';
import { untilStopped, type CommandIo } from '../io.js';
import { createProgressLine } from '../progress-line.js';

export type RecordOptions = { upstream: string; out?: string; port: number; host: string };

/** `sipmock record` (its options are in record.ts). Resolves once the proxy has stopped. */
export async function record(slug: string, options: RecordOptions, io: CommandIo): Promise<void> {
  const definition = findProvider(slug);
  if (!definition) throw new MockError('MOCK_ERR_CONFIG', { why: `unknown provider ${slug}; known: ${PROVIDERS.map((p) => p.slug).join(', ')}` });
  if (!/^https?:\/\//.test(options.upstream)) throw new MockError('MOCK_ERR_CONFIG', { why: `--upstream must be an http(s) URL, got "${createRedactionPolicy().string(options.upstream)}"` });
  const outDir = options.out ?? DEFAULT_FIXTURES_DIR;
  const provider = await mountProvider(definition, DEFAULT_SPECS_DIR);
  const progress = createProgressLine(io.stderr);
  const counts = { recorded: 0, drift: 0, skipped: 0, failed: 0 };
  const onEvent = (event: RecordEvent) => {
    progress.log(formatEvent(event, outDir));
    if (event.kind === 'recorded') counts.recorded += 1;
    if (event.kind === 'recorded' && event.drift.length > 0) counts.drift += 1;
    if (event.kind === 'skipped') counts.skipped += 1;
    if (event.kind === 'upstream-error') counts.failed += 1;
    progress.update(`recorded ${counts.recorded} (${counts.drift} with drift), skipped ${counts.skipped}, upstream errors ${counts.failed}`);
  };
  const proxy = await startRecordProxy({ provider, upstream: options.upstream, outDir, port: options.port, host: options.host, onEvent });
  io.stdout.write(`sipmock record ${slug} ${proxy.url} -> ${proxy.upstream} (fixtures: ${outDir})\n`);

  const stoppedBy = await untilStopped(io);
  // Exchanges in flight are written first, so the count printed is the count on disk.
  await proxy.close().catch(() => undefined);
  progress.done();
  io.stdout.write(`sipmock record stopping (${stoppedBy}): ${counts.recorded} fixtures written, ${counts.drift} with drift\n`);
}

function formatEvent(event: RecordEvent, outDir: string): string {
  if (event.kind === 'skipped') return `SKIP  ${event.method} ${event.path} ${event.status}: ${event.reason}`;
  if (event.kind === 'upstream-error') return `ERROR ${event.method} ${event.path} ${event.status}: ${event.message}`;
  const lines = [`REC   ${event.method} ${event.path} ${event.status} -> ${relative(outDir, event.file)}`];
  for (const drift of event.drift) lines.push(`DRIFT ${event.operationId}/${event.scenario} ${drift.location} ${drift.pointer || '/'} (${drift.rule}): ${drift.message}`);
  return lines.join('\n');
}
