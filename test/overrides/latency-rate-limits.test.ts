import { describe, expect, test } from 'vitest';
import { signalwire } from '../../src/providers/signalwire/index.js';
import { defineProvider } from '../../src/providers/define-provider.js';
import { toLatencyOptions } from '../../src/server/latency.js';
import { startCli } from '../helpers/cli-process.js';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { http, useSipmock } from '../helpers/start-server.js';

const LIST = '/signalwire/api/fabric/resources/sip_gateways';
const timed = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};
const apikey = (url: string) =>
  http(url, '/voicetel/v2.1/account/apikey/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 4592086960, password: 'pw' }) });

describe('latency', () => {
  test.each([
    ['100', { all: { min: 100, max: 100 } }],
    ['50-200', { all: { min: 50, max: 200 } }],
    ['20,signalwire=100-300', { all: { min: 20, max: 20 }, byProvider: { signalwire: { min: 100, max: 300 } } }],
  ])('--latency %s', (text, want) => {
    expect(toLatencyOptions(text)).toEqual(want);
  });

  test.each(['fast', '200-50', 'signalwire=', '-5'])('refuses --latency %s', (text) => {
    expect(() => toLatencyOptions(text)).toThrow(/--latency/);
  });

  const sipmock = useSipmock({ providers: ['signalwire', 'voicetel'], latency: { byProvider: { signalwire: { min: 150, max: 150 } } } });

  test('delays one provider as configured and leaves the others alone', async () => {
    const auth = await PROVIDER_CASES.signalwire.credentials('');
    expect(await timed(() => http(sipmock.current.url, LIST, { headers: auth }))).toBeGreaterThanOrEqual(145);
    expect(await timed(() => http(sipmock.current.url, '/voicetel/v2.1/gateways/list/', { method: 'POST' }))).toBeLessThan(145);
  });
});

describe('rate limits', () => {
  const off = useSipmock({ providers: ['voicetel'] });
  const on = useSipmock({ providers: ['signalwire', 'voicetel'], rateLimits: true });

  test('are off by default: a seventh account/apikey in the hour passes', async () => {
    for (let i = 0; i < 7; i++) expect((await apikey(off.current.url)).status).toBe(200);
  });

  // VoiceTel account.json: account/apikey allows 6 requests per hour per IP, then 429.
  test('VoiceTel account/apikey: the seventh request in the hour is a 429 with Retry-After', async () => {
    for (let i = 0; i < 6; i++) expect((await apikey(on.current.url)).status).toBe(200);
    const refused = await apikey(on.current.url);
    expect(refused.status).toBe(429);
    expect(refused.json).toEqual({ statusCode: '429', status: 'Error', message: 'Rate limit exceeded' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3500);
    expect(refused.headers.get('x-sipmock-error')).toBe('MOCK_ERR_RATE_LIMITED');
    // The 429 of accountApikey is documented (specs/voicetel.openapi.yaml): the answer keeps to it.
    expect(refused.headers.get('sl-violations')).toBeNull();
  });

  // SignalWire rate-limits.mdx (signalwire/docs 668371b): every response carries the limit and what remains.
  test('SignalWire: every response carries the write limit, and a write spends it', async () => {
    const auth = await PROVIDER_CASES.signalwire.credentials('');
    const read = await http(on.current.url, LIST, { headers: auth });
    expect(read.headers.get('x-ratelimit-limit')).toBe('13800');
    expect(read.headers.get('x-ratelimit-remaining')).toBe('13800');
    await http(on.current.url, `${LIST}/0823a606-0aff-4c90-9eba-f88ba118fe05`, { method: 'DELETE', headers: auth });
    const after = await http(on.current.url, LIST, { headers: auth });
    expect(after.headers.get('x-ratelimit-remaining')).toBe('13799');
  });

  // The same enforcement with a limit small enough to reach: SignalWire's rule, 2 writes per 10 s.
  const small = useSipmock({
    providers: [defineProvider({ ...signalwire, rateLimits: [{ ...signalwire.rateLimits![0], limit: 2 }] })],
    rateLimits: true,
  });

  test('a spent write budget answers 429 rate_limit_exceeded with Retry-After, and reads still pass', async () => {
    const auth = await PROVIDER_CASES.signalwire.credentials('');
    const remove = () => http(small.current.url, `${LIST}/0823a606-0aff-4c90-9eba-f88ba118fe05`, { method: 'DELETE', headers: auth });
    expect((await remove()).status).toBe(204);
    expect((await remove()).status).toBe(404);
    const refused = await remove();
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ errors: [{ type: 'rate_limit_error', code: 'rate_limit_exceeded' }] });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect((await http(small.current.url, LIST, { headers: auth })).status).toBe(200);
  });
});

describe('serve flags', () => {
  test('--latency, --cors, --rate-limits and --journal-size reach the server', async () => {
    const cli = startCli(['serve', '--port', '0', '--providers', 'signalwire', '--quiet', '--latency', 'signalwire=120', '--cors', 'https://app.example', '--rate-limits', '--journal-size', '1']);
    try {
      const ready = await cli.waitForLine((line) => line.startsWith('sipmock ready'));
      const url = /sipmock ready (\S+)/.exec(ready)![1];
      const auth = await PROVIDER_CASES.signalwire.credentials('');
      let answered: Awaited<ReturnType<typeof http>> | undefined;
      expect(await timed(async () => (answered = await http(url, LIST, { headers: { ...auth, origin: 'https://app.example' } })))).toBeGreaterThanOrEqual(115);
      expect(answered!.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(answered!.headers.get('x-ratelimit-limit')).toBe('13800');
      await http(url, LIST, { headers: auth });
      const journal = await http(url, '/__sipmock/journal');
      expect((journal.json as { entries: unknown[] }).entries).toHaveLength(1);
    } finally {
      cli.child.kill('SIGTERM');
      await cli.exited;
    }
  });

  test('refuses a malformed --latency', async () => {
    const cli = startCli(['serve', '--port', '0', '--latency', 'slow']);
    const exit = await cli.exited;
    expect(exit.code).not.toBe(0);
    expect(cli.stderr()).toMatch(/--latency/);
  });
});
