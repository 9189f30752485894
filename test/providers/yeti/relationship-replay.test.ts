import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { yeti } from '../../../src/providers/yeti/index.js';
import { startSipmock, type RunningSipmock } from '../../../src/server/create-app.js';
import { createLogger } from '../../../src/server/logger.js';
import { http } from '../../helpers/start-server.js';

// fixtures/yeti/updateRegistrationPopRelationship/happy-path.json recorded registration 9 moved to PoP 5 (a 204, no body).
const API = '/yeti/api/rest/admin';
const JSON_API = 'application/vnd.api+json';

describe('serve --replay, Yeti relationship routes', () => {
  let running: RunningSipmock;
  let headers: Record<string, string>;
  beforeAll(async () => {
    running = await startSipmock({ port: 0, providers: [yeti.slug], replay: { mode: 'fallback' }, logger: createLogger({ quiet: true }) });
    const login = await http(running.url, `${API}/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ auth: { username: 'admin', password: '111111' } }) });
    headers = { authorization: (login.json as { jwt: string }).jwt, 'content-type': JSON_API, accept: JSON_API };
  });
  afterAll(async () => running.close());

  const stored = async () => {
    const dump = await http(running.url, '/__sipmock/state/yeti?account=1');
    const registrations = (dump.json as { accounts: Record<string, { registrations: Array<{ id: string; relationships: Record<string, string | null> }> }> }).accounts['1'].registrations;
    return registrations.find((r) => r.id === '9')!.relationships;
  };

  test('a replayed relationship update changes the stored record as the request says', async () => {
    const replayed = await http(running.url, `${API}/registrations/9/relationships/pop`, { method: 'PATCH', headers, body: JSON.stringify({ data: { type: 'pops', id: '5' } }) });
    expect(replayed.status).toBe(204);
    expect(replayed.headers.get('x-sipmock-fixture')).toBe('yeti/updateRegistrationPopRelationship/happy-path');
    expect((await stored()).pop).toBe('5');
  });

  test('a replayed relationship delete clears it', async () => {
    const replayed = await http(running.url, `${API}/registrations/9/relationships/node`, { method: 'DELETE', headers });
    expect(replayed.headers.get('x-sipmock-fixture')).toBe('yeti/deleteRegistrationNodeRelationship/happy-path');
    expect((await stored()).node).toBeNull();
  });
});
