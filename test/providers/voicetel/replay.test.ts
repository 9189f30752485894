import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { voicetel } from '../../../src/providers/voicetel/index.js';
import { startSipmock, type RunningSipmock } from '../../../src/server/create-app.js';
import { createLogger } from '../../../src/server/logger.js';
import { http } from '../../helpers/start-server.js';

// The shipped fixture fixtures/voicetel/gatewaysAdd/happy-path.json recorded an add that created route 1000.
const ADD = '/voicetel/v2.1/gateways/add/';
const KEY = { authorization: 'Bearer 0123456789abcdef0123456789abcdef', 'content-type': 'application/json' };

describe('serve --replay, VoiceTel routes', () => {
  let running: RunningSipmock;
  beforeAll(async () => {
    running = await startSipmock({ port: 0, providers: [voicetel.slug], replay: { mode: 'fallback' }, logger: createLogger({ quiet: true }) });
  });
  afterAll(async () => running.close());

  test('a replayed add moves the route sequence on, so the next real add gets route 1001 and overwrites nothing', async () => {
    const replayed = await http(running.url, ADD, { method: 'POST', headers: KEY, body: JSON.stringify({ gateways: [{ gateway: '203.0.113.10:5060' }] }) });
    expect(replayed.headers.get('x-sipmock-fixture')).toMatch(/^voicetel\/gatewaysAdd\//);
    const real = await http(running.url, ADD, { method: 'POST', headers: KEY, body: JSON.stringify({ gateways: [{ gateway: '198.51.100.77' }] }) });
    expect(real.headers.get('x-sipmock-fixture')).toBeNull();
    expect(real.json).toMatchObject({ gateways: [{ route: '1000', IP: '203.0.113.10:5060' }, { route: '1001', IP: '198.51.100.77' }] });
    // A list would be answered by its own recording: the stored state shows both routes.
    const dump = await http(running.url, '/__sipmock/state/voicetel?account=0123456789abcdef0123456789abcdef');
    const stored = (dump.json as { accounts: Record<string, { gateways: Array<{ id: string; gateway: string }> }> }).accounts['0123456789abcdef0123456789abcdef'].gateways;
    expect(stored).toEqual([
      { id: '1000', gateway: '203.0.113.10:5060' },
      { id: '1001', gateway: '198.51.100.77' },
    ]);
  });
});
