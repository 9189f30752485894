import { beforeEach, describe, expect, test } from 'vitest';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { http, useSipmock } from '../helpers/start-server.js';

const sipmock = useSipmock({ providers: ['signalwire'] });
const BASE = '/signalwire/api/fabric/resources/sip_gateways';
const A = 'bc949800-7b40-43cf-8438-a85facfcbdd1';
const B = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';
const SEEDED = '0823a606-0aff-4c90-9eba-f88ba118fe05';

const record = (id: string, project: string, name: string) => ({
  id,
  project_id: project,
  display_name: name,
  type: 'sip_gateway',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  sip_gateway: { id: '11111111-2222-4333-8444-555555555555', uri: 'sip:gw@carrier.example.net', name, ciphers: [], codecs: ['PCMU'], encryption: 'default' },
});

async function listIds(project: string): Promise<string[]> {
  const response = await http(sipmock.current.url, BASE, { headers: await PROVIDER_CASES.signalwire.credentials('', project) });
  return (response.json as { data: Array<{ id: string }> }).data.map((g) => g.id);
}

async function create(project: string, name: string): Promise<string> {
  const response = await http(sipmock.current.url, BASE, {
    method: 'POST',
    headers: { ...(await PROVIDER_CASES.signalwire.credentials('', project)), 'content-type': 'application/json' },
    body: JSON.stringify({ name, uri: 'sip:a@b.example.com', encryption: 'default', ciphers: [], codecs: ['PCMU'] }),
  });
  return (response.json as { id: string }).id;
}

const control = (method: string, path: string, body?: unknown) =>
  http(sipmock.current.url, `/__sipmock/state${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

beforeEach(async () => {
  await control('DELETE', '');
});

describe('/__sipmock/state', () => {
  test('DELETE resets every account of a provider to its seed', async () => {
    await create(A, 'one');
    await create(B, 'two');
    expect((await control('DELETE', '/signalwire')).status).toBe(204);
    expect(await listIds(A)).toEqual([SEEDED]);
    expect(await listIds(B)).toEqual([SEEDED]);
  });

  test('DELETE with ?account= resets only that account', async () => {
    const mine = await create(A, 'one');
    const theirs = await create(B, 'two');
    await control('DELETE', `/signalwire?account=${A}`);
    expect(await listIds(A)).toEqual([SEEDED]);
    expect(await listIds(B)).toEqual([SEEDED, theirs]);
    expect(mine).not.toBe(theirs);
  });

  test('GET dumps the stored records per account, and ?account= narrows it', async () => {
    const id = await create(A, 'dumped');
    await listIds(B);
    const all = await control('GET', '/signalwire');
    expect(all.status).toBe(200);
    // B only read: an account is kept from its first write, so reads with new credentials leave nothing behind.
    expect(Object.keys((all.json as { accounts: object }).accounts)).toEqual([A]);
    const one = (await control('GET', `/signalwire?account=${A}`)).json as { provider: string; accounts: Record<string, { gateways: Array<{ id: string }> }> };
    expect(one.provider).toBe('signalwire');
    expect(Object.keys(one.accounts)).toEqual([A]);
    expect(one.accounts[A].gateways.map((g) => g.id)).toEqual([SEEDED, id]);
  });

  test('PUT replaces an account with the records given, and the API serves them', async () => {
    const seeded = record('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', A, 'Seeded by a test');
    const put = await control('PUT', `/signalwire?account=${A}`, { gateways: [seeded] });
    expect(put.status).toBe(200);
    expect(await listIds(A)).toEqual([seeded.id]);
    const read = await http(sipmock.current.url, `${BASE}/${seeded.id}`, { headers: await PROVIDER_CASES.signalwire.credentials('', A) });
    expect(read.json).toEqual(seeded);
  });

  test.each([
    ['a record that breaks the spec', { gateways: [{ ...record('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', A, 'x'), type: 'trunk' }] }, /does not match the get_sip_gateway response: type/],
    ['a record without an id', { gateways: [{ name: 'x' }] }, /needs a string id/],
    ['two records with one id', { gateways: [record('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', A, 'x'), record('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', A, 'y')] }, /repeats id/],
    ['an unknown collection', { trunks: [] }, /unknown collection "trunks"/],
  ])('PUT refuses %s and keeps the stored state', async (_, body, message) => {
    const id = await create(A, 'kept');
    const put = await control('PUT', `/signalwire?account=${A}`, body);
    expect(put.status).toBe(400);
    expect(put.json).toMatchObject({ error: 'MOCK_ERR_STATE_INVALID', message: expect.stringMatching(message) });
    expect(await listIds(A)).toEqual([SEEDED, id]);
  });

  test('answers an unknown provider with a clear 400', async () => {
    const response = await control('GET', '/nosuch');
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: 'MOCK_ERR_STATE_INVALID', message: expect.stringContaining('served: signalwire') });
  });
});
