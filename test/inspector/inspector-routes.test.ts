import { describe, expect, test } from 'vitest';
import { INSPECTOR_SCRIPT } from '../../src/inspector/inspector-script.js';
import { startSipmock } from '../../src/server/create-app.js';
import { createLogger } from '../../src/server/logger.js';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { http, useSipmock } from '../helpers/start-server.js';

const GATEWAYS = '/signalwire/api/fabric/resources/sip_gateways';

/** Reads server-sent events from a stream until `count` entry events have come. */
async function readEvents(body: ReadableStream<Uint8Array>, count: number): Promise<Array<{ id: string; data: { id: number; operationId: string; response: { status: number } } }>> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  const events = () => text.split('\n\n').filter((block) => block.includes('event: entry')).map((block) => {
    const id = /^id: (.*)$/m.exec(block)![1];
    return { id, data: JSON.parse(/^data: (.*)$/m.exec(block)![1]) };
  });
  while (events().length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
  }
  await reader.cancel();
  return events();
}

describe('GET /__sipmock/ (the inspector page)', () => {
  const sipmock = useSipmock({ providers: ['signalwire'] });

  test('serves one page, its script and its style from the package, with no external asset', async () => {
    const page = await http(sipmock.current.url, '/__sipmock/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'; script-src 'self'");
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(assets).toEqual(['/__sipmock/inspector.css', '/__sipmock/inspector.js']);
    const script = await http(sipmock.current.url, '/__sipmock/inspector.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.text).toBe(INSPECTOR_SCRIPT);
    expect((await http(sipmock.current.url, '/__sipmock/inspector.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  test('its script is valid JavaScript (a syntax error would only show in a browser)', () => {
    expect(() => new Function(INSPECTOR_SCRIPT)).not.toThrow();
  });

  test('follows the control API rules: a token, when set, is required', async () => {
    const guarded = await startSipmock({ providers: ['signalwire'], controlToken: 'sekret', logger: createLogger({ quiet: true }) });
    try {
      expect((await http(guarded.url, '/__sipmock/')).status).toBe(401);
      expect((await http(guarded.url, '/__sipmock/journal/events')).status).toBe(401);
      expect((await http(guarded.url, '/__sipmock/', { headers: { authorization: 'Bearer sekret' } })).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe('GET /__sipmock/journal/events', () => {
  const sipmock = useSipmock({ providers: ['signalwire'] });

  test('replays the entries after ?since, then streams new ones as they are recorded', async () => {
    const auth = await PROVIDER_CASES.signalwire.credentials('');
    await http(sipmock.current.url, GATEWAYS, { headers: auth });
    const [first] = sipmock.current.journal.entries();
    const response = await fetch(`${sipmock.current.url}/__sipmock/journal/events?since=${first.id - 1}`);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const events = readEvents(response.body!, 2);
    await http(sipmock.current.url, GATEWAYS);
    const [replayed, live] = await events;
    expect(replayed).toMatchObject({ id: String(first.id), data: { id: first.id, operationId: 'list_sip_gateways', response: { status: 200 } } });
    expect(live).toMatchObject({ id: String(first.id + 1), data: { response: { status: 401 } } });
  });

  test('a stream is ended by close(), so shutdown stays prompt', async () => {
    const server = await startSipmock({ providers: ['signalwire'], logger: createLogger({ quiet: true }) });
    const response = await fetch(`${server.url}/__sipmock/journal/events`);
    const reader = response.body!.getReader();
    await reader.read();
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(1000);
    let done = false;
    while (!done) done = (await reader.read()).done;
  });
});
