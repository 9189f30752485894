import { beforeEach, describe, expect, test } from 'vitest';
import { startSipmock } from '../../../src/server/create-app.js';
import { createLogger } from '../../../src/server/logger.js';
import { PROVIDER_CASES } from '../../helpers/provider-cases.js';
import { http, useSipmock, type HttpResult } from '../../helpers/start-server.js';

const sipmock = useSipmock({ providers: ['sippet'] });
const TOKEN = 'sk_test_state_one';
const OTHER_TOKEN = 'sk_test_state_two';
const PATH = '/sippet/api/gateways';
const SEEDED = '3f6c2a1e-8b4d-4c57-9e21-6a0d5b7c9f13';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const JSONAPI = 'application/vnd.api+json';

type Resource = { id: string; type: string; attributes: Record<string, unknown>; links: { self: string } };
type Doc = { data: Resource; links: { self: string } };
type ListDoc = { data: Resource[]; links: Record<string, string | null>; meta: { page: Record<string, number> } };
type ErrorDoc = { errors: Array<Record<string, unknown>> };

const base = () => `${sipmock.current.url}/sippet`;

async function call(method: string, path: string, body?: unknown, token = TOKEN, url = sipmock.current.url): Promise<HttpResult> {
  const headers = { ...(await PROVIDER_CASES.sippet.credentials('', token)), accept: JSONAPI, ...(body === undefined ? {} : { 'content-type': JSONAPI }) };
  const response = await http(url, path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(response.headers.get('sl-violations'), response.headers.get('sl-violations') ?? '').toBeNull();
  if (response.text !== '') expect(response.headers.get('content-type')).toMatch(/^application\/vnd\.api\+json/);
  return response;
}

const SEED_ATTRIBUTES = {
  name: 'Vonage UK trunk',
  provider: 'vonage',
  username: 'sippet-uk-01',
  password: 'example-sip-password',
  realm: 'sip.example.net',
  proxy: '203.0.113.10:5060',
  register: true,
  from_domain: 'sip.example.net',
  from_user: '442079460123',
  inbound_acl: ['203.0.113.0/24'],
};
const DEFAULTS = { username: null, password: null, realm: null, proxy: null, register: false, from_domain: null, from_user: null, inbound_acl: [] };

const resource = (id: string, attributes: Record<string, unknown>) => ({
  id,
  type: 'Gateway',
  attributes,
  relationships: { organisation: { links: {}, meta: {} } },
  links: { self: `${base()}/api/gateways/${id}` },
  meta: {},
});
// AshJsonApi puts the route metadata, `%{}` by default, in every document (controllers/*.ex fetch_metadata).
const single = (id: string, attributes: Record<string, unknown>, self: string) => ({ data: resource(id, attributes), jsonapi: { version: '1.0' }, links: { self }, meta: {} });
const createBody = (attributes: Record<string, unknown>) => ({ data: { type: 'Gateway', attributes, relationships: {} } });
const patchBody = (id: string, attributes: Record<string, unknown>) => ({ data: { id, type: 'Gateway', attributes } });
const error = (status: string, code: string, title: string, detail: string, source: Record<string, string>) => ({
  errors: [{ id: expect.stringMatching(UUID), status, code, title, detail, source, meta: {} }],
  jsonapi: { version: '1.0' },
});
const notFound = (id: string) => ({
  errors: [{ id: expect.stringMatching(UUID), status: '404', code: 'not_found', title: 'Entity Not Found', detail: `No Gateway record found with \`id: ${id}\``, meta: {} }],
  jsonapi: { version: '1.0' },
});

async function create(attributes: Record<string, unknown>, token = TOKEN): Promise<string> {
  const response = await call('POST', PATH, createBody(attributes), token);
  expect(response.status, response.text).toBe(201);
  return (response.json as Doc).data.id;
}

/** Three more gateways beside the seeded one, with distinct providers, flags and nulls. */
async function createFleet(): Promise<Record<string, string>> {
  return {
    twilio: await create({ name: 'Twilio Elastic SIP trunk', provider: 'twilio', proxy: '198.51.100.20:5060', register: false }),
    telnyx: await create({ name: 'Telnyx backup trunk', provider: 'telnyx' }),
    plivo: await create({ name: 'Plivo trunk', provider: 'plivo', username: 'alpha', register: true }),
  };
}

beforeEach(async () => {
  await http(sipmock.current.url, '/__sipmock/state/sippet', { method: 'DELETE' });
});

describe('sippet gateways: workflow', () => {
  test('every account starts with the spec example gateway', async () => {
    const response = await call('GET', `${PATH}/${SEEDED}`);
    expect(response.status).toBe(200);
    expect(response.json).toEqual(single(SEEDED, SEED_ATTRIBUTES, `${base()}/api/gateways/${SEEDED}`));
  });

  test('creates, reads, lists, updates and deletes a gateway, then answers 404', async () => {
    const attributes = { name: 'Telnyx backup trunk', provider: 'telnyx', realm: 'sip.telnyx.example' };
    const created = await call('POST', PATH, createBody(attributes));
    expect(created.status).toBe(201);
    const id = (created.json as Doc).data.id;
    expect(id).toMatch(UUID);
    const stored = { ...attributes, ...DEFAULTS, realm: 'sip.telnyx.example' };
    expect(created.json).toEqual(single(id, { name: 'Telnyx backup trunk', provider: 'telnyx', ...DEFAULTS, realm: 'sip.telnyx.example' }, `${base()}/api/gateways`));

    expect((await call('GET', `${PATH}/${id}`)).json).toEqual(single(id, stored, `${base()}/api/gateways/${id}`));
    const list = (await call('GET', PATH)).json as ListDoc;
    expect(list).toEqual({
      data: [resource(SEEDED, SEED_ATTRIBUTES), resource(id, stored)],
      jsonapi: { version: '1.0' },
      links: { first: `${base()}/api/gateways?page[limit]=25`, self: `${base()}/api/gateways?page[limit]=25`, prev: null, next: null },
      meta: { page: { limit: 25, offset: 0 } },
    });

    const updated = await call('PATCH', `${PATH}/${id}`, patchBody(id, { register: true, username: 'telnyx-01', inbound_acl: ['192.0.2.10/32'] }));
    expect(updated.status).toBe(200);
    const patched = { ...stored, register: true, username: 'telnyx-01', inbound_acl: ['192.0.2.10/32'] };
    expect(updated.json).toEqual(single(id, patched, `${base()}/api/gateways/${id}`));

    const deleted = await call('DELETE', `${PATH}/${id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual(single(id, patched, `${base()}/api/gateways/${id}`));

    for (const method of ['GET', 'DELETE']) {
      const gone = await call(method, `${PATH}/${id}`);
      expect(gone.status).toBe(404);
      expect(gone.json).toEqual(notFound(id));
    }
    const gonePatch = await call('PATCH', `${PATH}/${id}`, patchBody(id, { register: false }));
    expect(gonePatch.status).toBe(404);
    expect(gonePatch.json).toEqual(notFound(id));
  });
});

describe('sippet gateways: PATCH rules', () => {
  test.each([
    {
      given: 'a single attribute: only it changes',
      body: patchBody(SEEDED, { proxy: '203.0.113.11:5060' }),
      want: { status: 200, attributes: { ...SEED_ATTRIBUTES, proxy: '203.0.113.11:5060' } },
    },
    {
      given: 'null for nullable attributes',
      body: patchBody(SEEDED, { username: null, password: null }),
      want: { status: 200, attributes: { ...SEED_ATTRIBUTES, username: null, password: null } },
    },
    {
      given: 'no attributes at all',
      body: { data: { id: SEEDED } },
      want: { status: 200, attributes: SEED_ATTRIBUTES },
    },
    {
      given: '`name`, which the update action does not accept',
      body: patchBody(SEEDED, { name: 'Renamed' }),
      want: {
        status: 400,
        body: error('400', 'invalid_body', 'InvalidBody', 'Expected only defined properties, got key ["data", "attributes", "name"].', { pointer: '/data/attributes/name' }),
      },
    },
    {
      // ash-project/ash_json_api@50e64166 controllers/helpers.ex update_record reads the record from the URL only.
      given: 'a data.id other than the URL id: it is ignored',
      body: patchBody('9b1d4e7c-2a6f-4f38-8c05-d3e7a1b2c4f6', { register: false }),
      want: { status: 200, attributes: { ...SEED_ATTRIBUTES, register: false } },
    },
    {
      // json_schema.ex route_in_schema(:patch) does not require data.id (test/acceptance/patch_test.exs).
      given: 'no data.id',
      body: { data: { type: 'Gateway', attributes: { register: false } } },
      want: { status: 200, attributes: { ...SEED_ATTRIBUTES, register: false } },
    },
  ])('PATCH with $given', async ({ body, want }) => {
    const response = await call('PATCH', `${PATH}/${SEEDED}`, body);
    expect(response.status, response.text).toBe(want.status);
    if (want.body) expect(response.json).toEqual(want.body);
    const after = (await call('GET', `${PATH}/${SEEDED}`)).json as Doc;
    // A refused PATCH changes nothing.
    expect(after.data.attributes).toEqual(want.attributes ?? SEED_ATTRIBUTES);
  });

  test('answers 404 for an id that is not stored, and invalid_query for a GET of an id that is not a UUID', async () => {
    const missing = '0e4a7c2d-6b91-4f35-8d1e-a3c5f7b9d204';
    const response = await call('PATCH', `${PATH}/${missing}`, patchBody(missing, { register: false }));
    expect(response.status).toBe(404);
    expect(response.json).toEqual(notFound(missing));
    // The get route's href schema types the id as a uuid (json_schema.ex add_route_properties).
    const malformed = await call('GET', `${PATH}/not-a-uuid`);
    expect(malformed.status).toBe(400);
    expect((malformed.json as ErrorDoc).errors[0]).toMatchObject({ code: 'invalid_query', source: { pointer: '/id' } });
  });
});

describe('sippet gateways: list filters and sort', () => {
  test.each([
    { given: 'filter[provider]=twilio', want: ['twilio'] },
    { given: 'filter[register]=true', want: ['seed', 'plivo'] },
    { given: 'filter[register]=false', want: ['twilio', 'telnyx'] },
    { given: 'filter[name]=Telnyx%20backup%20trunk', want: ['telnyx'] },
    { given: 'filter[username]=alpha', want: ['plivo'] },
    { given: 'filter[proxy]=nothing.example', want: [] },
    { given: 'filter[register]=true&filter[provider]=vonage', want: ['seed'] },
    { given: 'sort=name', want: ['plivo', 'telnyx', 'twilio', 'seed'] },
    { given: 'sort=-name', want: ['seed', 'twilio', 'telnyx', 'plivo'] },
    { given: 'sort=-register,name', want: ['plivo', 'seed', 'telnyx', 'twilio'] },
    { given: 'sort=username', want: ['plivo', 'seed', 'twilio', 'telnyx'] },
    { given: 'sort=-username', want: ['twilio', 'telnyx', 'seed', 'plivo'] },
    { given: 'filter[register]=false&sort=-provider', want: ['twilio', 'telnyx'] },
  ])('GET ?$given', async ({ given, want }) => {
    const ids: Record<string, string> = { seed: SEEDED, ...(await createFleet()) };
    const response = await call('GET', `${PATH}?${given}`);
    expect(response.status, response.text).toBe(200);
    expect((response.json as ListDoc).data.map((g) => g.id)).toEqual(want.map((name) => ids[name]));
  });

  test.each([
    { given: 'sort=created', want: error('400', 'invalid_sort', 'InvalidSort', 'Invalid sort field: created', { parameter: 'sort' }) },
    { given: 'sort=name,-secret', want: error('400', 'invalid_sort', 'InvalidSort', 'Invalid sort field: -secret', { parameter: 'sort' }) },
    { given: 'sort=%2Bprovider', want: error('400', 'invalid_sort', 'InvalidSort', 'Invalid sort field: +provider', { parameter: 'sort' }) },
    { given: 'fields[Gateway]=name,secret', want: error('400', 'invalid_field', 'InvalidField', 'Invalid field for type Gateway: secret', { parameter: 'fields[Gateway]' }) },
  ])('refuses GET ?$given with 400', async ({ given, want }) => {
    const response = await call('GET', `${PATH}?${given}`);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(want);
  });

  // Ash reports these with errors AshJsonApi has no JSON:API rendering for (error.ex fallback): 400
  // something_went_wrong. `filter=provider` decodes to an equality on provider with an empty value.
  test.each(['filter[foo]=bar', 'filter[inbound_acl]=203.0.113.0/24', 'filter[register]=yes', 'page[limit]=0'])('refuses GET ?%s with 400 something_went_wrong', async (given) => {
    const response = await call('GET', `${PATH}?${given}`);
    expect(response.status).toBe(400);
    expect((response.json as ErrorDoc).errors).toEqual([expect.objectContaining({ status: '400', code: 'something_went_wrong', title: 'SomethingWentWrong' })]);
  });
});

describe('sippet gateways: pagination', () => {
  test('pages with page[limit]/page[offset], counts with page[count] and links like AshJsonApi', async () => {
    const ids = [SEEDED, ...Object.values(await createFleet()), await create({ name: 'Generic trunk', provider: 'generic' })];
    const url = `${base()}/api/gateways`;

    const first = (await call('GET', `${PATH}?page[limit]=2&page[count]=true&sort=name`)).json as ListDoc;
    expect(first.data.map((g) => g.id)).toEqual([ids[4], ids[3]]);
    expect(first.meta).toEqual({ page: { limit: 2, offset: 0, total: 5 } });
    // serializer.ex put_count_param writes page[count]=true into every link of a counted page.
    expect(first.links).toEqual({
      first: `${url}?page[count]=true&page[limit]=2&sort=name`,
      self: `${url}?page[count]=true&page[limit]=2&sort=name`,
      prev: null,
      next: `${url}?page[count]=true&page[limit]=2&page[offset]=2&sort=name`,
      last: `${url}?page[count]=true&page[limit]=2&page[offset]=3&sort=name`,
    });

    const middle = (await call('GET', `${PATH}?page[limit]=2&page[offset]=2&sort=name`)).json as ListDoc;
    expect(middle.data.map((g) => g.id)).toEqual([ids[2], ids[1]]);
    expect(middle.meta).toEqual({ page: { limit: 2, offset: 2 } });
    expect(middle.links).toEqual({
      first: `${url}?page[limit]=2&sort=name`,
      self: `${url}?page[limit]=2&page[offset]=2&sort=name`,
      prev: `${url}?page[limit]=2&sort=name`,
      next: `${url}?page[limit]=2&page[offset]=4&sort=name`,
    });

    const last = (await call('GET', `${PATH}?page[limit]=2&page[offset]=4&page[count]=true&sort=name`)).json as ListDoc;
    expect(last.data.map((g) => g.id)).toEqual([ids[0]]);
    expect(last.links.next).toBeNull();
    expect(last.links.prev).toBe(`${url}?page[count]=true&page[limit]=2&page[offset]=2&sort=name`);
  });

  test('following next from the first page visits every gateway once', async () => {
    for (let i = 0; i < 6; i++) await create({ name: `Trunk ${i}`, provider: 'generic' });
    const seen: string[] = [];
    let next: string | undefined = `${PATH}?page[limit]=3`;
    while (next) {
      const page = (await call('GET', next)).json as ListDoc;
      seen.push(...page.data.map((g) => g.id));
      next = page.links.next === null ? undefined : page.links.next.slice(sipmock.current.url.length);
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen[0]).toBe(SEEDED);
  });

  test('keeps filters and fields in the links, form-encoded, in sorted order', async () => {
    const response = await call('GET', `${PATH}?sort=-name&filter[name]=Vonage%20UK%20trunk&fields[Gateway]=name,provider`);
    const list = response.json as ListDoc;
    const query = 'fields[Gateway]=name%2Cprovider&filter[name]=Vonage+UK+trunk&page[limit]=25&sort=-name';
    expect(list.links).toEqual({ first: `${base()}/api/gateways?${query}`, self: `${base()}/api/gateways?${query}`, prev: null, next: null });
    expect(list.data).toEqual([resource(SEEDED, { name: 'Vonage UK trunk', provider: 'vonage' })]);
  });
});

describe('sippet gateways: sparse fieldsets', () => {
  const FIELDS = 'fields[Gateway]=provider,register';
  const sparse = { provider: 'vonage', register: true };

  test.each([
    { given: 'GET', method: 'GET', path: `${PATH}/${SEEDED}?${FIELDS}`, body: undefined, status: 200, want: sparse },
    { given: 'PATCH', method: 'PATCH', path: `${PATH}/${SEEDED}?${FIELDS}`, body: patchBody(SEEDED, { register: false }), status: 200, want: { provider: 'vonage', register: false } },
    { given: 'DELETE', method: 'DELETE', path: `${PATH}/${SEEDED}?${FIELDS}`, body: undefined, status: 200, want: sparse },
    { given: 'POST', method: 'POST', path: `${PATH}?${FIELDS}`, body: createBody({ name: 'Plivo trunk', provider: 'plivo' }), status: 201, want: { provider: 'plivo', register: false } },
    { given: 'GET with only id', method: 'GET', path: `${PATH}/${SEEDED}?fields[Gateway]=id`, body: undefined, status: 200, want: {} },
  ])('$given returns only the listed attributes', async ({ method, path, body, status, want }) => {
    const response = await call(method, path, body);
    expect(response.status, response.text).toBe(status);
    const doc = response.json as Doc;
    expect(doc.data.attributes).toEqual(want);
    expect(doc.links.self).toBe(`${sipmock.current.url}${path}`);
  });

  test('the list applies the fieldset to every gateway', async () => {
    await create({ name: 'Plivo trunk', provider: 'plivo' });
    const list = (await call('GET', `${PATH}?fields[Gateway]=name`)).json as ListDoc;
    expect(list.data.map((g) => g.attributes)).toEqual([{ name: 'Vonage UK trunk' }, { name: 'Plivo trunk' }]);
  });

  test.each(['GET', 'DELETE', 'PATCH', 'POST'])('%s refuses an unknown field with invalid_field', async (method) => {
    const body = method === 'PATCH' ? patchBody(SEEDED, {}) : method === 'POST' ? createBody({ name: 'X', provider: 'plivo' }) : undefined;
    const path = method === 'POST' ? PATH : `${PATH}/${SEEDED}`;
    const response = await call(method, `${path}?fields[Gateway]=secret`, body);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(error('400', 'invalid_field', 'InvalidField', 'Invalid field for type Gateway: secret', { parameter: 'fields[Gateway]' }));
    expect((await call('GET', PATH)).json).toMatchObject({ data: [{ id: SEEDED }] });
  });
});

describe('sippet gateways: accounts and concurrency', () => {
  test('keeps each token to its own gateways, also in parallel', async () => {
    const [mine, theirs] = await Promise.all([
      Promise.all(Array.from({ length: 20 }, (_, i) => create({ name: `Mine ${i}`, provider: 'generic' }, TOKEN))),
      Promise.all(Array.from({ length: 20 }, (_, i) => create({ name: `Theirs ${i}`, provider: 'generic' }, OTHER_TOKEN))),
    ]);
    const myList = ((await call('GET', `${PATH}?page[limit]=250`)).json as ListDoc).data.map((g) => g.id);
    const theirList = ((await call('GET', `${PATH}?page[limit]=250`, undefined, OTHER_TOKEN)).json as ListDoc).data.map((g) => g.id);
    expect(myList.sort()).toEqual([SEEDED, ...mine].sort());
    expect(theirList.sort()).toEqual([SEEDED, ...theirs].sort());
    const crossRead = await call('GET', `${PATH}/${mine[0]}`, undefined, OTHER_TOKEN);
    expect(crossRead.status).toBe(404);
    const crossDelete = await call('DELETE', `${PATH}/${mine[0]}`, undefined, OTHER_TOKEN);
    expect(crossDelete.status).toBe(404);
    expect((await call('GET', `${PATH}/${mine[0]}`)).status).toBe(200);
  });

  test('gives 200 parallel creates 200 distinct ids, all listed', async () => {
    const ids = await Promise.all(Array.from({ length: 200 }, (_, i) => create({ name: `Bulk ${i}`, provider: 'generic' })));
    expect(new Set(ids).size).toBe(200);
    const list = (await call('GET', `${PATH}?page[limit]=250&page[count]=true`)).json as ListDoc;
    expect(list.meta.page.total).toBe(201);
    expect(list.data).toHaveLength(201);
    expect(list.data.map((g) => g.id)).toEqual(expect.arrayContaining(ids));
  });

  test('leaves a gateway equal to one of 100 parallel PATCHes', async () => {
    const patches = Array.from({ length: 100 }, (_, i) => ({ username: `user-${i}`, proxy: `198.51.100.${i}:5060`, register: i % 2 === 0 }));
    const responses = await Promise.all(patches.map((attributes) => call('PATCH', `${PATH}/${SEEDED}`, patchBody(SEEDED, attributes))));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const final = ((await call('GET', `${PATH}/${SEEDED}`)).json as Doc).data.attributes;
    expect(patches.map((p) => ({ ...SEED_ATTRIBUTES, ...p }))).toContainEqual(final);
  });

  test('gives identical ids to identical request sequences on two fresh servers', async () => {
    const run = async () => {
      const server = await startSipmock({ port: 0, providers: ['sippet'], logger: createLogger({ quiet: true }) });
      try {
        const ids: string[] = [];
        for (const token of [TOKEN, OTHER_TOKEN, TOKEN]) {
          const response = await call('POST', PATH, createBody({ name: 'Same', provider: 'vonage' }), token, server.url);
          ids.push((response.json as Doc).data.id);
        }
        return ids;
      } finally {
        await server.close();
      }
    };
    const [a, b] = [await run(), await run()];
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(3);
  });
});

describe('sippet gateways: control API', () => {
  const stored = { id: '9b1d4e7c-2a6f-4f38-8c05-d3e7a1b2c4f6', name: 'Twilio Elastic SIP trunk', provider: 'twilio', ...DEFAULTS, proxy: '198.51.100.20:5060' };

  test('GET /__sipmock/state/sippet shows each account records', async () => {
    const id = await create({ name: 'Plivo trunk', provider: 'plivo' });
    await call('GET', PATH, undefined, OTHER_TOKEN);
    const dump = await http(sipmock.current.url, '/__sipmock/state/sippet');
    expect(dump.status).toBe(200);
    expect(dump.json).toEqual({
      provider: 'sippet',
      accounts: {
        // OTHER_TOKEN only read: an account is kept from its first write.
        [TOKEN]: { gateways: [{ id: SEEDED, ...SEED_ATTRIBUTES }, { id, name: 'Plivo trunk', provider: 'plivo', ...DEFAULTS }] },
      },
      allocation: { [TOKEN]: { draws: 1, sequences: { gateways: 0 } } },
    });
  });

  test('PUT ?account= replaces the account records, which the API then serves', async () => {
    const put = await http(sipmock.current.url, `/__sipmock/state/sippet?account=${TOKEN}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ gateways: [stored] }),
    });
    expect(put.status, put.text).toBe(200);
    const list = (await call('GET', PATH)).json as ListDoc;
    expect(list.data).toEqual([resource(stored.id, { ...DEFAULTS, name: stored.name, provider: 'twilio', proxy: stored.proxy })]);
    expect((await call('GET', `${PATH}/${SEEDED}`)).status).toBe(404);
    const other = (await call('GET', PATH, undefined, OTHER_TOKEN)).json as ListDoc;
    expect(other.data.map((g) => g.id)).toEqual([SEEDED]);
  });

  test.each([
    { given: 'a provider outside the enum', record: { ...stored, provider: 'sipgate' }, why: 'provider' },
    { given: 'register as a string', record: { ...stored, register: 'yes' }, why: 'register' },
    { given: 'a missing attribute', record: { id: stored.id, name: 'No provider' }, why: 'lacks provider' },
    { given: 'an unknown attribute', record: { ...stored, transport: 'udp' }, why: 'transport' },
  ])('PUT refuses a record with $given (400) and keeps the state', async ({ record, why }) => {
    const put = await http(sipmock.current.url, `/__sipmock/state/sippet?account=${TOKEN}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ gateways: [record] }),
    });
    expect(put.status).toBe(400);
    expect(put.text).toContain(why);
    expect(((await call('GET', PATH)).json as ListDoc).data.map((g) => g.id)).toEqual([SEEDED]);
  });
});
