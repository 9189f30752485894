import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { yeti } from '../../../src/providers/yeti/index.js';
import { startSipmock, type RunningSipmock } from '../../../src/server/create-app.js';
import { createLogger } from '../../../src/server/logger.js';
import { http } from '../../helpers/start-server.js';

// The shipped fixture fixtures/yeti/createRegistration/happy-path.json recorded a create that made registration 10.
const REGISTRATIONS = '/yeti/api/rest/admin/registrations';
const JSON_API = 'application/vnd.api+json';
const RECORDED_BODY = {
  data: { type: 'registrations', attributes: { name: 'office-pbx-101', domain: 'sip.example.net', username: '101', contact: 'sip:101@203.0.113.21:5060' } },
};

describe('serve --replay, Yeti registrations', () => {
  let running: RunningSipmock;
  let headers: Record<string, string>;
  beforeAll(async () => {
    running = await startSipmock({ port: 0, providers: [yeti.slug], replay: { mode: 'fallback' }, logger: createLogger({ quiet: true }) });
    // The login is never replayed: the token must be one this server issued.
    const login = await http(running.url, '/yeti/api/rest/admin/auth', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ auth: { username: 'admin', password: '111111' } }) });
    expect(login.headers.get('x-sipmock-fixture')).toBeNull();
    headers = { authorization: (login.json as { jwt: string }).jwt, 'content-type': JSON_API, accept: JSON_API };
  });
  afterAll(async () => running.close());

  test('a replayed create lands in the store: the record reads back, and the next create gets the next id', async () => {
    const replayed = await http(running.url, REGISTRATIONS, { method: 'POST', headers, body: JSON.stringify(RECORDED_BODY) });
    expect(replayed.headers.get('x-sipmock-fixture')).toBe('yeti/createRegistration/happy-path');
    const read = await http(running.url, `${REGISTRATIONS}/10`, { headers });
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ data: { id: '10', attributes: { name: 'office-pbx-101' } } });

    const body = { data: { type: 'registrations', attributes: { name: 'after-replay', domain: 'sip.example.net', username: '102', contact: 'sip:102@203.0.113.22' } } };
    const created = await http(running.url, REGISTRATIONS, { method: 'POST', headers, body: JSON.stringify(body) });
    expect(created.status, created.text).toBe(201);
    expect((created.json as { data: { id: string } }).data.id).toBe('11');
  });

  test('a replayed delete removes the record from the store', async () => {
    const deleted = await http(running.url, `${REGISTRATIONS}/9`, { method: 'DELETE', headers });
    expect(deleted.headers.get('x-sipmock-fixture')).toBe('yeti/deleteRegistration/happy-path');
    // A GET would be answered by its own recording: the stored state tells what the delete did. Admin 1 is the account.
    const dump = await http(running.url, '/__sipmock/state/yeti?account=1');
    const ids = (dump.json as { accounts: Record<string, { registrations: Array<{ id: string }> }> }).accounts['1'].registrations.map((r) => r.id);
    expect(ids).not.toContain('9');
    expect(ids).toContain('10');
  });
});
