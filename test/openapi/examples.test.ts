import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { checkOperationExamples, formatExampleProblem } from '../../src/openapi/example-checks.js';

const SPECS_DIR = join(import.meta.dirname, '../../specs');
const specFiles = readdirSync(SPECS_DIR).filter((name) => name.endsWith('.openapi.yaml'));

describe.each(specFiles)('%s', (file) => {
  test('loads with prism-http and every example validates against its schema', async () => {
    const spec = await loadSpec(join(SPECS_DIR, file));
    expect(spec.operations.length).toBeGreaterThan(0);
    const problems = spec.operations.flatMap(checkOperationExamples).map(formatExampleProblem);
    expect(problems).toEqual([]);
  });

  test('every response and request body has at least one named example', async () => {
    const spec = await loadSpec(join(SPECS_DIR, file));
    const missing: string[] = [];
    for (const operation of spec.operations) {
      const bodies = [
        ...(operation.request?.body?.contents ?? []).map((c) => ({ c, where: 'request body' })),
        ...operation.responses.flatMap((r) => r.contents?.map((c) => ({ c, where: `response ${r.code}` })) ?? []),
      ];
      for (const { c, where } of bodies) {
        if (!c.examples?.some((example) => 'value' in example)) missing.push(`${operation.iid}: ${where}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
