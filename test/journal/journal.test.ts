import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import type { JournalEntry } from '../../src/journal/entry.js';
import { JOURNAL_BODY_LIMIT } from '../../src/journal/entry.js';
import { startSipmock } from '../../src/server/create-app.js';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { http, useSipmock } from '../helpers/start-server.js';

const SIGNALWIRE = '/signalwire/api/fabric/resources/sip_gateways';
const ACCOUNT = 'bc949800-7b40-43cf-8438-a85facfcbdd1';
const API_TOKEN = 'PT0123456789abcdef';

async function journal(url: string, query = ''): Promise<JournalEntry[]> {
  const response = await http(url, `/__sipmock/journal${query}`);
  expect(response.status).toBe(200);
  return (response.json as { entries: JournalEntry[] }).entries;
}

describe('GET /__sipmock/journal', () => {
  const sipmock = useSipmock({ providers: ['signalwire', 'voicetel', 'yeti'] });
  let auth: Record<string, string>;
  beforeEach(async () => {
    auth = await PROVIDER_CASES.signalwire.credentials('');
    await http(sipmock.current.url, '/__sipmock/journal', { method: 'DELETE' });
  });

  test('records a stateful list with its account, query, redacted headers and response', async () => {
    const answered = await http(sipmock.current.url, `${SIGNALWIRE}?page_size=2`, { headers: auth });
    expect(answered.status).toBe(200);
    const [entry] = await journal(sipmock.current.url);
    expect(entry).toMatchObject({
      provider: 'signalwire',
      operationId: 'list_sip_gateways',
      method: 'GET',
      path: '/api/fabric/resources/sip_gateways',
      query: { page_size: '2' },
      account: ACCOUNT,
      source: 'state',
      violations: [],
      response: { status: 200, body: answered.json },
    });
    expect(entry.id).toBeGreaterThan(0);
    expect(Date.parse(entry.time)).not.toBeNaN();
    expect(entry.durationMs).toBeGreaterThanOrEqual(0);
    expect(entry.request.headers.authorization).toBe('Basic <redacted:basic>');
    expect(JSON.stringify(entry)).not.toContain(API_TOKEN);
    expect(JSON.stringify(entry)).not.toContain(Buffer.from(`${ACCOUNT}:${API_TOKEN}`).toString('base64'));
  });

  test('records an error sipmock raised (validation) with source error and its violations', async () => {
    const refused = await http(sipmock.current.url, SIGNALWIRE, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x' }),
    });
    expect(refused.status).toBe(422);
    const [entry] = await journal(sipmock.current.url);
    expect(entry.source).toBe('error');
    expect(entry.response.status).toBe(422);
    expect(entry.request.body).toEqual({ name: 'x' });
    expect(entry.violations.length).toBeGreaterThan(0);
    expect(entry.violations[0]).toMatchObject({ side: 'request', location: 'body' });
  });

  test('records a request under no operation with a null operationId and a spec-less answer', async () => {
    await http(sipmock.current.url, '/signalwire/api/nowhere', { headers: auth });
    const [entry] = await journal(sipmock.current.url);
    expect(entry).toMatchObject({ operationId: null, account: null, source: 'error', response: { status: 404 } });
  });

  test('redacts secret fields of the request and response bodies (VoiceTel account/apikey)', async () => {
    const answered = await http(sipmock.current.url, '/voicetel/v2.1/account/apikey/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 4592086960, password: 'hunter2-secret' }),
    });
    expect(answered.status).toBe(200);
    const apikey = (answered.json as { apikey: string }).apikey;
    const [entry] = await journal(sipmock.current.url, '?provider=voicetel');
    expect(entry.request.body).toEqual({ username: 4592086960, password: '<redacted:password>' });
    expect((entry.response.body as { apikey: string }).apikey).toBe('<redacted:apikey>');
    const text = JSON.stringify(entry);
    expect(text).not.toContain('hunter2-secret');
    expect(text).not.toContain(apikey);
  });

  test('redacts a Yeti login: the password it sent, the JWT it got, and the bare JWT it then presents', async () => {
    const headers = await PROVIDER_CASES.yeti.credentials(sipmock.current.url);
    await http(sipmock.current.url, '/yeti/api/rest/admin/pops', { headers });
    const [login, read] = await journal(sipmock.current.url, '?provider=yeti');
    expect(login.request.body).toEqual({ auth: { username: 'admin', password: '<redacted:password>' } });
    expect((login.response.body as { jwt: string }).jwt).toBe('<redacted:jwt>');
    expect(read.request.headers.authorization).toBe('<redacted:jwt>');
    expect(JSON.stringify([login, read])).not.toContain(headers.authorization);
  });

  test('filters by provider, operationId, method, account, exact status, status class and since', async () => {
    await http(sipmock.current.url, SIGNALWIRE, { headers: auth });
    await http(sipmock.current.url, SIGNALWIRE, { headers: await PROVIDER_CASES.signalwire.credentials('', 'a1b2c3d4-0000-4000-8000-000000000001') });
    await http(sipmock.current.url, SIGNALWIRE);
    const listed = await http(sipmock.current.url, '/voicetel/v2.1/gateways/list/', {
      method: 'POST',
      headers: { authorization: 'Bearer 0123456789abcdef0123456789abcdef', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(listed.status).toBe(200);
    const all = await journal(sipmock.current.url);
    expect(all.map((e) => e.id)).toEqual([...all.map((e) => e.id)].sort((a, b) => a - b));
    expect((await journal(sipmock.current.url, '?provider=voicetel')).map((e) => e.operationId)).toEqual(['gatewaysList']);
    expect(await journal(sipmock.current.url, '?operationId=list_sip_gateways')).toHaveLength(3);
    expect(await journal(sipmock.current.url, '?method=post')).toHaveLength(1);
    expect(await journal(sipmock.current.url, `?account=${ACCOUNT}`)).toHaveLength(1);
    expect((await journal(sipmock.current.url, '?status=401')).map((e) => e.source)).toEqual(['error']);
    expect(await journal(sipmock.current.url, '?status=4xx')).toHaveLength(1);
    expect(await journal(sipmock.current.url, '?status=2xx')).toHaveLength(3);
    expect((await journal(sipmock.current.url, `?since=${all[1].id}`)).map((e) => e.id)).toEqual([all[2].id, all[3].id]);
    expect(await journal(sipmock.current.url, `?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
    expect(await journal(sipmock.current.url, `?since=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`)).toHaveLength(4);
  });

  test('refuses an unknown filter or a malformed value with a JSON 400', async () => {
    for (const query of ['?status=5x', '?since=yesterday', '?colour=red']) {
      const refused = await http(sipmock.current.url, `/__sipmock/journal${query}`);
      expect(refused.status).toBe(400);
      expect(refused.json).toMatchObject({ error: 'MOCK_ERR_JOURNAL_FILTER' });
    }
  });

  test('DELETE clears it, and ids go on increasing', async () => {
    await http(sipmock.current.url, SIGNALWIRE, { headers: auth });
    const [before] = await journal(sipmock.current.url);
    const cleared = await http(sipmock.current.url, '/__sipmock/journal', { method: 'DELETE' });
    expect(cleared.status).toBe(204);
    expect(await journal(sipmock.current.url)).toEqual([]);
    await http(sipmock.current.url, SIGNALWIRE, { headers: auth });
    const [after] = await journal(sipmock.current.url);
    expect(after.id).toBeGreaterThan(before.id);
  });

  test('cuts a large body to the documented limit and says how large it was', async () => {
    const huge = { name: 'big', uri: `sip:${'a'.repeat(20_000)}@example.com`, encryption: 'optional', ciphers: [], codecs: [] };
    await http(sipmock.current.url, SIGNALWIRE, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(huge) });
    const [entry] = await journal(sipmock.current.url);
    expect(entry.request.bodyTruncated).toBe(true);
    expect(entry.request.bodyBytes).toBe(JSON.stringify(huge).length);
    expect(typeof entry.request.body).toBe('string');
    expect((entry.request.body as string).length).toBeLessThanOrEqual(JOURNAL_BODY_LIMIT);
  });
});

describe('the journal ring and file', () => {
  const dir = { path: '' };
  afterAll(async () => {
    if (dir.path) await rm(dir.path, { recursive: true, force: true });
  });

  test('keeps the newest journalSize entries and appends every one, redacted, to the NDJSON file', async () => {
    dir.path = await mkdtemp(join(tmpdir(), 'sipmock-journal-'));
    const file = join(dir.path, 'journal.ndjson');
    const sipmock = await startSipmock({ providers: ['signalwire'], journalSize: 3, journalFile: file });
    const auth = await PROVIDER_CASES.signalwire.credentials('');
    for (let i = 0; i < 5; i++) await http(sipmock.url, `${SIGNALWIRE}?page_size=${i + 1}`, { headers: auth });
    expect(sipmock.journal.entries().map((e) => e.query.page_size)).toEqual(['3', '4', '5']);
    await sipmock.close();
    const lines = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as JournalEntry);
    expect(lines.map((e) => e.query.page_size)).toEqual(['1', '2', '3', '4', '5']);
    expect(lines[0].request.headers.authorization).toBe('Basic <redacted:basic>');
    expect(await readFile(file, 'utf8')).not.toContain(Buffer.from(`${ACCOUNT}:${API_TOKEN}`).toString('base64'));
  });

  test('refuses a journal file it cannot write at start', async () => {
    await expect(startSipmock({ providers: ['signalwire'], journalFile: '/nonexistent-dir/x/journal.ndjson' })).rejects.toThrow(/journal-file/);
  });

  test('waitFor resolves with a request made later, subscribe sees it, and waitFor times out with what it waited for', async () => {
    const sipmock = await startSipmock({ providers: ['signalwire'] });
    try {
      const seen: JournalEntry[] = [];
      const unsubscribe = sipmock.journal.subscribe((entry) => seen.push(entry));
      const waiting = sipmock.journal.waitFor({ operationId: 'get_sip_gateway', status: '4xx' }, { timeoutMs: 2000 });
      await http(sipmock.url, `${SIGNALWIRE}/0823a606-0aff-4c90-9eba-f88ba118fe05`);
      const entry = await waiting;
      expect(entry).toMatchObject({ operationId: 'get_sip_gateway', response: { status: 401 } });
      expect(seen.map((e) => e.id)).toEqual([entry.id]);
      unsubscribe();
      await expect(sipmock.journal.waitFor({ provider: 'signalwire', since: entry.id }, { timeoutMs: 50 })).rejects.toThrow(/no request matching .*within 50 ms/);
    } finally {
      await sipmock.close();
    }
  });
});
