import { PassThrough } from 'node:stream';
import { connect } from 'node:net';
import { describe, expect, test } from 'vitest';
import { createLogger } from '../../src/server/logger.js';
import { http, useSipmock } from '../helpers/start-server.js';

const JSON_API = 'application/vnd.api+json';
const SIPPET = { authorization: 'Bearer sk_test_small', accept: JSON_API };

describe('numbers, logs and sorts', () => {
  const lines: string[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter((line) => line !== '')));
  const sipmock = useSipmock({ providers: ['sippet'], logger: createLogger({ stream }) });

  test.each(['1e999', '-1e999', 'Infinity', '1' + '0'.repeat(400)])('refuses page[offset]=%s as not a finite number, in the provider format', async (value) => {
    const response = await http(sipmock.current.url, `/sippet/api/gateways?page[offset]=${value}`, { headers: SIPPET });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_VALIDATION');
    expect(response.text).not.toContain('null');
  });

  test('refuses a body number too large to represent, rather than store null', async () => {
    const body = '{"data":{"type":"gateway","attributes":{"name":"big","provider":"twilio","register":1e999}}}';
    const response = await http(sipmock.current.url, '/sippet/api/gateways', { method: 'POST', headers: { ...SIPPET, 'content-type': JSON_API }, body });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_BODY_MALFORMED');
  });

  test('escapes a JSON key with a newline in the text log: it cannot forge a line', async () => {
    lines.length = 0;
    const body = JSON.stringify({ data: { type: 'gateway', attributes: { 'x\n2026-01-01T00:00:00.000Z sippet GET /forged - 200 1.0ms': 1 } } });
    const response = await http(sipmock.current.url, '/sippet/api/gateways', { method: 'POST', headers: { ...SIPPET, 'content-type': JSON_API }, body });
    expect(response.status).toBeGreaterThanOrEqual(400);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('x\\n2026');
    expect(lines.some((line) => line.includes('/forged') && line.startsWith('2026-01-01'))).toBe(false);
  });

  test('sorts 8,000 records on thousands of repeated keys as on the distinct ones, promptly', async () => {
    const dump = (await http(sipmock.current.url, '/__sipmock/state/sippet?account=sk_test_sort')).json as { accounts: Record<string, { gateways: Array<Record<string, unknown>> }> };
    const seed = dump.accounts.sk_test_sort.gateways[0];
    const gateways = Array.from({ length: 8000 }, (_, i) => ({ ...seed, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: 'same', provider: 'twilio' }));
    const put = await http(sipmock.current.url, '/__sipmock/state/sippet?account=sk_test_sort', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ gateways }) });
    expect(put.status).toBe(200);
    const headers = { ...SIPPET, authorization: 'Bearer sk_test_sort' };
    const repeated = Array.from({ length: 1400 }, (_, i) => (i % 2 ? 'name' : '-provider')).join(',');
    const once = await http(sipmock.current.url, '/sippet/api/gateways?sort=-provider,name&page[limit]=250', { headers });
    const started = performance.now();
    const many = await http(sipmock.current.url, `/sippet/api/gateways?sort=${repeated}&page[limit]=250`, { headers });
    // Records equal on every key make each comparison walk every key: before the keys were made distinct, this took seconds (and 448 ms for 1,900 keys over 10k records in issue 9).
    expect(performance.now() - started).toBeLessThan(500);
    expect(many.status).toBe(200);
    expect((many.json as { data: unknown[] }).data).toEqual((once.json as { data: unknown[] }).data);
  });
});

describe('VoiceTel account/apikey with a credentials list of keys only', () => {
  // A key-only list names no login: no username and password may trade for a key.
  const sipmock = useSipmock({ providers: ['voicetel'], credentials: { voicetel: ['0123456789abcdef0123456789abcdef'] } });

  test('hands no key to any login', async () => {
    const response = await http(sipmock.current.url, '/voicetel/v2.1/account/apikey/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 1234567, password: 'anything' }),
    });
    expect(response.status).toBe(401);
    expect(response.text).not.toMatch(/"apikey"/);
  });
});

describe('a client that goes away mid-body', () => {
  const sipmock = useSipmock({ providers: ['sippet'] });

  test('is journaled as a malformed body, and the server goes on answering', async () => {
    const { port } = sipmock.current;
    await new Promise<void>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          'POST /sippet/api/gateways HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer sk_test_gone\r\n' +
            `Content-Type: ${JSON_API}\r\nAccept: ${JSON_API}\r\nContent-Length: 1000\r\n\r\n{"data":`,
          () => setTimeout(() => socket.destroy(), 50),
        );
      });
      socket.on('close', () => resolve());
      socket.on('error', reject);
    });
    const entry = await sipmock.current.journal.waitFor({ provider: 'sippet', method: 'POST' }, { timeoutMs: 2000 });
    expect(entry.response.status).toBe(400);
    expect(entry.response.headers['x-sipmock-error']).toBe('MOCK_ERR_BODY_MALFORMED');
    const after = await http(sipmock.current.url, '/sippet/api/gateways', { headers: SIPPET });
    expect(after.status).toBe(200);
  });
});
