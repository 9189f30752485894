import { describe, expect, test } from 'vitest';
import { http, useSipmock } from '../../helpers/start-server.js';

/**
 * SignalWire behaviour read from its own sources. DOCS = signalwire/docs@668371b;
 * SDK = signalwire/signalwire-typescript@b33a8ee.
 */
const PROJECT = 'bc949800-7b40-43cf-8438-a85facfcbdd1';
const AUTH = { authorization: `Basic ${Buffer.from(`${PROJECT}:PT0123`).toString('base64')}`, 'content-type': 'application/json' };
const LIST = '/api/fabric/resources/sip_gateways';
const SEEDED = '0823a606-0aff-4c90-9eba-f88ba118fe05';
const gateway = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  uri: 'sip:pbx@sip.example.net',
  encryption: 'optional',
  ciphers: ['AES_CM_128_HMAC_SHA1_80'],
  codecs: ['PCMU'],
  ...extra,
});

type Page = { data: Array<{ id: string; sip_gateway: { name: string } }>; links: Record<string, string> };

/** A client on base URL `base`, as the SDK's HttpClient: a path goes after the base, a full URL as is. */
function sdkClient(base: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const url = path.startsWith('http') ? path : `${base}${path}`;
    const response = await fetch(url, { method, headers: AUTH, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, json: text === '' ? undefined : JSON.parse(text) };
  };
  return {
    call,
    /** SDK src/rest/pagination.ts paginate(): follows links.next by its path and query, on its own base URL. */
    async all(path: string): Promise<{ names: string[]; statuses: number[] }> {
      const names: string[] = [];
      const statuses: number[] = [];
      let next: string | undefined = path;
      while (next) {
        const page = await call('GET', next);
        statuses.push(page.status);
        if (page.status !== 200) break;
        names.push(...(page.json as Page).data.map((g) => g.sip_gateway.name));
        const link = (page.json as Page).links.next;
        next = link === undefined ? undefined : new URL(link).pathname + new URL(link).search;
      }
      return { names, statuses };
    },
  };
}

function suite(mode: string, options: { portPerProvider?: boolean; root?: string }) {
  describe(`signalwire links and lists (${mode})`, () => {
    const sipmock = useSipmock({ providers: ['signalwire'], clock: () => new Date('2026-11-23T10:00:00.000Z'), ...options });
    const base = () => sipmock.current.baseUrl('signalwire');
    const reset = () => http(sipmock.current.url, '/__sipmock/state/signalwire', { method: 'DELETE' });

    test('the SDK pages through every gateway by keeping each link path and query (SDK src/rest/pagination.ts)', async () => {
      await reset();
      const client = sdkClient(base());
      for (let i = 1; i <= 4; i++) expect((await client.call('POST', LIST, gateway(`GW ${i}`))).status).toBe(201);
      const { names, statuses } = await client.all(`${LIST}?page_size=2`);
      expect(statuses).toEqual([200, 200, 200]);
      // Oldest first: the seeded gateway, then the creates in order (DOCS fern/products/apis/pages/core/paging.mdx: follow the links).
      expect(names).toEqual(['Office PBX', 'GW 1', 'GW 2', 'GW 3', 'GW 4']);
    });

    test('a link fetched as it is reaches the same page (DOCS sip_gateways/models/responses.tsp: links are full URLs)', async () => {
      await reset();
      const client = sdkClient(base());
      await client.call('POST', LIST, gateway('Second'));
      const first = (await client.call('GET', `${LIST}?page_size=1`)).json as Page;
      expect(first.links).toEqual({
        self: `${base()}${LIST}?page_number=0&page_size=1`,
        first: `${base()}${LIST}?page_number=0&page_size=1`,
        next: `${base()}${LIST}?page_number=1&page_size=1&page_token=PA${SEEDED}`,
      });
      const second = (await client.call('GET', first.links.next)).json as Page;
      expect(second.data.map((g) => g.sip_gateway.name)).toEqual(['Second']);
      expect(((await client.call('GET', second.links.prev)).json as Page).data).toEqual(first.data);
    });
  });
}

suite('mounted under /signalwire', {});
suite('on a port of its own', { portPerProvider: true });
suite('at the root of the main port', { root: 'signalwire' });

describe('signalwire sip_gateways as the TypeSpec and the error-codes page say', () => {
  const sipmock = useSipmock({ providers: ['signalwire'], clock: () => new Date('2026-11-23T10:00:00.000Z') });
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = AUTH) =>
    http(sipmock.current.url, `/signalwire${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const entry = (code: string, message: string, attribute: string | null) => ({
    type: 'validation_error',
    code,
    message,
    attribute,
    url: `https://signalwire.com/docs/apis/error-codes#${code}`,
  });

  test('accepts codecs as a comma-separated string and stores them as a list (DOCS error-codes.mdx invalid_codecs_format)', async () => {
    const created = await call('POST', LIST, gateway('Csv', { codecs: 'OPUS, PCMU,G722' }));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ sip_gateway: { codecs: ['OPUS', 'PCMU', 'G722'] } });
    const updated = await call('PATCH', `${LIST}/${(created.json as { id: string }).id}`, { codecs: 'PCMA' });
    expect(updated.json).toMatchObject({ sip_gateway: { codecs: ['PCMA'] } });
  });

  test.each([[711], [{ OPUS: true }], [[1, 2]], [null]])('answers codecs %j with invalid_codecs_format (DOCS error-codes.mdx)', async (codecs) => {
    const response = await call('POST', LIST, gateway('Bad', { codecs }));
    expect(response.status).toBe(422);
    expect(response.json).toEqual({ errors: [entry('invalid_codecs_format', 'Codecs must be an array of strings or a comma-separated string', 'codecs')] });
  });

  test('takes the OPUS rate variants of the Codecs enum (DOCS specs/signalwire-rest/_globally_shared/enums.tsp)', async () => {
    const response = await call('POST', LIST, gateway('Opus', { codecs: ['OPUS@48000H@20I', 'OPUS@8000H@20I'] }));
    expect(response.status).toBe(201);
  });

  test('answers an empty PATCH with the gateway unchanged (DOCS sip_gateways/main.tsp @patch implicitOptionality)', async () => {
    const before = (await call('GET', `${LIST}/${SEEDED}`)).json as Record<string, unknown>;
    for (const body of [{}, undefined]) {
      const response = await call('PATCH', `${LIST}/${SEEDED}`, body, body === undefined ? { authorization: AUTH.authorization } : AUTH);
      expect(response.status).toBe(200);
      expect({ ...(response.json as object), updated_at: before.updated_at }).toEqual(before);
    }
  });

  test('refuses a key the closed request schema lacks (DOCS fern/apis/signalwire-rest/openapi.yaml unevaluatedProperties)', async () => {
    const response = await call('POST', LIST, gateway('Extra', { description: 'lab' }));
    expect(response.status).toBe(422);
    expect(response.json).toEqual({ errors: [entry('invalid_parameter', 'Description is not a permitted parameter', 'description')] });
  });

  test('creates with 201 and a resource id apart from the gateway id, deletes with 204 (DOCS sip_gateways/main.tsp, models/responses.tsp)', async () => {
    const created = await call('POST', LIST, gateway('Ids'));
    expect(created.status).toBe(201);
    const body = created.json as { id: string; type: string; created_at: string; sip_gateway: { id: string } };
    expect(body.type).toBe('sip_gateway');
    expect(body.id).not.toBe(body.sip_gateway.id);
    expect(body.created_at).toBe('2026-11-23T10:00:00Z');
    const deleted = await call('DELETE', `${LIST}/${body.id}`);
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
  });

  test('answers 401 and 404 with the one-key bodies (DOCS specs/signalwire-rest/types/status-codes/main.tsp)', async () => {
    expect((await call('GET', LIST, undefined, {})).json).toEqual({ error: 'Unauthorized' });
    const missing = await call('GET', `${LIST}/00000000-0000-4000-8000-000000000000`);
    expect([missing.status, missing.json]).toEqual([404, { error: 'Not Found' }]);
  });

  test('refuses a page past the first without a token (DOCS error-codes.mdx page_token_required)', async () => {
    const response = await call('GET', `${LIST}?page_number=2`);
    expect(response.json).toEqual({ errors: [entry('page_token_required', 'Page token is required when page number is greater than 0', null)] });
  });

  test('refuses a URI that points at SignalWire (DOCS error-codes.mdx sip_gateway_uri_must_be_external)', async () => {
    const response = await call('POST', LIST, gateway('Loop', { uri: 'sip:gw@example.sip.signalwire.com' }));
    expect(response.json).toEqual({ errors: [entry('sip_gateway_uri_must_be_external', 'Uri must point to a SIP entity outside SignalWire', 'uri')] });
  });

  test('runs the SDK reference examples as written: create, rename by the outer id, delete (DOCS fern/products/server-sdks/pages/reference/typescript/rest/fabric/sip-gateways/{create,update}.mdx, SDK rest/examples/rest-fabric-subscribers-and-sip.ts)', async () => {
    const created = await call('POST', LIST, { name: 'my-gateway', uri: 'sip:gw.example.com', encryption: 'required', ciphers: ['AEAD_AES_256_GCM_8'], codecs: ['OPUS', 'PCMU'] });
    expect(created.status).toBe(201);
    const id = (created.json as { id: string }).id;
    const updated = await call('PATCH', `${LIST}/${id}`, { name: 'updated-name' });
    expect(updated.json).toMatchObject({ id, display_name: 'updated-name', sip_gateway: { name: 'updated-name', uri: 'sip:gw.example.com' } });
    expect((await call('DELETE', `${LIST}/${id}`)).status).toBe(204);
  });

  test('reports blank fields with the published example wording (DOCS sip_gateways/models/errors.tsp)', async () => {
    const response = await call('POST', LIST, gateway(''));
    expect(response.json).toEqual({ errors: [entry('missing_required_parameter', "Name can't be blank", 'name')] });
  });
});
