import { relative } from 'node:path';
import { MockError } from '../../errors.js';
import { DEFAULT_FIXTURES_DIR } from '../../recording/fixture-files.js';
import { generateFixtures } from '../../recording/generate-fixtures.js';
import { PROVIDERS } from '../../providers/registry.js';
import type { CommandIo } from '../io.js';
import { createProgressLine } from '../progress-line.js';

export type GenerateOptions = { out?: string; providers?: string[] };

/** `sipmock fixtures generate` (its options are in fixtures.ts). */
export async function generate(options: GenerateOptions, io: CommandIo): Promise<void> {
  const outDir = options.out ?? DEFAULT_FIXTURES_DIR;
  const unknown = (options.providers ?? []).filter((slug) => !PROVIDERS.some((p) => p.slug === slug));
  if (unknown.length > 0) throw new MockError('MOCK_ERR_CONFIG', { why: `unknown provider ${unknown.join(', ')}; known: ${PROVIDERS.map((p) => p.slug).join(', ')}` });
  const progress = createProgressLine(io.stderr);
  const result = await generateFixtures({
    outDir,
    providers: options.providers,
    onEvent(event) {
      if (event.kind === 'operation') progress.update(`generating ${event.provider} ${event.operationId} (${event.index + 1}/${event.total})`);
      if (event.kind === 'warning') progress.log(`WARN  ${event.message}`);
      if (event.kind === 'removed') progress.log(`REMOVED ${relative(outDir, event.file)}`);
    },
  });
  progress.done();
  for (const [slug, count] of Object.entries(result.counts)) io.stdout.write(`${slug}: ${count} fixtures\n`);
  io.stdout.write(`wrote ${result.files.length} fixtures to ${outDir}, removed ${result.removed.length}, ${result.warnings.length} warnings\n`);
}
