import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadFixtures } from '../../src/recording/fixture-files.js';
import { runCliToEnd, startCli } from '../helpers/cli-process.js';
import { basicOf, createCanaries, createEchoUpstream, deepBody, jwtOf, secretMembers, type Canaries } from './canaries.js';

const canaries: Canaries = createCanaries();
const c = canaries.next;
let workDir: string;
let upstream: Server;
let upstreamPort: number;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'sipmock-canary-'));
  upstream = createServer(createEchoUpstream(canaries));
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamPort = (upstream.address() as AddressInfo).port;
});
afterAll(async () => {
  upstream.closeAllConnections();
  await new Promise<void>((resolve) => upstream.close(() => resolve()));
  if (!process.env.KEEP_CANARY) await rm(workDir, { recursive: true, force: true });
});

/** One request through the proxy with node:http (fetch refuses some of these headers); the answer is read and dropped. */
function send(url: string, method: string, headers: Record<string, string>, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function record(outDir: string, printed: string[]): Promise<void> {
  const upstreamUrl = `http://${c('upuser')}:${c('uppass')}@127.0.0.1:${upstreamPort}`;
  const cli = startCli(['record', 'sippet', '--upstream', upstreamUrl, '--port', '0', '--out', outDir]);
  const line = await cli.waitForLine((l) => l.startsWith('sipmock record sippet '));
  const proxy = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)![1];
  const json = { 'content-type': 'application/json', accept: 'application/json' };
  const secretQuery = ['token', 'apikey', 'api_key', 'access_token', 'password', 'key', 'secret', 'client_secret', 'refresh_token', 'apiKey', 'sip_password', 'jwt']
    .map((name) => `${name}=${c(`q${name}`)}`)
    .join('&');
  const query = `${secretQuery}&state=${jwtOf(canaries, 'qstate')}&redirect=${encodeURIComponent(`https://u:${c('qredirect')}@h.example/x`)}`;
  const statuses = [
    await send(`${proxy}/api/gateways?${query}`, 'GET', { authorization: `Bearer ${c('hbearer')}`, 'x-api-key': c('hxapikey'), cookie: `session=${c('hcookie')}`, 'x-auth-token': c('hxauth'), 'proxy-authorization': basicOf(canaries, 'hproxy'), accept: 'application/json' }),
    await send(`${proxy}/api/gateways?as=json`, 'POST', { ...json, authorization: basicOf(canaries, 'hbasic') }, JSON.stringify(secretMembers(canaries, 'reqjson'))),
    await send(`${proxy}/api/gateways?as=form`, 'POST', { 'content-type': 'application/x-www-form-urlencoded' }, `password=${c('fpw')}&apikey=${c('fkey')}&note=${jwtOf(canaries, 'fnote')}&next=${encodeURIComponent(`https://u:${c('fnext')}@h.example/`)}`),
    await send(`${proxy}/api/gateways?as=text`, 'POST', { 'content-type': 'text/plain' }, `my password is ${c('textpw')}`),
    await send(`${proxy}/api/gateways?as=malformed`, 'POST', json, `{"apikey": "${c('malformedkey')}", `),
    await send(`${proxy}/api/gateways?as=bom`, 'POST', json, `\uFEFF${JSON.stringify({ apikey: c('bomkey'), password: c('bompw') })}`),
    await send(`${proxy}/api/gateways?as=deep`, 'POST', json, deepBody(canaries, 'req')),
    await send(`${proxy}/api/gateways/${jwtOf(canaries, 'path')}?as=gzip`, 'GET', { authorization: jwtOf(canaries, 'bare'), 'accept-encoding': 'gzip' }),
  ];
  expect(statuses).toEqual(Array(8).fill(200));
  cli.child.kill('SIGTERM');
  expect((await cli.exited).code).toBe(0);
  printed.push(...cli.lines(), cli.stderr());
}

/** A session whose upstream is down: the ERROR line names the upstream and the path. */
async function recordUnreachable(outDir: string, printed: string[]): Promise<void> {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const cli = startCli(['record', 'sippet', '--upstream', `http://${c('downuser')}:${c('downpass')}@127.0.0.1:${port}/?token=${c('downtoken')}`, '--port', '0', '--out', outDir]);
  const line = await cli.waitForLine((l) => l.startsWith('sipmock record sippet '));
  const proxy = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)![1];
  expect(await send(`${proxy}/api/gateways/${jwtOf(canaries, 'downpath')}?token=${c('downq')}`, 'GET', {})).toBe(502);
  cli.child.kill('SIGTERM');
  expect((await cli.exited).code).toBe(0);
  printed.push(...cli.lines(), cli.stderr());
  expect(cli.stderr()).toContain('ERROR GET /api/gateways/<redacted:jwt> 502');
}

function harEntry(url: string, request: object, response: object, extra: object = {}) {
  return {
    startedDateTime: '2026-03-01T10:00:00.000Z',
    time: 1,
    request: { method: 'GET', url, httpVersion: 'HTTP/1.1', cookies: [{ name: 'sid', value: c('harcookie') }], headers: [{ name: 'Authorization', value: `Bearer ${c('harbearer')}` }, { name: 'X-Api-Key', value: c('harxkey') }, { name: 'Cookie', value: `sid=${c('harcookiehdr')}` }], queryString: [], headersSize: -1, bodySize: -1, ...request },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      cookies: [{ name: 'sid', value: c('harsetcookie') }],
      headers: [{ name: 'Location', value: `https://u:${c('harloc')}@h.example/?token=${c('harloctok')}` }, { name: 'WWW-Authenticate', value: `Bearer realm="${c('harrealm')}"` }, { name: 'Link', value: `<https://h.example/?apikey=${c('harlink')}>; rel="next"` }],
      content: { size: -1, mimeType: 'application/json', text: JSON.stringify(secretMembers(canaries, 'harres')) },
      redirectURL: `https://u:${c('harredirect')}@h.example/`,
      headersSize: -1,
      bodySize: -1,
      ...response,
    },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
    comment: `captured via https://u:${c('harcomment')}@h.example with Bearer ${c('harcommentbearer')}`,
    ...extra,
  };
}

function harFile() {
  const base = `https://${c('haruser')}:${c('harpass')}@api.sippet.ai`;
  const form = { mimeType: 'application/x-www-form-urlencoded', text: `password=${c('harformpw')}&apikey=${c('harformkey')}` };
  const entries = [
    harEntry(`${base}/api/gateways?token=${c('hartoken')}&api_key=${c('harapikey')}`, { queryString: [{ name: 'token', value: c('harqs') }] }, {}),
    harEntry(`${base}/api/gateways`, { method: 'POST', postData: form }, { content: { size: -1, mimeType: 'application/json', encoding: 'base64', text: Buffer.from(JSON.stringify(secretMembers(canaries, 'harb64'))).toString('base64') } }),
    harEntry(`${base}/api/gateways`, { method: 'POST', postData: { mimeType: 'text/plain', text: `secret ${c('hartext')}` } }, { content: { size: -1, mimeType: 'text/plain', text: `token ${c('harrestext')}` } }),
    harEntry(`${base}/api/gateways`, { method: 'POST', postData: { mimeType: 'application/json', text: `{"secret": "${c('harmalformed')}"` } }, { content: { size: -1, mimeType: 'application/json', text: `\uFEFF{"password":"${c('harbom')}"}` } }),
    harEntry(`${base}/api/gateways/42`, {}, { content: { size: -1, mimeType: 'application/json', text: deepBody(canaries, 'har') } }),
    harEntry(`https://api.sippet.ai/not-an-operation?token=${c('harskip')}`, {}, {}),
  ];
  return { log: { version: '1.2', creator: { name: 'devtools', version: '1' }, entries } };
}

/** A fixture as an older sipmock (or a hand edit) might have left it: secrets in the clear. */
function legacyFixture() {
  return {
    request: { method: 'POST', path: '/api/gateways', query: { token: c('oldqtoken'), api_key: c('oldqkey') }, headers: { authorization: `Bearer ${c('oldbearer')}`, 'x-api-key': c('oldxkey'), 'content-type': 'text/plain' }, body: `password ${c('oldtext')}` },
    response: { status: 201, headers: { 'content-type': 'application/json', location: `https://u:${c('oldloc')}@h.example/`, 'www-authenticate': `Basic realm="${c('oldrealm')}"` }, body: secretMembers(canaries, 'old') },
    meta: { provider: 'sippet', operationId: 'createGateway', scenario: 'legacy', description: `Recorded from https://u:${c('olddesc')}@h.example`, recordedAt: '2025-01-01T00:00:00.000Z', source: 'recorded', upstream: `https://u:${c('oldupstream')}@h.example`, specVersion: '1' },
  };
}

async function readTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return Promise.all(entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name), 'latin1')));
}

describe('canary secrets', () => {
  test('none reaches a written byte or a printed line: record proxy, import-har, export-har', async () => {
    const out = join(workDir, 'out');
    const inputs = join(workDir, 'inputs');
    const printed: string[] = [];
    await record(join(out, 'recorded'), printed);
    await recordUnreachable(join(out, 'unreachable'), printed);

    await mkdir(join(inputs, 'old', 'sippet', 'createGateway'), { recursive: true });
    await writeFile(join(inputs, 'in.har'), JSON.stringify(harFile()));
    await writeFile(join(inputs, 'old', 'sippet', 'createGateway', 'legacy.json'), JSON.stringify(legacyFixture()));
    const imported = await runCliToEnd(['import-har', join(inputs, 'in.har'), '--provider', 'sippet', '--out', join(out, 'imported')]);
    const exported = await runCliToEnd(['export-har', '--provider', 'sippet', '--fixtures', join(out, 'recorded'), '--out', join(out, 'recorded.har')]);
    const reexported = await runCliToEnd(['export-har', '--provider', 'sippet', '--fixtures', join(out, 'imported'), '--out', join(out, 'imported.har')]);
    const legacy = await runCliToEnd(['export-har', '--provider', 'sippet', '--fixtures', join(inputs, 'old')]);
    for (const run of [imported, exported, reexported, legacy]) {
      expect(run.code).toBe(0);
      printed.push(run.stdout, run.stderr);
    }

    // The runs did write what they should, so finding nothing means something.
    expect(await loadFixtures(join(out, 'recorded'))).toHaveLength(8);
    expect(imported.stdout).toContain('imported 5 of 6 entries');
    expect(JSON.parse(legacy.stdout).log.entries).toHaveLength(1);
    expect(JSON.parse(await readFile(join(out, 'recorded.har'), 'utf8')).log.entries).toHaveLength(8);
    expect(JSON.parse(await readFile(join(out, 'imported.har'), 'utf8')).log.entries).toHaveLength(5);

    const haystack = [...(await readTree(out)), ...printed];
    const found = [...canaries.sent].filter((secret) => haystack.some((text) => text.includes(secret)));
    console.info(`canaries: ${canaries.sent.size} sent, ${found.length} found`);
    expect(canaries.sent.size).toBeGreaterThanOrEqual(60);
    expect(found).toEqual([]);
  }, 60_000);
});
