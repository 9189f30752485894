import { readFile, writeFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { MockError } from '../../errors.js';
import type { SpecDocument } from '../../openapi/load-spec.js';
import { DEFAULT_FIXTURES_DIR, loadFixtures } from '../../recording/fixture-files.js';
import { toHar, toRealBase } from '../../recording/har.js';
import { PROVIDERS } from '../../providers/registry.js';
import { specPathOf } from '../../providers/spec-path.js';
import type { CommandIo } from '../io.js';
import { VERSION } from '../version.js';

export type ExportOptions = { provider?: string[]; fixtures?: string; out: string };

/** `sipmock export-har` (its options are in export-har.ts). */
export async function exportHar(options: ExportOptions, io: CommandIo): Promise<void> {
  const slugs = options.provider ?? PROVIDERS.map((p) => p.slug);
  const unknown = slugs.filter((slug) => !PROVIDERS.some((p) => p.slug === slug));
  if (unknown.length > 0) throw new MockError('MOCK_ERR_CONFIG', { why: `unknown provider ${unknown.join(', ')}; known: ${PROVIDERS.map((p) => p.slug).join(', ')}` });
  const baseUrls: Record<string, string> = {};
  for (const definition of PROVIDERS.filter((p) => slugs.includes(p.slug))) {
    // Only `servers` is needed: parse the YAML, without building the operation model.
    const document = parseYaml(await readFile(specPathOf(definition), 'utf8')) as SpecDocument;
    baseUrls[definition.slug] = toRealBase(document);
  }
  const fixtures = (await loadFixtures(options.fixtures ?? DEFAULT_FIXTURES_DIR, slugs)).map((f) => f.fixture);
  const text = `${JSON.stringify(toHar(fixtures, baseUrls, VERSION), null, 2)}\n`;
  if (options.out === '-') {
    io.stdout.write(text);
    return;
  }
  await writeFile(options.out, text);
  io.stderr.write(`exported ${fixtures.length} fixtures to ${options.out}\n`);
}
