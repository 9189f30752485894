import { describe, expect, test } from 'vitest';
import type { ProviderModel } from '../../src/coverage/coverage-model.js';
import { CoverageRecorder, type CoverageSample } from '../../src/coverage/coverage-recorder.js';
import { buildCoverageReport } from '../../src/coverage/coverage-report.js';
import { formatCoverage } from '../../src/coverage/coverage-files.js';
import { declaredPaths, sentPaths } from '../../src/coverage/field-paths.js';
import { schemaErrors, xmlError } from './coverage-schema.js';

/** A provider of your own may name its operations anything: every format must still be valid and escaped. */
const HOSTILE = `op<script>&"'|*_\u0007`;
const MODEL: ProviderModel = {
  slug: 'acme',
  title: 'Acme <b>&</b>',
  secretFields: ['pin'],
  operations: [{ operationId: HOSTILE, method: 'POST', path: '/things/{id}', statuses: [200, 422], bodyFields: ['name', 'tags[].label'], queryParams: ['page'] }],
};

function sample(overrides: Partial<CoverageSample>): CoverageSample {
  return { provider: 'acme', operationId: HOSTILE, method: 'POST', path: '/things/1', status: 200, source: 'state', query: {}, body: undefined, violations: [], ...overrides };
}

function report() {
  const recorder = new CoverageRecorder();
  recorder.record(sample({ body: { name: 'a', tags: [{ label: 'x' }, { label: 'y', extra: 1 }] } }));
  recorder.record(sample({
    status: 422, source: 'error', errorCode: 'MOCK_ERR_VALIDATION',
    violations: [{ side: 'request', location: 'body', path: ['name'], rule: 'type', message: 'must be <string> & "not" </failure>\u0001 Basic dXNlcjpwYXNz' }],
  }));
  recorder.record(sample({ operationId: undefined, method: 'GET', path: '/nothing<here>?token=s3cr3t' }));
  return buildCoverageReport([MODEL], recorder, { ignore: [`${HOSTILE}:422`] });
}

describe('coverage formats', () => {
  test('JSON conforms to the schema and redacts reasons and paths', () => {
    const built = report();
    expect(schemaErrors(built)).toEqual([]);
    const [operation] = built.providers[0].operations;
    expect(operation.body).toEqual({ declared: ['name', 'tags[].label'], sent: ['name', 'tags[].label'], neverSent: [], undeclared: ['tags', 'tags[].extra'] });
    expect(operation.rejected[0].reason).toBe('body name: must be <string> & "not" </failure>\u0001 Basic <redacted:basic>');
    expect(built.providers[0].unmatched).toEqual([{ request: 'GET /nothing<here>?token=<redacted:token>', count: 1 }]);
  });

  test('JUnit is well-formed XML whatever the names and reasons hold', () => {
    const xml = formatCoverage(report(), 'junit');
    expect(xmlError(xml)).toBe(true);
    expect(xml).toContain('classname="acme.op&lt;script&gt;&amp;&quot;&apos;|*_"');
    expect(xml).toContain('<skipped message="ignored by --coverage-ignore"/>');
    expect(xml).toContain('tests="2" failures="0" skipped="1"');
  });

  test('HTML escapes everything it shows, and Markdown keeps its tables intact', () => {
    const built = report();
    const html = formatCoverage(built, 'html');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).toContain('op&lt;script&gt;&amp;&quot;&#39;|*_');
    const markdown = formatCoverage(built, 'markdown');
    const rows = markdown.split('\n').filter((line) => line.startsWith('| `op'));
    expect(rows).toHaveLength(1);
    // Five cells: the operation's pipe is escaped inside its code span.
    expect(rows[0].split(/(?<!\\)\|/).length - 2).toBe(5);
    expect(markdown).toContain('## acme: Acme \\<b\\>&\\</b\\>');
  });
});

describe('field paths', () => {
  test.each([
    ['nested members and array items', { properties: { a: { properties: { b: {} } }, list: { items: { properties: { c: {} } } } } }, ['a', 'a.b', 'list', 'list[].c']],
    ['combinators merged', { allOf: [{ properties: { x: {} } }], oneOf: [{ properties: { y: {} } }, { properties: { z: {} } }] }, ['x', 'y', 'z']],
    ['no schema', undefined, []],
  ])('declaredPaths: %s', (_, schema, want) => {
    expect([...declaredPaths(schema)].sort()).toEqual(want);
  });

  test('sentPaths stops at a bounded depth and number of members', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 50; i++) deep = (deep.n = {}) as Record<string, unknown>;
    const paths = new Set<string>();
    sentPaths(root, paths);
    expect(paths.size).toBe(9);
    const wide = new Set<string>();
    sentPaths(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])), wide);
    expect(wide.size).toBe(256);
  });
});
