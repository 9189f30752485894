import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { MockError } from '../../errors.js';
import { DEFAULT_FIXTURES_DIR, saveFixture } from '../../recording/fixture-files.js';
import { fromHar } from '../../recording/har.js';
import { findProvider, PROVIDERS } from '../../providers/registry.js';
import { DEFAULT_SPECS_DIR } from '../../server/create-app.js';
import { mountProvider } from '../../server/mounted-provider.js';
import type { CommandIo } from '../io.js';
import { createProgressLine } from '../progress-line.js';

export type ImportOptions = { provider: string; out?: string };

/** `sipmock import-har` (its options are in import-har.ts). */
export async function importHar(file: string, options: ImportOptions, io: CommandIo): Promise<void> {
  const outDir = options.out ?? DEFAULT_FIXTURES_DIR;
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
  const progress = createProgressLine(io.stderr);
  let written = 0;
  let drifted = 0;
  for (const result of results) {
    progress.update(`importing entry ${result.index + 1}/${results.length}`);
    if (!result.ok) {
      progress.log(`SKIP  #${result.index + 1} ${result.url}: ${result.reason}`);
      continue;
    }
    const saved = await saveFixture(outDir, result.fixture);
    written += 1;
    progress.log(`IMPORT #${result.index + 1} ${result.fixture.request.method} ${result.fixture.request.path} -> ${relative(outDir, saved)}`);
    if (result.drift.length > 0) drifted += 1;
    for (const drift of result.drift) {
      progress.log(`DRIFT ${result.fixture.meta.operationId}/${result.fixture.meta.scenario} ${drift.location} ${drift.pointer || '/'} (${drift.rule}): ${drift.message}`);
    }
  }
  progress.done();
  io.stdout.write(`imported ${written} of ${results.length} entries into ${outDir} (${results.length - written} skipped, ${drifted} with drift)\n`);
}
