import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { Command } from 'commander';
import { MockError } from '../../errors.js';
import { DEFAULT_FIXTURES_DIR, saveFixture } from '../../recording/fixture-files.js';
import { fromHar } from '../../recording/har.js';
import { findProvider, PROVIDERS } from '../../providers/registry.js';
import { DEFAULT_SPECS_DIR } from '../../server/create-app.js';
import { mountProvider } from '../../server/mounted-provider.js';
import { createProgressLine } from '../progress-line.js';

type ImportOptions = { provider: string; out: string };

export function registerImportHar(program: Command): void {
  program
    .command('import-har <file>')
    .description("Turn the entries of a HAR 1.2 file that match a provider's operations into fixtures")
    .requiredOption('--provider <slug>', `the provider the traffic belongs to: ${PROVIDERS.map((p) => p.slug).join(', ')}`)
    .option('--out <dir>', 'fixtures directory', DEFAULT_FIXTURES_DIR)
    .addHelpText(
      'after',
      `
URLs may be the provider's real host or sipmock's (http://127.0.0.1:4010/<slug>/...). Entries that match
no operation are skipped with the reason. Secrets are replaced by placeholders; an exchange that breaks
the spec is printed as DRIFT and marked in meta.drift. Existing files with the same name are overwritten.

Example:
  $ sipmock import-har ~/Downloads/signalwire.har --provider signalwire --out fixtures`,
    )
    .action(async (file: string, options: ImportOptions) => {
      await importHar(file, options);
    });
}

async function importHar(file: string, options: ImportOptions): Promise<void> {
  const definition = findProvider(options.provider);
  if (!definition) throw new MockError('MOCK_ERR_CONFIG', { why: `unknown provider ${options.provider}; known: ${PROVIDERS.map((p) => p.slug).join(', ')}` });
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new MockError('MOCK_ERR_CONFIG', { why: `cannot read ${file}: ${error.message}` });
  });
  let har: unknown;
  try {
    har = JSON.parse(text);
  } catch (error) {
    throw new MockError('MOCK_ERR_CONFIG', { why: `${file} is not JSON: ${(error as Error).message}` });
  }
  const provider = await mountProvider(definition, DEFAULT_SPECS_DIR);
  const results = fromHar(har, provider);
  const progress = createProgressLine();
  let written = 0;
  let drifted = 0;
  for (const result of results) {
    progress.update(`importing entry ${result.index + 1}/${results.length}`);
    if (!result.ok) {
      progress.log(`SKIP  #${result.index + 1} ${result.url}: ${result.reason}`);
      continue;
    }
    const saved = await saveFixture(options.out, result.fixture);
    written += 1;
    progress.log(`IMPORT #${result.index + 1} ${result.fixture.request.method} ${result.fixture.request.path} -> ${relative(options.out, saved)}`);
    if (result.drift.length > 0) drifted += 1;
    for (const drift of result.drift) {
      progress.log(`DRIFT ${result.fixture.meta.operationId}/${result.fixture.meta.scenario} ${drift.location} ${drift.pointer || '/'} (${drift.rule}): ${drift.message}`);
    }
  }
  progress.done();
  process.stdout.write(`imported ${written} of ${results.length} entries into ${options.out} (${results.length - written} skipped, ${drifted} with drift)\n`);
}
