import { beforeEach, describe, expect, test } from 'vitest';
import { PROVIDER_CASES } from '../../helpers/provider-cases.js';
import { http, useSipmock, type HttpResult } from '../../helpers/start-server.js';

const sipmock = useSipmock({ providers: ['signalwire'], clock: () => new Date('2026-11-23T10:00:00.000Z') });
const PROJECT = 'bc949800-7b40-43cf-8438-a85facfcbdd1';
const OTHER_PROJECT = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const BASE = '/signalwire/api/fabric/resources/sip_gateways';
const SEEDED = '0823a606-0aff-4c90-9eba-f88ba118fe05';

async function call(method: string, path: string, body?: unknown, project = PROJECT): Promise<HttpResult> {
  const headers = { ...(await PROVIDER_CASES.signalwire.credentials('', project)), 'content-type': 'application/json' };
  const response = await http(sipmock.current.url, path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(response.headers.get('sl-violations'), response.headers.get('sl-violations') ?? '').toBeNull();
  return response;
}

const gateway = (name: string, uri = 'sip:pbx@sip.example.net') => ({
  name,
  uri,
  encryption: 'optional',
  ciphers: ['AES_CM_128_HMAC_SHA1_80'],
  codecs: ['PCMU', 'OPUS'],
});

beforeEach(async () => {
  await http(sipmock.current.url, '/__sipmock/state/signalwire', { method: 'DELETE' });
});

describe('signalwire sip_gateways', () => {
  test('creates, reads, lists, updates and deletes a gateway, then answers 404', async () => {
    const created = await call('POST', BASE, gateway('Branch PBX'));
    expect(created.status).toBe(201);
    const record = created.json as { id: string; sip_gateway: { id: string } };
    expect(record).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      project_id: PROJECT,
      display_name: 'Branch PBX',
      type: 'sip_gateway',
      created_at: '2026-11-23T10:00:00Z',
      updated_at: '2026-11-23T10:00:00Z',
      sip_gateway: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), ...gateway('Branch PBX') },
    });
    expect(record.sip_gateway.id).not.toBe(record.id);

    expect((await call('GET', `${BASE}/${record.id}`)).json).toEqual(record);
    const list = (await call('GET', BASE)).json as { data: Array<{ id: string }> };
    expect(list.data.map((g) => g.id)).toEqual([SEEDED, record.id]);

    const updated = await call('PATCH', `${BASE}/${record.id}`, { name: 'Branch PBX 2', codecs: ['G722'] });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ display_name: 'Branch PBX 2', sip_gateway: { name: 'Branch PBX 2', codecs: ['G722'], uri: 'sip:pbx@sip.example.net' } });

    expect((await call('DELETE', `${BASE}/${record.id}`)).status).toBe(204);
    const gone = await call('GET', `${BASE}/${record.id}`);
    expect(gone.status).toBe(404);
    expect(gone.json).toEqual({ error: 'Not Found' });
  });

  test.each([
    ['sip:gw@example.sip.signalwire.com', 422],
    ['user@signalwire.com', 422],
    ['sip:gw@carrier.example.net:5061', 201],
    ['pbx.example.org', 201],
  ])('answers a gateway uri %s with %i', async (uri, status) => {
    const response = await call('POST', BASE, gateway('Edge', uri));
    expect(response.status).toBe(status);
    if (status === 422) {
      expect(response.json).toEqual({
        errors: [
          {
            type: 'validation_error',
            code: 'sip_gateway_uri_must_be_external',
            message: 'Uri must point to a SIP entity outside SignalWire',
            attribute: 'uri',
            url: 'https://signalwire.com/docs/apis/error-codes#sip_gateway_uri_must_be_external',
          },
        ],
      });
    }
  });

  test('pages through the stored gateways with page_size and the page_token links', async () => {
    for (let i = 0; i < 4; i++) await call('POST', BASE, gateway(`GW ${i}`));
    const seen: string[] = [];
    let path: string | undefined = `${BASE}?page_size=2`;
    let pages = 0;
    while (path) {
      const page = (await call('GET', path)).json as { data: Array<{ id: string }>; links: { next?: string; self: string; first: string } };
      expect(page.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.data.map((g) => g.id));
      path = page.links.next ? new URL(page.links.next).pathname.replace(/^/, '') + new URL(page.links.next).search : undefined;
      pages++;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    const all = (await call('GET', `${BASE}?page_size=1000`)).json as { data: Array<{ id: string }> };
    expect(seen).toEqual(all.data.map((g) => g.id));
  });

  test('refuses a page past the first without a token, and an unknown token', async () => {
    const missing = await call('GET', `${BASE}?page_number=1`);
    expect(missing.status).toBe(422);
    expect((missing.json as { errors: Array<{ code: string }> }).errors[0].code).toBe('page_token_required');
    const unknown = await call('GET', `${BASE}?page_number=1&page_token=PAffffffff-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(422);
    expect((unknown.json as { errors: Array<{ code: string }> }).errors[0].code).toBe('page_token_is_invalid');
  });

  test('lists the address of a gateway', async () => {
    const response = await call('GET', `${BASE}/${SEEDED}/addresses`);
    expect(response.status).toBe(200);
    expect((response.json as { data: Array<{ name: string; channels: unknown }> }).data).toEqual([
      expect.objectContaining({ name: 'office-pbx', channels: { audio: '/external/office-pbx?channel=audio' }, type: 'call' }),
    ]);
  });

  test('keeps each project to its own gateways', async () => {
    const mine = (await call('POST', BASE, gateway('Mine'))).json as { id: string };
    const theirs = await call('GET', `${BASE}/${mine.id}`, undefined, OTHER_PROJECT);
    expect(theirs.status).toBe(404);
    const theirList = (await call('GET', BASE, undefined, OTHER_PROJECT)).json as { data: Array<{ id: string; project_id: string }> };
    expect(theirList.data.map((g) => g.id)).toEqual([SEEDED]);
    expect(theirList.data[0].project_id).toBe(OTHER_PROJECT);
  });

  test('gives 200 parallel creates 200 distinct ids, all listed', async () => {
    const created = await Promise.all(Array.from({ length: 200 }, (_, i) => call('POST', BASE, gateway(`Bulk ${i}`))));
    const ids = created.map((r) => (r.json as { id: string }).id);
    expect(new Set(ids).size).toBe(200);
    const list = (await call('GET', `${BASE}?page_size=1000`)).json as { data: Array<{ id: string }> };
    expect(list.data).toHaveLength(201);
    expect(list.data.map((g) => g.id)).toEqual(expect.arrayContaining(ids));
  });

  test('leaves a gateway equal to one of 100 parallel PATCHes', async () => {
    const names = Array.from({ length: 100 }, (_, i) => `Concurrent ${i}`);
    await Promise.all(names.map((name) => call('PATCH', `${BASE}/${SEEDED}`, { name, codecs: [name.endsWith('7') ? 'G722' : 'PCMA'] })));
    const final = (await call('GET', `${BASE}/${SEEDED}`)).json as { display_name: string; sip_gateway: { name: string; codecs: string[] } };
    expect(names).toContain(final.sip_gateway.name);
    expect(final.display_name).toBe(final.sip_gateway.name);
    expect(final.sip_gateway.codecs).toEqual([final.sip_gateway.name.endsWith('7') ? 'G722' : 'PCMA']);
  });
});
