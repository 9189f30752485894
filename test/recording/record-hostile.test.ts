import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadFixtures } from '../../src/recording/fixture-files.js';
import { startRecordProxy, type RecordEvent } from '../../src/recording/record-proxy.js';
import { findProvider } from '../../src/providers/registry.js';
import { DEFAULT_SPECS_DIR } from '../../src/server/create-app.js';
import { mountProvider } from '../../src/server/mounted-provider.js';
import { startCli } from '../helpers/cli-process.js';

const LIST = '/api/fabric/resources/sip_gateways';
const MiB = 1024 * 1024;

let workDir: string;
let upstream: Server;
let upstreamUrl: string;
let bomb: Buffer;

/** A hostile upstream: a decompression bomb, a body nested 10k deep, a gzip that does not decode, and a plain answer. */
function answer(req: IncomingMessage, res: ServerResponse): void {
  const json = { 'content-type': 'application/json' };
  if (req.url === `${LIST}?bomb=1`) return void res.writeHead(200, { ...json, 'content-encoding': 'gzip' }).end(bomb);
  if (req.url === `${LIST}?corrupt=1`) return void res.writeHead(200, { ...json, 'content-encoding': 'gzip' }).end(Buffer.from('not gzip at all'));
  if (req.url === `${LIST}?big=1`) return void req.resume().on('end', () => res.writeHead(200, json).end(JSON.stringify({ data: 'x'.repeat(6 * MiB) })));
  if (req.url === `${LIST}?redos=1`) return void res.writeHead(200, json).end(JSON.stringify({ note: 'eyJ'.repeat(40_000), links: { self: `${'eyJa.'.repeat(24_000)}` } }));
  if (req.url === `${LIST}?deep=1`) return void res.writeHead(200, json).end(`${'{"a":'.repeat(10_000)}{"password":"deep-secret-77"}${'}'.repeat(10_000)}`);
  res.writeHead(200, json).end(JSON.stringify({ data: [], links: { self: `${LIST}?page=1` } }));
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'sipmock-hostile-'));
  // 100 MiB of zeros gzip to about 100 KiB, as in the attack.
  bomb = gzipSync(Buffer.alloc(100 * MiB), { level: 9 });
  upstream = createServer(answer);
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
  await rm(workDir, { recursive: true, force: true });
});

/** GET through the proxy with node:http, which (unlike fetch) does not inflate the body: the bytes are counted and dropped. */
function get(url: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
    }).on('error', reject).end();
  });
}

/** Resident and peak resident memory of a process, in MiB (Linux /proc). */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
}

async function startRecording(outDir: string) {
  const cli = startCli(['record', 'signalwire', '--upstream', upstreamUrl, '--port', '0', '--out', outDir]);
  const line = await cli.waitForLine((l) => l.startsWith('sipmock record signalwire '));
  return { cli, url: /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)![1] };
}

describe('record: hostile upstream answers', () => {
  test.skipIf(process.platform !== 'linux')('a decompression bomb is forwarded as sent, never inflated past the cap, and recorded with a reason', async () => {
    const outDir = join(workDir, 'bomb');
    const { cli, url } = await startRecording(outDir);
    await get(`${url}${LIST}`);
    const before = await memoryOf(cli.child.pid!);
    const started = performance.now();
    const bombed = await get(`${url}${LIST}?bomb=1`);
    const elapsed = performance.now() - started;
    const after = await memoryOf(cli.child.pid!);
    expect(bombed).toEqual({ status: 200, bytes: bomb.length });
    expect((await get(`${url}${LIST}`)).status).toBe(200);
    cli.child.kill('SIGTERM');
    expect((await cli.exited).code).toBe(0);
    console.info(`bomb: ${bomb.length} bytes gzip (100 MiB inflated), RSS ${before.rss.toFixed(0)} → ${after.rss.toFixed(0)} MiB (peak ${after.peak.toFixed(0)}), ${elapsed.toFixed(0)} ms`);
    // The issue measured 58 → 565 MiB; decoding stops at 5 MiB. (The plain answers drift from the spec: that is counted too.)
    expect(after.peak - before.rss).toBeLessThan(60);
    const fixtures = await loadFixtures(outDir);
    const bombFixture = fixtures.find((f) => f.fixture.request.query.bomb === '1')!;
    expect(bombFixture.fixture.response.body).toBeNull();
    expect(bombFixture.fixture.meta.omitted).toEqual([{ location: 'response.body', reason: 'the body is larger than 5242880 bytes once decoded: not written' }]);
    expect(bombFixture.fixture.meta.drift).toBeUndefined();
    expect((await lstat(bombFixture.file)).size).toBeLessThan(4096);
    expect(cli.lines().at(-1)).toBe('sipmock record stopping (SIGTERM): 3 fixtures written, 2 with drift');
  }, 30_000);

  test('a body nested 10k deep and a gzip that does not decode are recorded with a reason, and the proxy keeps serving', async () => {
    const outDir = join(workDir, 'deep');
    const provider = await mountProvider(findProvider('signalwire')!, DEFAULT_SPECS_DIR);
    const events: RecordEvent[] = [];
    const proxy = await startRecordProxy({ provider, upstream: upstreamUrl, outDir, onEvent: (e) => events.push(e) });
    expect((await get(`${proxy.url}${LIST}?deep=1`)).status).toBe(200);
    expect((await get(`${proxy.url}${LIST}?corrupt=1`)).status).toBe(200);
    expect((await get(`${proxy.url}${LIST}`)).status).toBe(200);
    await proxy.close();
    expect(events.map((e) => e.kind)).toEqual(['recorded', 'recorded', 'recorded']);
    const byQuery = Object.fromEntries((await loadFixtures(outDir)).map(({ file, fixture }) => [Object.keys(fixture.request.query)[0] ?? 'plain', { file, fixture }]));
    expect(byQuery.deep.fixture.meta.omitted).toEqual([{ location: 'response.body', reason: 'nested deeper than 64 levels: the subtree is replaced by <redacted:depth>' }]);
    expect(await readFile(byQuery.deep.file, 'utf8')).not.toContain('deep-secret-77');
    expect(byQuery.corrupt.fixture.meta.omitted).toEqual([{ location: 'response.body', reason: 'the gzip body does not decode: not written' }]);
    expect(byQuery.plain.fixture.meta.omitted).toBeUndefined();
  });

  test('a body of 120k-char hostile strings (the old JWT regex took 16 s) does not stall the next request', async () => {
    const provider = await mountProvider(findProvider('signalwire')!, DEFAULT_SPECS_DIR);
    const proxy = await startRecordProxy({ provider, upstream: upstreamUrl, outDir: join(workDir, 'redos') });
    expect((await get(`${proxy.url}${LIST}?redos=1`)).status).toBe(200);
    const started = performance.now();
    expect((await get(`${proxy.url}${LIST}`)).status).toBe(200);
    const elapsed = performance.now() - started;
    await proxy.close();
    console.info(`next request after the hostile body: ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(1000);
    expect(proxy.files).toHaveLength(2);
  });

  test('bodies over the cap on either side are forwarded whole and recorded without them, with the reason', async () => {
    const outDir = join(workDir, 'big');
    const provider = await mountProvider(findProvider('signalwire')!, DEFAULT_SPECS_DIR);
    const proxy = await startRecordProxy({ provider, upstream: upstreamUrl, outDir });
    const response = await fetch(`${proxy.url}${LIST}?big=1`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'y'.repeat(6 * MiB) }) });
    expect((await response.text()).length).toBeGreaterThan(6 * MiB);
    await proxy.close();
    const [{ fixture }] = await loadFixtures(outDir);
    expect([fixture.request.body, fixture.response.body]).toEqual([null, null]);
    expect(fixture.meta.omitted).toEqual([
      { location: 'request.body', reason: 'the body is larger than 5242880 bytes: not written' },
      { location: 'response.body', reason: 'the body is larger than 5242880 bytes: not written' },
    ]);
  });
});

describe('record: fixture files', () => {
  test('a planted symlink at the target or at the old temporary name is never written through', async () => {
    const outDir = join(workDir, 'planted');
    const dir = join(outDir, 'signalwire', 'list_sip_gateways');
    await mkdir(dir, { recursive: true });
    const victim = join(workDir, 'victim.txt');
    await writeFile(victim, 'untouched\n');
    const target = join(dir, 'happy-path.json');
    await symlink(victim, target);
    await symlink(victim, `${target}.${process.pid}.tmp`);
    const provider = await mountProvider(findProvider('signalwire')!, DEFAULT_SPECS_DIR);
    const proxy = await startRecordProxy({ provider, upstream: upstreamUrl, outDir });
    expect((await get(`${proxy.url}${LIST}`)).status).toBe(200);
    await proxy.close();
    expect(await readFile(victim, 'utf8')).toBe('untouched\n');
    expect((await lstat(target)).isFile()).toBe(true);
    expect(JSON.parse(await readFile(target, 'utf8')).meta.operationId).toBe('list_sip_gateways');
    // No temporary file is left behind; the planted one is left alone.
    expect((await readdir(dir)).sort()).toEqual(['happy-path.json', `happy-path.json.${process.pid}.tmp`]);
  });

  test('SIGTERM right after the last answer writes every fixture first, then prints the true count', async () => {
    const outDir = join(workDir, 'sigterm');
    const { cli, url } = await startRecording(outDir);
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => get(`${url}${LIST}?n=${i}`)));
    cli.child.kill('SIGTERM');
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect((await cli.exited).code).toBe(0);
    expect(cli.lines().at(-1)).toBe('sipmock record stopping (SIGTERM): 12 fixtures written, 12 with drift');
    expect(await loadFixtures(outDir)).toHaveLength(12);
  });
});
