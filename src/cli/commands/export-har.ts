import { readFile, writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import { MockError } from '../../errors.js';
import { DEFAULT_FIXTURES_DIR, loadFixtures } from '../../recording/fixture-files.js';
import { toHar, toRealBase } from '../../recording/har.js';
import { specPathOf } from '../../providers/spec-path.js';
import { PROVIDERS } from '../../providers/registry.js';
import { VERSION } from '../../server/control-routes.js';
import type { SpecDocument } from '../../openapi/load-spec.js';
import { parse as parseYaml } from 'yaml';

type ExportOptions = { provider?: string[]; fixtures: string; out: string };

export function registerExportHar(program: Command): void {
  program
    .command('export-har')
    .description('Write fixtures as a HAR 1.2 log, for tools that read HAR')
    .option('--provider <slug...>', `only these providers: ${PROVIDERS.map((p) => p.slug).join(', ')}`)
    .option('--fixtures <dir>', 'fixtures directory', DEFAULT_FIXTURES_DIR)
    .option('--out <file>', 'HAR file to write, or - for stdout', '-')
    .addHelpText(
      'after',
      `
URLs use each provider's real base URL (the spec's first server, variables at their defaults).

Example:
  $ sipmock export-har --provider signalwire yeti --out sipmock.har`,
    )
    .action(async (options: ExportOptions) => {
      await exportHar(options);
    });
}

async function exportHar(options: ExportOptions): Promise<void> {
  const slugs = options.provider ?? PROVIDERS.map((p) => p.slug);
  const unknown = slugs.filter((slug) => !PROVIDERS.some((p) => p.slug === slug));
  if (unknown.length > 0) throw new MockError('MOCK_ERR_CONFIG', { why: `unknown provider ${unknown.join(', ')}; known: ${PROVIDERS.map((p) => p.slug).join(', ')}` });
  const baseUrls: Record<string, string> = {};
  for (const definition of PROVIDERS.filter((p) => slugs.includes(p.slug))) {
    // Only `servers` is needed: parse the YAML, without building the operation model.
    const document = parseYaml(await readFile(specPathOf(definition), 'utf8')) as SpecDocument;
    baseUrls[definition.slug] = toRealBase(document);
  }
  const fixtures = (await loadFixtures(options.fixtures, slugs)).map((f) => f.fixture);
  const text = `${JSON.stringify(toHar(fixtures, baseUrls, VERSION), null, 2)}\n`;
  if (options.out === '-') {
    process.stdout.write(text);
    return;
  }
  await writeFile(options.out, text);
  process.stderr.write(`exported ${fixtures.length} fixtures to ${options.out}\n`);
}
