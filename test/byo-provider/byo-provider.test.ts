import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defineProvider, PROVIDERS, startSipmock, type RunningSipmock } from '../../src/index.js';
import { http } from '../helpers/start-server.js';
import { acme } from './acme-provider.js';

describe('a provider of your own, through the public API', () => {
  let running: RunningSipmock;
  const auth = { authorization: 'Bearer acme-test-token', 'content-type': 'application/json' };
  beforeAll(async () => {
    running = await startSipmock({ port: 0, providers: [...PROVIDERS.map((p) => p.slug), acme] });
  });
  afterAll(async () => running.close());

  test('is served beside the built-ins, with its own auth, validation, state and errors', async () => {
    expect((await http(running.url, '/acme/v1/trunks')).status).toBe(401);
    const invalid = await http(running.url, '/acme/v1/trunks', { method: 'POST', headers: auth, body: JSON.stringify({ host: 42 }) });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({ error: { code: 'validation' } });
    const created = await http(running.url, '/acme/v1/trunks', { method: 'POST', headers: auth, body: JSON.stringify({ host: 'pbx.example.org' }) });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ id: 't-1', host: 'pbx.example.org' });
    expect((await http(running.url, '/acme/v1/trunks/t-1', { headers: auth })).json).toEqual({ id: 't-1', host: 'pbx.example.org' });
    expect((await http(running.url, '/acme/v1/trunks', { headers: auth })).json).toEqual([{ id: 't-1', host: 'pbx.example.org' }]);
    expect((await http(running.url, '/acme/v1/trunks/t-9', { headers: auth })).status).toBe(404);
    // The built-ins are still there, and the control API knows the new one.
    expect((await http(running.url, '/signalwire/api/fabric/resources/sip_gateways')).status).toBe(401);
    const health = (await http(running.url, '/__sipmock/health')).json as { providers: Array<{ slug: string }> };
    expect(health.providers.map((p) => p.slug)).toEqual([...PROVIDERS.map((p) => p.slug), 'acme']);
    expect((await http(running.url, '/__sipmock/state/acme')).json).toMatchObject({ accounts: { 'acme-test-token': { trunks: [{ id: 't-1' }] } } });
  });

  test('a definition that names an operationId its spec lacks stops the start, naming the key and the spec', async () => {
    const typo = defineProvider({ ...acme, resources: { ...acme.resources!, handlers: { ...acme.resources!.handlers, listTrunk: acme.resources!.handlers.listTrunks } } });
    await expect(startSipmock({ port: 0, providers: [typo] })).rejects.toThrow(/resources\.handlers names "listTrunk", which is no operationId of the spec.*acme\.openapi\.yaml/);
  });

  test('a slug that is not a URL segment, or given twice, is refused', async () => {
    expect(() => defineProvider({ ...acme, slug: 'Acme Trunks' })).toThrow(/slug/);
    await expect(startSipmock({ port: 0, providers: [acme, acme] })).rejects.toThrow(/given twice/);
  });

  test('an answer that breaks the spec says so every time it is sent, and the next valid one does not', async () => {
    // The handler's answers (sent without Content-Type, so as JSON) alternate: valid, invalid twice
    // (the same bytes), valid again. A verdict kept for repeated answers must never carry over to
    // different ones.
    const answers = [{ id: 't-1', host: 'a' }, { id: 't-1', host: 'a', extra: 1 }, { id: 't-1', host: 'a', extra: 1 }, { id: 't-1', host: 'a' }];
    let call = 0;
    const broken = defineProvider({
      ...acme,
      slug: 'acme-broken',
      resources: { ...acme.resources!, handlers: { ...acme.resources!.handlers, getTrunk: () => ({ status: 200, body: answers[call++] }) } },
    });
    const server = await startSipmock({ port: 0, providers: [broken] });
    try {
      const headers = [];
      for (let i = 0; i < answers.length; i++) headers.push((await http(server.url, '/acme-broken/v1/trunks/t-1', { headers: auth })).headers.get('sl-violations'));
      expect(headers[0]).toBeNull();
      expect(headers[1]).toMatch(/extra/);
      expect(headers[2]).toBe(headers[1]);
      expect(headers[3]).toBeNull();
      const journaled = server.journal.entries({ provider: 'acme-broken' }).map((entry) => entry.violations.filter((v) => v.side === 'response').length);
      expect(journaled.map((count) => count > 0)).toEqual([false, true, true, false]);
    } finally {
      await server.close();
    }
  });
});
