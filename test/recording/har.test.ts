import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_FIXTURES_DIR, loadFixtures } from '../../src/recording/fixture-files.js';
import { fromHar, toHar, type Har, type HarEntry } from '../../src/recording/har.js';
import { findProvider } from '../../src/providers/registry.js';
import { DEFAULT_SPECS_DIR } from '../../src/server/create-app.js';
import { mountProvider } from '../../src/server/mounted-provider.js';
import { runInProcess } from '../helpers/cli-process.js';

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'sipmock-har-'));
});
afterAll(() => rm(workDir, { recursive: true, force: true }));

const isNameValues = (list: unknown) => Array.isArray(list) && list.every((p) => typeof p.name === 'string' && typeof p.value === 'string');

describe('export-har and import-har', () => {
  test('a round trip of the shipped signalwire fixtures gives back the same requests and responses', async () => {
    const harFile = join(workDir, 'signalwire.har');
    const exported = await runInProcess(['export-har', '--provider', 'signalwire', '--out', harFile]);
    expect(exported.code).toBe(0);
    const originals = await loadFixtures(DEFAULT_FIXTURES_DIR, ['signalwire']);
    expect(exported.stderr).toBe(`exported ${originals.length} fixtures to ${harFile}\n`);

    const har = JSON.parse(await readFile(harFile, 'utf8')) as Har;
    expect(har.log.version).toBe('1.2');
    expect(har.log.creator.name).toBe('sipmock');
    expect(har.log.entries).toHaveLength(originals.length);
    har.log.entries.forEach((entry, index) => {
      const { fixture } = originals[index];
      expect(entry.startedDateTime).toBe(fixture.meta.recordedAt);
      expect(entry.request.url).toBe(`https://example.signalwire.com${fixture.request.path}${Object.keys(fixture.request.query).length ? `?${new URLSearchParams(fixture.request.query)}` : ''}`);
      expect(entry.request.method).toBe(fixture.request.method);
      expect(isNameValues(entry.request.headers) && isNameValues(entry.request.queryString) && isNameValues(entry.response.headers)).toBe(true);
      expect(entry.request.cookies).toEqual([]);
      expect(entry.request.postData === undefined).toBe(fixture.request.body === null);
      expect(entry.response.status).toBe(fixture.response.status);
      expect(typeof entry.response.statusText).toBe('string');
      expect(entry.response.content).toMatchObject({ size: expect.any(Number), mimeType: expect.any(String), text: expect.any(String) });
      expect(entry.timings).toMatchObject({ send: 0, wait: 0, receive: 0 });
      expect(entry.cache).toEqual({});
    });

    const outDir = join(workDir, 'imported');
    const imported = await runInProcess(['import-har', harFile, '--provider', 'signalwire', '--out', outDir]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe(`imported ${originals.length} of ${originals.length} entries into ${outDir} (0 skipped, 0 with drift)`);
    const back = await loadFixtures(outDir);
    expect(back.map((f) => `${f.fixture.meta.operationId}/${f.fixture.meta.scenario}`)).toEqual(originals.map((f) => `${f.fixture.meta.operationId}/${f.fixture.meta.scenario}`));
    back.forEach(({ fixture }, index) => {
      const original = originals[index].fixture;
      expect(fixture.request).toEqual(original.request);
      expect(fixture.response).toEqual(original.response);
      expect(fixture.meta).toMatchObject({ source: 'har', upstream: 'https://example.signalwire.com', description: original.meta.description, recordedAt: original.meta.recordedAt });
    });
  });

  test('export-har writes every provider to stdout by default, with each real base URL', async () => {
    const { code, stdout } = await runInProcess(['export-har', '--provider', 'yeti', 'voicetel']);
    expect(code).toBe(0);
    const hosts = new Set((JSON.parse(stdout) as Har).log.entries.map((e) => new URL(e.request.url).origin));
    expect([...hosts].sort()).toEqual(['https://api.voicetel.com', 'https://yeti.example.com']);
  });
});

describe('fromHar', () => {
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjEsImF1ZCI6WyJhZG1pbiJdfQ.c2lnbmF0dXJlLXNlY3JldA';
  let registration: unknown;
  beforeAll(async () => {
    // A body the spec accepts: the shipped fixture's.
    registration = JSON.parse(await readFile(join(DEFAULT_FIXTURES_DIR, 'yeti/getRegistration/happy-path.json'), 'utf8')).response.body;
  });

  function entry(url: string, status: number, body: unknown, extra: Partial<HarEntry['request']> = {}): HarEntry {
    const text = body === undefined ? '' : JSON.stringify(body);
    return {
      startedDateTime: '2025-03-04T05:06:07.890+01:00',
      time: 12,
      request: { method: 'GET', url, httpVersion: 'HTTP/2', cookies: [], headers: [{ name: ':authority', value: 'x' }, { name: 'Authorization', value: jwt }, { name: 'Accept', value: 'application/vnd.api+json' }, { name: 'Cookie', value: 'session=1' }], queryString: [], headersSize: -1, bodySize: 0, ...extra },
      response: { status, statusText: '', httpVersion: 'HTTP/2', cookies: [], headers: [{ name: 'Content-Type', value: 'application/vnd.api+json' }, { name: 'Date', value: 'x' }], content: { size: text.length, mimeType: 'application/vnd.api+json', text }, redirectURL: '', headersSize: -1, bodySize: -1 },
      cache: {},
      timings: { send: 1, wait: 10, receive: 1 },
    };
  }

  test('imports entries from sipmock and from the real host, redacts them, and skips the rest with a reason', async () => {
    const yeti = await mountProvider(findProvider('yeti')!, DEFAULT_SPECS_DIR);
    const login = { ...entry('https://yeti.example.com/api/rest/admin/auth', 201, { jwt }, { method: 'POST', postData: { mimeType: 'application/json', text: '{"auth":{"username":"admin","password":"hunter2"}}' } }) };
    login.response.content.mimeType = 'application/json';
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'devtools', version: '1' },
        entries: [
          entry('http://127.0.0.1:4010/yeti/api/rest/admin/registrations/9?token=abc', 200, registration),
          login,
          entry('https://yeti.example.com/api/rest/admin/registrations/9', 200, { data: 5 }),
          entry('https://yeti.example.com/assets/app.js', 200, undefined),
          { ...entry('https://yeti.example.com/api/rest/admin/pops', 200, undefined), response: { ...entry('x', 0, undefined).response, status: 0 } },
          entry('not a url', 200, undefined),
        ],
      },
    };
    const results = fromHar(har, yeti);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, index: 3, url: 'https://yeti.example.com/assets/app.js', reason: 'no operation of yeti matches GET /assets/app.js' },
      { ok: false, index: 4, url: 'https://yeti.example.com/api/rest/admin/pops', reason: 'the entry has no response (status 0: blocked or aborted)' },
      { ok: false, index: 5, url: 'not a url', reason: 'the URL "not a url" is not absolute' },
    ]);
    const [local, token, drifted] = results.filter((r) => r.ok).map((r) => (r.ok ? r.fixture : undefined)!);
    expect(local).toEqual({
      request: { method: 'GET', path: '/api/rest/admin/registrations/9', query: { token: '<redacted:token>' }, headers: { accept: 'application/vnd.api+json', authorization: '<redacted:jwt>' }, body: null },
      response: { status: 200, headers: { 'content-type': 'application/vnd.api+json' }, body: registration },
      meta: { provider: 'yeti', operationId: 'getRegistration', scenario: 'happy-path', description: 'Imported from HAR from http://127.0.0.1:4010/yeti: GET /api/rest/admin/registrations/9 answered 200', recordedAt: '2025-03-04T04:06:07.890Z', source: 'har', upstream: 'http://127.0.0.1:4010/yeti', specVersion: yeti.spec.document.info.version },
    });
    expect(token.request.body).toEqual({ auth: { username: 'admin', password: '<redacted:password>' } });
    expect(token.response.body).toEqual({ jwt: '<redacted:jwt>' });
    expect(drifted.meta.scenario).toBe('happy-path-2');
    expect(drifted.meta.drift).toEqual([{ location: 'response.body', pointer: '/data', rule: 'type', message: 'must be an object' }]);
    const text = JSON.stringify(results);
    for (const secret of [jwt, 'hunter2', 'session=1', 'c2lnbmF0dXJlLXNlY3JldA']) expect(text).not.toContain(secret);
  });

  test('skips an entry that is not a HAR entry, with the reason', async () => {
    const yeti = await mountProvider(findProvider('yeti')!, DEFAULT_SPECS_DIR);
    const results = fromHar({ log: { entries: [null, { request: { url: 'https://yeti.example.com/api/rest/admin/registrations', headers: {} } }, 7] } }, yeti);
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['the URL "undefined" is not absolute', 'the entry has no response (status 0: blocked or aborted)', 'the URL "undefined" is not absolute']);
  });

  test('refuses a file that is not a HAR log', async () => {
    const nebrija = await mountProvider(findProvider('nebrija')!, DEFAULT_SPECS_DIR);
    expect(() => fromHar({ entries: [] }, nebrija)).toThrow('not a HAR file: it has no log.entries array');
    const file = join(workDir, 'not-har.json');
    await writeFile(file, '{"log": {}}');
    const { code, stderr } = await runInProcess(['import-har', file, '--provider', 'nebrija', '--out', join(workDir, 'none')]);
    expect(code).toBe(1);
    expect(stderr).toContain('not a HAR file: it has no log.entries array');
  });

  test('toHar withholds non-JSON text bodies (an older fixture may hold one), says why, and leaves postData out when there is no body', () => {
    const har = toHar(
      [{
        request: { method: 'DELETE', path: '/api/v1/sip-trunks/x', query: {}, headers: { authorization: 'Bearer <redacted:token>' }, body: null },
        response: { status: 502, headers: { 'content-type': 'text/html' }, body: '<h1>Bad gateway</h1>' },
        meta: { provider: 'nebrija', operationId: 'deleteSipTrunk', scenario: 'bad-gateway', description: 'd', recordedAt: '2026-01-15T09:30:00.000Z', source: 'recorded', specVersion: 'v1' },
      }],
      { nebrija: 'https://nebrijaai.com' },
      '0.1.0',
    );
    const [only] = har.log.entries;
    expect(only.request.postData).toBeUndefined();
    expect(only.response.content).toEqual({ size: 0, mimeType: 'text/html', text: '' });
    expect(only.comment).toBe('d; response body: a text/html body (20 bytes) cannot be redacted field by field: not written');
    expect(only.response.statusText).toBe('Bad Gateway');
    expect(only._sipmock).toEqual({ provider: 'nebrija', operationId: 'deleteSipTrunk', scenario: 'bad-gateway' });
  });
});
