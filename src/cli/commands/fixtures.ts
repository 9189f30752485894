import { relative } from 'node:path';
import { Command } from 'commander';
import { MockError } from '../../errors.js';
import { DEFAULT_FIXTURES_DIR } from '../../recording/fixture-files.js';
import { generateFixtures } from '../../recording/generate-fixtures.js';
import { PROVIDERS } from '../../providers/registry.js';
import { createProgressLine } from '../progress-line.js';

type GenerateOptions = { out: string; providers?: string[] };

export function registerFixtures(program: Command): void {
  const fixtures = program.command('fixtures').description('Maintain the shipped fixture set');
  fixtures
    .command('generate')
    .description("Regenerate the spec fixtures: every operation's happy path and documented errors, played against the mock")
    .option('--out <dir>', 'fixtures directory', DEFAULT_FIXTURES_DIR)
    .option('--providers <slugs>', `comma-separated subset of ${PROVIDERS.map((p) => p.slug).join(',')}`, (value: string) => value.split(',').map((s) => s.trim()).filter(Boolean))
    .addHelpText(
      'after',
      `
Runs sipmock in-process with a fixed clock and secret, so two runs give byte-identical files. Files made
from the spec (meta.source "spec") that a run no longer makes are removed; recorded and imported
fixtures are left alone. Run it after changing a spec or a provider's behaviour, and commit the result.

Example:
  $ sipmock fixtures generate --providers signalwire,yeti
  $ npm run fixtures:generate`,
    )
    .action(async (options: GenerateOptions) => {
      await generate(options);
    });
}

async function generate(options: GenerateOptions): Promise<void> {
  const unknown = (options.providers ?? []).filter((slug) => !PROVIDERS.some((p) => p.slug === slug));
  if (unknown.length > 0) throw new MockError('MOCK_ERR_CONFIG', { why: `unknown provider ${unknown.join(', ')}; known: ${PROVIDERS.map((p) => p.slug).join(', ')}` });
  const progress = createProgressLine();
  const result = await generateFixtures({
    outDir: options.out,
    providers: options.providers,
    onEvent(event) {
      if (event.kind === 'operation') progress.update(`generating ${event.provider} ${event.operationId} (${event.index + 1}/${event.total})`);
      if (event.kind === 'warning') progress.log(`WARN  ${event.message}`);
      if (event.kind === 'removed') progress.log(`REMOVED ${relative(options.out, event.file)}`);
    },
  });
  progress.done();
  for (const [slug, count] of Object.entries(result.counts)) process.stdout.write(`${slug}: ${count} fixtures\n`);
  process.stdout.write(`wrote ${result.files.length} fixtures to ${options.out}, removed ${result.removed.length}, ${result.warnings.length} warnings\n`);
}
