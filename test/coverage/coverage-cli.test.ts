import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CoverageReport } from '../../src/coverage/coverage-report.js';
import { killLeftovers, runInProcess, serveInProcess, startServe } from '../helpers/cli-process.js';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { http } from '../helpers/start-server.js';
import { schemaErrors, xmlError } from './coverage-schema.js';

const GATEWAYS = '/signalwire/api/fabric/resources/sip_gateways';
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sipmock-coverage-'));
});
afterAll(async () => {
  killLeftovers();
  await rm(dir, { recursive: true, force: true });
});

/** Serves signalwire in process with `args`, sends `requests` (paths, authenticated), stops it and returns its exit code and output. */
async function serveAndStop(args: string[], requests: string[], reason = 'SIGTERM') {
  const cli = await serveInProcess(['--providers', 'signalwire', '--quiet', ...args]);
  const auth = await PROVIDER_CASES.signalwire.credentials('');
  for (const path of requests) await http(cli.url, path, { headers: auth });
  const code = await cli.stop(reason);
  return { code, stdout: cli.lines().join('\n'), stderr: cli.stderr() };
}

describe('sipmock serve --coverage-report', () => {
  test('writes every format at shutdown and exits 1 under --coverage-min', async () => {
    const out = join(dir, 'serve-report');
    const journal = join(dir, 'serve.ndjson');
    const stopped = await serveAndStop(
      ['--coverage-report', out, '--coverage-min', 'operations=50,statuses=2', '--coverage-ignore', 'delete_sip_gateway', '--journal-file', journal],
      [GATEWAYS, `${GATEWAYS}?page_size=1`],
    );
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toContain(`sipmock coverage report written to ${out}`);
    expect(stopped.stderr).toContain('sipmock coverage: operations 20% < 50% FAIL\n');
    expect(stopped.stderr).toContain('sipmock coverage: statuses 2.9% >= 2%\n');
    expect((await readdir(out)).sort()).toEqual(['coverage-junit.xml', 'coverage.html', 'coverage.json', 'coverage.md']);
    const report = JSON.parse(await readFile(join(out, 'coverage.json'), 'utf8')) as CoverageReport;
    expect(schemaErrors(report)).toEqual([]);
    expect(report).toMatchObject({ requests: 2, ok: false, ignored: ['delete_sip_gateway'] });
    const junit = await readFile(join(out, 'coverage-junit.xml'), 'utf8');
    expect(xmlError(junit)).toBe(true);
    expect(junit.match(/<skipped /g)).toHaveLength(report.providers[0].operations.find((op) => op.operationId === 'delete_sip_gateway')!.statuses.length);
    expect(await readFile(join(out, 'coverage.md'), 'utf8')).toContain('- FAIL operations 20% (minimum 50%)');
  });

  test('exits 0 when every threshold is met, on SIGINT too', async () => {
    const out = join(dir, 'serve-ok');
    const stopped = await serveAndStop(['--coverage-report', out, '--coverage-min', 'operations=10'], [GATEWAYS], 'SIGINT');
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toBe('sipmock coverage: operations 16.6% >= 10%\n');
    expect(JSON.parse(await readFile(join(out, 'coverage.json'), 'utf8'))).toMatchObject({ requests: 1, ok: true });
  });

  test('refuses a bad threshold or exclusion at start, not at shutdown', async () => {
    const metric = await runInProcess(['serve', '--port', '0', '--providers', 'signalwire', '--coverage-min', 'lines=80']);
    expect(metric).toMatchObject({ code: 1, stdout: '' });
    expect(metric.stderr).toBe('sipmock: Invalid coverage option min=lines=80: the metrics are operations, statuses, fields\n');
    const ignore = await runInProcess(['serve', '--port', '0', '--providers', 'signalwire', '--coverage-ignore', 'createGateway']);
    expect(ignore.code).toBe(1);
    expect(ignore.stderr).toBe('sipmock: Invalid coverage option ignore=createGateway: no served provider has this operationId\n');
  });

  test('the real process writes the report when SIGTERM stops it', async () => {
    const out = join(dir, 'process-report');
    const cli = await startServe(['--providers', 'signalwire', '--quiet', '--coverage-report', out]);
    await http(cli.url, GATEWAYS, { headers: await PROVIDER_CASES.signalwire.credentials('') });
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
    expect(JSON.parse(await readFile(join(out, 'coverage.json'), 'utf8'))).toMatchObject({ requests: 1 });
  });
});

describe('sipmock coverage <journal.ndjson>...', () => {
  let shards: string[];

  beforeAll(async () => {
    // Two CI shards: each ran part of the client's tests against its own server.
    shards = [join(dir, 'shard-1.ndjson'), join(dir, 'shard-2.ndjson')];
    await serveAndStop(['--journal-file', shards[0]], [GATEWAYS, `${GATEWAYS}?page_size=3`]);
    await serveAndStop(['--journal-file', shards[1]], [`${GATEWAYS}/0823a606-0aff-4c90-9eba-f88ba118fe05`, `${GATEWAYS}/00000000-0000-4000-8000-000000000000`]);
  });

  test('merges shards into one report', async () => {
    const result = await runInProcess(['coverage', ...shards, '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as CoverageReport;
    expect(schemaErrors(report)).toEqual([]);
    expect(report.requests).toBe(4);
    expect(report.providers.map((p) => p.provider)).toEqual(['signalwire']);
    const [list, get] = ['list_sip_gateways', 'get_sip_gateway'].map((id) => report.providers[0].operations.find((op) => op.operationId === id)!);
    expect(list).toMatchObject({ calls: 2, query: { sent: ['page_size'] } });
    expect(get.statuses.filter((s) => s.count > 0)).toEqual([{ status: 200, count: 1 }, { status: 404, count: 1 }]);
  });

  test('prints Markdown by default and writes every format with --coverage-report', async () => {
    const out = join(dir, 'offline-report');
    const result = await runInProcess(['coverage', ...shards, '--coverage-report', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# sipmock contract coverage\n\n4 request\(s\)\. Operations 33\.3% \(2\/6\)/);
    expect((await readdir(out)).sort()).toEqual(['coverage-junit.xml', 'coverage.html', 'coverage.json', 'coverage.md']);
    expect(`${result.stdout}\n`).toBe(await readFile(join(out, 'coverage.md'), 'utf8').then((text) => text.replace(/\n$/, '\n')));
  });

  test('exits 1 under --coverage-min and 0 at or over it', async () => {
    const under = await runInProcess(['coverage', ...shards, '--coverage-min', 'operations=34', '--format', 'json']);
    expect(under.code).toBe(1);
    expect(under.stderr).toBe('sipmock coverage: operations 33.3% < 34% FAIL\n');
    const over = await runInProcess(['coverage', ...shards, '--coverage-min', 'operations=33.3,statuses=1', '--format', 'json']);
    expect(over.code).toBe(0);
  });

  test('--coverage-ignore turns test cases into <skipped> in JUnit', async () => {
    const result = await runInProcess(['coverage', ...shards, '--format', 'junit', '--coverage-ignore', 'get_sip_gateway:500', '--coverage-ignore', 'delete_sip_gateway']);
    expect(result.code).toBe(0);
    expect(xmlError(result.stdout)).toBe(true);
    expect(result.stdout).toMatch(/name="get_sip_gateway 500" time="0">\n\s+<skipped message="ignored by --coverage-ignore"\/>/);
    expect(result.stdout).toMatch(/name="delete_sip_gateway 204" time="0">\n\s+<skipped /);
    expect(result.stdout).toContain('<testcase classname="signalwire.get_sip_gateway" name="get_sip_gateway 404" time="0"/>');
    expect(result.stdout).toMatch(/<testsuites name="sipmock coverage" tests="\d+" failures="\d+" skipped="7" errors="0" time="0">/);
  });

  test('skips lines that are no entry, says so, and redacts reasons', async () => {
    const file = join(dir, 'hand-made.ndjson');
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    const rejected = {
      provider: 'signalwire', operationId: 'create_sip_gateway', method: 'POST', path: '/api/fabric/resources/sip_gateways', query: {},
      request: { headers: {}, body: { name: 'x' } }, response: { status: 422, headers: { 'x-sipmock-error': 'MOCK_ERR_VALIDATION' } }, source: 'error',
      violations: [{ side: 'request', location: 'body', path: ['name'], rule: 'pattern', message: `must not be ${jwt}` }],
    };
    await writeFile(file, `${JSON.stringify(rejected)}\nnot json\n{"half": \n\n`);
    const result = await runInProcess(['coverage', file, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`sipmock coverage: ${file}: skipped 2 line(s) that are no journal entry (first: line 2)\n`);
    const report = JSON.parse(result.stdout) as CoverageReport;
    const create = report.providers[0].operations.find((op) => op.operationId === 'create_sip_gateway')!;
    expect(create.rejected).toEqual([{ reason: 'body name: must not be <redacted:jwt>', count: 1 }]);
    expect(result.stdout).not.toContain(jwt);
  });

  test('an empty journal covers nothing: every provider at 0%, and a threshold fails', async () => {
    const empty = join(dir, 'empty.ndjson');
    await writeFile(empty, '');
    const result = await runInProcess(['coverage', empty, '--format', 'json', '--coverage-min', 'operations=1']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as CoverageReport;
    expect(report.providers.map((p) => p.provider)).toEqual(['sippet', 'signalwire', 'voicetel', 'nebrija', 'yeti']);
    expect(report.summary.operations.percent).toBe(0);
  });

  test('refuses a missing file and a bad threshold with one line', async () => {
    const missing = await runInProcess(['coverage', join(dir, 'nope.ndjson')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^sipmock: ENOENT: no such file or directory/);
    const bad = await runInProcess(['coverage', ...shards, '--coverage-min', 'operations']);
    expect(bad).toMatchObject({ code: 1, stderr: 'sipmock: Invalid coverage option min=operations: give <metric>=<percent>, e.g. operations=80,statuses=50\n' });
  });
});
