import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, decodeJwt } from 'jose';
import { beforeEach, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_SPECS_DIR, startSipmock } from '../../../src/server/create-app.js';
import { createLogger } from '../../../src/server/logger.js';
import { http, useSipmock, type HttpResult } from '../../helpers/start-server.js';

/**
 * Yeti's admin API with state: JWT logins as accounts, registrations with increasing integer ids,
 * jsonapi-resources validation errors, paging, sparse fieldsets and includes, PoPs and nodes.
 */
const ADMIN = 'admin:111111';
const OPS = 'ops:secret';
const SECRET = new Uint8Array(32).fill(7); // useSipmock's secret
const sipmock = useSipmock({ providers: ['yeti'], credentials: { yeti: [ADMIN, OPS] } });
const API = '/yeti/api/rest/admin';
const JSON_API = 'application/vnd.api+json';

const spec = parse(readFileSync(join(DEFAULT_SPECS_DIR, 'yeti.openapi.yaml'), 'utf8'));
/** Follows `$ref`s inside the spec. */
function deref(node: any): any {
  while (node?.$ref) node = node.$ref.slice(2).split('/').reduce((parent: any, key: string) => parent[key], spec);
  return node;
}
/** A spec example's value (a copy). Answers are compared with this server's base URL written as the spec's host. */
function specExample(node: unknown): any {
  return structuredClone(deref(node).value);
}
const SPEC_HOST = 'https://yeti.example.com';
const example = (name: string) => specExample({ $ref: `#/components/examples/${name}` });
const responseExample = (path: string, method: string, status: string, name: string, mediaType = JSON_API) =>
  specExample(deref(spec.paths[`/api/rest/admin${path}`][method].responses[status]).content[mediaType].examples[name]);

const tokens = new Map<string, string>();
async function login(credentials: string, baseUrl = sipmock.current.url): Promise<HttpResult> {
  const [username, password] = credentials.split(':');
  return http(baseUrl, `${API}/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ auth: { username, password } }) });
}
async function token(credentials = ADMIN, baseUrl = sipmock.current.url): Promise<string> {
  const key = `${baseUrl} ${credentials}`;
  if (!tokens.has(key)) tokens.set(key, ((await login(credentials, baseUrl)).json as { jwt: string }).jwt);
  return tokens.get(key)!;
}

type CallOptions = { as?: string; headers?: Record<string, string>; baseUrl?: string };
/** One JSON:API call with the admin's JWT; every answer must match the spec. */
async function call(method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<HttpResult> {
  const baseUrl = options.baseUrl ?? sipmock.current.url;
  const headers = { authorization: await token(options.as, baseUrl), accept: JSON_API, ...(body === undefined ? {} : { 'content-type': JSON_API }), ...options.headers };
  const response = await http(baseUrl, `${API}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  expect(response.headers.get('sl-violations'), response.headers.get('sl-violations') ?? '').toBeNull();
  // Links are absolute: write this server's base URL as the spec examples' host.
  return { ...response, json: response.text === '' ? undefined : JSON.parse(response.text.replaceAll(`${baseUrl}/yeti`, SPEC_HOST)) };
}
const get = (path: string, options?: CallOptions) => call('GET', path, undefined, options);
const data = (response: HttpResult) => (response.json as { data: any }).data;
const ids = (response: HttpResult) => (data(response) as Array<{ id: string }>).map((resource) => resource.id);

const registration = (name: string, attributes: Record<string, unknown> = {}, relationships?: Record<string, unknown>) => ({
  data: { type: 'registrations', attributes: { name, domain: 'sip.example.net', username: name, contact: `sip:${name}@203.0.113.21:5060`, ...attributes }, ...(relationships ? { relationships } : {}) },
});
const create = (name: string, attributes?: Record<string, unknown>, options?: CallOptions) => call('POST', '/registrations', registration(name, attributes), options);
const patch = (id: string, changes: Record<string, unknown>, method = 'PATCH') => call(method, `/registrations/${id}`, { data: { type: 'registrations', id, ...changes } });
const link = (type: string, id: string | null) => ({ data: id === null ? null : { type, id } });
const invalid = (name: string, message: string, member = 'attributes') => ({
  title: message,
  detail: `${name} - ${message}`,
  code: '100',
  source: { pointer: `/data/${member}/${name}` },
  status: '422',
});
const badRequest = (code: string, title: string, detail: string) => ({ errors: [{ title, detail, code, status: '400' }] });

beforeEach(async () => {
  await http(sipmock.current.url, '/__sipmock/state/yeti', { method: 'DELETE' });
});

describe('yeti login', () => {
  test('trades an admin login for a JWT whose subject is the admin id', async () => {
    const response = await login(ADMIN);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const payload = decodeJwt((response.json as { jwt: string }).jwt);
    expect(payload).toEqual({ sub: 1, aud: ['admin'], exp: expect.any(Number) });
    expect(decodeJwt((((await login(OPS)).json) as { jwt: string }).jwt).sub).toBe(2);
  });

  test('answers a wrong login with the JSON:API 401', async () => {
    const response = await login('admin:wrong');
    expect(response.status).toBe(401);
    expect(response.json).toEqual(responseExample('/auth', 'post', '401', 'invalid-credentials', 'application/json'));
  });

  test.each([
    ['malformed JSON', '{"auth": {"username": "admin",}}'],
    ['a body without auth', JSON.stringify({ login: { username: 'admin', password: '111111' } })],
  ])('answers %s with the Rails 400 page', async (_, body) => {
    const response = await http(sipmock.current.url, `${API}/auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(400);
    expect(response.headers.get('sl-violations')).toBeNull();
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.json).toEqual({ status: 400, error: 'Bad Request' });
  });

  const sign = (secret: Uint8Array, exp: number) => new SignJWT({ sub: 1 as unknown as string, aud: ['admin'] }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime(exp).sign(secret);
  test.each([
    ['no token', async () => undefined],
    ['an expired token', async () => sign(SECRET, Math.floor(Date.now() / 1000) - 60)],
    ['a token signed with another secret', async () => sign(new Uint8Array(32).fill(8), Math.floor(Date.now() / 1000) + 600)],
    ['garbage', async () => 'not.a.jwt'],
  ])('answers %s with an empty 401', async (_, make) => {
    const jwt = await make();
    const response = await http(sipmock.current.url, `${API}/registrations`, { headers: { accept: JSON_API, ...(jwt ? { authorization: jwt } : {}) } });
    expect(response.status).toBe(401);
    expect(response.text).toBe('');
  });

  test('takes the token bare, after Bearer, or as ?token=', async () => {
    const jwt = await token();
    expect((await http(sipmock.current.url, `${API}/registrations/9`, { headers: { authorization: `Bearer ${jwt}` } })).status).toBe(200);
    expect((await http(sipmock.current.url, `${API}/registrations/9?token=${jwt}`)).status).toBe(200);
  });
});

describe('yeti registrations', () => {
  test('creates, reads, lists, updates and deletes a registration, then answers 404; ids are never reused', async () => {
    const created = await call('POST', '/registrations', { data: { type: 'registrations', attributes: { name: 'office-pbx-101', domain: 'sip.example.net', username: '101', contact: 'sip:101@203.0.113.21:5060' } } });
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toBe(JSON_API);
    expect(created.json).toEqual(example('RegistrationCreated'));

    expect((await get('/registrations/10')).json).toEqual(example('RegistrationCreated'));
    const list = await get('/registrations');
    expect(ids(list)).toEqual(['9', '10']);
    expect((list.json as { meta: unknown }).meta).toEqual({ 'total-count': 2 });

    const disabled = await patch('10', { attributes: { enabled: false, 'route-set': ['sip:edge1.sip.example.net;lr'] } });
    expect(disabled.status).toBe(200);
    const expected = example('RegistrationCreated');
    expected.data.attributes = { ...expected.data.attributes, enabled: false, 'route-set': ['sip:edge1.sip.example.net;lr'] };
    expect(disabled.json).toEqual(expected);
    // PUT is partial too: only the name changes.
    const renamed = await patch('10', { attributes: { name: 'office-pbx-berlin' } }, 'PUT');
    expected.data.attributes.name = 'office-pbx-berlin';
    expect(renamed.json).toEqual(expected);
    expect((await get('/registrations/10')).json).toEqual(expected);

    const deleted = await call('DELETE', '/registrations/10');
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    const gone = await get('/registrations/10');
    expect(gone.status).toBe(404);
    expect(gone.json).toEqual({ errors: [{ title: 'Record not found', detail: 'The record identified by 10 could not be found.', code: '404', status: '404' }] });
    expect(data(await create('after-delete')).id).toBe('11');
  });

  test('keeps the seeded registration 9 as the spec shows it, and renames it with the documented PUT', async () => {
    expect((await get('/registrations/9')).json).toEqual(example('Registration'));
    const renamed = await call('PUT', '/registrations/9', { data: { type: 'registrations', id: 9, attributes: { name: 'office-pbx-berlin' } } });
    expect(renamed.json).toEqual(example('RegistrationRenamed'));
  });

  test('creates with every attribute and relationship, and changes relationships on update', async () => {
    const full = spec.paths['/api/rest/admin/registrations'].post.requestBody.content[JSON_API].examples.full.value;
    await create('filler'); // id 10, so that the full example gets the spec's id 11
    const created = await call('POST', '/registrations', full);
    expect(created.json).toEqual(example('RegistrationCreatedFull'));
    const withIncludes = await get('/registrations/11?include=transport-protocol,pop,node');
    expect(data(withIncludes).relationships['transport-protocol'].data).toEqual({ type: 'transport-protocols', id: '2' });
    await patch('11', { relationships: { pop: link('pops', null), node: link('nodes', null), 'transport-protocol': link('transport-protocols', '5') } });
    const cleared = await get('/registrations/11?include=transport-protocol,pop,node');
    expect(data(cleared).relationships).toMatchObject({ 'transport-protocol': { data: { type: 'transport-protocols', id: '5' } }, pop: { data: null }, node: { data: null } });
    expect((cleared.json as { included: unknown }).included).toEqual([{ id: '5', type: 'transport-protocols', links: { self: `${SPEC_HOST}/api/rest/admin/transport-protocols/5` }, attributes: { name: 'WS' } }]);
  });

  const twoSites = { pop: link('pops', '4'), node: link('nodes', '7') };
  test.each<[string, Record<string, unknown>, Record<string, unknown> | undefined, unknown[]]>([
    ['a taken name', { name: 'office-pbx-main' }, undefined, [invalid('name', 'has already been taken')]],
    ['an empty name', { name: '' }, undefined, [invalid('name', "can't be blank")]],
    ['a blank domain', { domain: '   ' }, undefined, [invalid('domain', "can't be blank")]],
    ['a contact that is not a sip URI', { contact: 'http://pbx.example.net' }, undefined, [invalid('contact', 'is invalid')]],
    ['retry-delay 0', { 'retry-delay': 0 }, undefined, [invalid('retry-delay', 'must be greater than 0')]],
    ['retry-delay 32768', { 'retry-delay': 32768 }, undefined, [invalid('retry-delay', 'must be less than or equal to 32767')]],
    ['retry-delay "soon"', { 'retry-delay': 'soon' }, undefined, [invalid('retry-delay', 'is not a number')]],
    ['max-attempts 2.5', { 'max-attempts': 2.5 }, undefined, [invalid('max-attempts', 'must be an integer')]],
    ['max-attempts 0', { 'max-attempts': 0 }, undefined, [invalid('max-attempts', 'must be greater than 0')]],
    ['max-attempts 40000', { 'max-attempts': 40000 }, undefined, [invalid('max-attempts', 'must be less than or equal to 32767')]],
    ['sip-schema-id 3', { 'sip-schema-id': 3 }, undefined, [invalid('sip-schema-id', 'is not included in the list')]],
    // belongs_to's "must exist" and the presence validation both fail (yeti-web app/models/equipment/registration.rb).
    ['transport protocol 4 (there is none)', {}, { 'transport-protocol': link('transport-protocols', '4') }, [invalid('transport-protocol', 'must exist', 'relationships'), invalid('transport-protocol', "can't be blank", 'relationships')]],
    ['a PoP that does not exist', {}, { pop: link('pops', '99') }, [invalid('pop', 'must exist', 'relationships')]],
    ['a node that does not exist', {}, { node: link('nodes', '99') }, [invalid('node', 'must exist', 'relationships')]],
    ['a taken name and a missing node', { name: 'office-pbx-main' }, { ...twoSites, node: link('nodes', '99') }, [invalid('name', 'has already been taken'), invalid('node', 'must exist', 'relationships')]],
    ['several bad attributes', { name: '', 'retry-delay': 0, 'sip-schema-id': 9 }, undefined, [invalid('name', "can't be blank"), invalid('retry-delay', 'must be greater than 0'), invalid('sip-schema-id', 'is not included in the list')]],
  ])('refuses a create with %s: 422, one error per attribute', async (_, attributes, relationships, errors) => {
    const response = await call('POST', '/registrations', registration('new-one', attributes, relationships));
    expect(response.status).toBe(422);
    expect(response.json).toEqual({ errors });
    expect(ids(await get('/registrations'))).toEqual(['9']);
  });

  test('answers a create without any required attribute as the spec example does', async () => {
    const response = await call('POST', '/registrations', { data: { type: 'registrations', attributes: { enabled: true } } });
    expect(response.json).toEqual(responseExample('/registrations', 'post', '422', 'required-attributes-blank'));
  });

  test.each<[string, unknown, unknown]>([
    ['an id', { type: 'registrations', id: '12', attributes: registration('x').data.attributes }, badRequest('105', 'Param not allowed', 'id is not allowed.')],
    ['an unknown attribute', { type: 'registrations', attributes: { ...registration('x').data.attributes, proxy: 'sbc' } }, badRequest('105', 'Param not allowed', 'proxy is not allowed.')],
    ['another type', { type: 'gateways', attributes: registration('x').data.attributes }, example('RegistrationInvalidResourceError')],
    ['a linkage of the wrong type', { ...registration('x').data, relationships: { 'transport-protocol': link('pops', '1') } }, badRequest('116', 'Type Mismatch', 'pops is not a valid type for this operation.')],
    ['no type', { attributes: registration('x').data.attributes }, example('MissingTypeError')],
  ])('refuses a create document with %s: 400', async (_, document, body) => {
    const response = await call('POST', '/registrations', { data: document });
    expect(response.status).toBe(400);
    expect(response.json).toEqual(body);
  });

  test.each<[string, string, Record<string, unknown>, number, unknown]>([
    ['a data.id other than the URL', '9', { type: 'registrations', id: '10', attributes: { enabled: false } }, 400, example('KeyNotIncludedInUrlError')],
    ['no data.id', '9', { type: 'registrations', attributes: { enabled: false } }, 400, example('MissingKeyError')],
    ['an unknown id', '999', { type: 'registrations', id: 999, attributes: { enabled: false } }, 404, { errors: [{ title: 'Record not found', detail: 'The record identified by 999 could not be found.', code: '404', status: '404' }] }],
    ['the name of another registration', '10', { type: 'registrations', id: '10', attributes: { name: 'office-pbx-main' } }, 422, example('RegistrationNameTakenError')],
    ['max-attempts 0', '9', { type: 'registrations', id: '9', attributes: { 'max-attempts': 0 } }, 422, responseExample('/registrations/{id}', 'patch', '422', 'max-attempts-not-positive')],
    ['a node that does not exist', '9', { type: 'registrations', id: '9', relationships: { node: link('nodes', '99') } }, 422, example('NodeMustExistError')],
  ])('refuses an update with %s', async (_, id, document, status, body) => {
    await create('second'); // id 10
    const before = (await get('/registrations/9')).json;
    for (const method of ['PATCH', 'PUT']) {
      const response = await call(method, `/registrations/${id}`, { data: document });
      expect(response.status).toBe(status);
      expect(response.json).toEqual(body);
    }
    expect((await get('/registrations/9')).json).toEqual(before);
  });

  test('lets a registration keep its own name, and answers a bad id in the URL with 400', async () => {
    expect((await patch('9', { attributes: { name: 'office-pbx-main', expire: 60 } })).status).toBe(200);
    expect((await get('/registrations/abc')).json).toEqual(example('InvalidIdError'));
  });
});

describe('yeti registration lists', () => {
  /** Registrations 10..13 after the seeded 9: names z-, y-, x-, w-; retry-delay 40, 30, 20, 10; max-attempts 4, null, 4, null. */
  async function createFour(): Promise<void> {
    for (const [index, name] of ['z-pbx', 'y-pbx', 'x-pbx', 'w-pbx'].entries()) {
      await create(name, { 'retry-delay': 40 - index * 10, 'max-attempts': index % 2 === 0 ? 4 : null });
    }
  }
  const pageLink = (query: string) => `${SPEC_HOST}/api/rest/admin/registrations?${query}`;

  test('pages with page[number] and page[size], with first/prev/next/last links and the total count', async () => {
    await createFour();
    const second = await get('/registrations?page[number]=2&page[size]=2');
    expect(ids(second)).toEqual(['11', '12']);
    expect((second.json as { links: unknown; meta: unknown }).links).toEqual({
      first: pageLink('page%5Bnumber%5D=1&page%5Bsize%5D=2'),
      prev: pageLink('page%5Bnumber%5D=1&page%5Bsize%5D=2'),
      next: pageLink('page%5Bnumber%5D=3&page%5Bsize%5D=2'),
      last: pageLink('page%5Bnumber%5D=3&page%5Bsize%5D=2'),
    });
    expect((second.json as { meta: unknown }).meta).toEqual({ 'total-count': 5 });
    const first = await get('/registrations?page[size]=2');
    expect(Object.keys((first.json as { links: object }).links)).toEqual(['first', 'next', 'last']);
    const last = await get('/registrations?page[number]=3&page[size]=2');
    expect(ids(last)).toEqual(['13']);
    expect(Object.keys((last.json as { links: object }).links)).toEqual(['first', 'prev', 'last']);
    const beyond = await get('/registrations?page[number]=9&page[size]=2');
    expect(beyond.json).toMatchObject({ data: [], links: { prev: pageLink('page%5Bnumber%5D=8&page%5Bsize%5D=2') }, meta: { 'total-count': 5 } });
    const everything = await get('/registrations');
    expect(ids(everything)).toEqual(['9', '10', '11', '12', '13']);
    expect((everything.json as { links: unknown }).links).toEqual({ first: pageLink('page%5Bnumber%5D=1&page%5Bsize%5D=50'), last: pageLink('page%5Bnumber%5D=1&page%5Bsize%5D=50') });
  });

  test('keeps fields, filter, include and sort in the links, as Rails writes the query', async () => {
    await createFour();
    const response = await get('/registrations?sort=-name&include=pop,node&fields[registrations]=name,pop&filter[id]=9,10,11&page[size]=1&token=ignored');
    expect((response.json as { links: { next: string } }).links.next).toBe(
      pageLink('fields%5Bregistrations%5D=name%2Cpop&filter%5Bid%5D=9%2C10%2C11&include=pop%2Cnode&page%5Bnumber%5D=2&page%5Bsize%5D=1&sort=-name'),
    );
  });

  test.each([
    ['sort=name', ['9', '13', '12', '11', '10']],
    ['sort=-name', ['10', '11', '12', '13', '9']],
    ['sort=retry-delay,-id', ['9', '13', '12', '11', '10']],
    ['sort=max-attempts,id', ['10', '12', '9', '11', '13']],
    ['sort=-max-attempts', ['9', '11', '13', '10', '12']],
    ['sort=-id', ['13', '12', '11', '10', '9']],
    ['filter[id]=12,9,99', ['9', '12']],
    ['filter[id]=99', []],
  ])('lists with %s', async (query, expected) => {
    await createFour();
    expect(ids(await get(`/registrations?${query}`))).toEqual(expected);
  });

  test('includes the related resources once each, with linkage only for the included relationships', async () => {
    expect((await get('/registrations/9?include=transport-protocol,pop,node')).json).toEqual(example('RegistrationWithIncludes'));
    await create('on-tcp', {}); // no pop, no node
    await call('POST', '/registrations', registration('fra-2', {}, { pop: link('pops', '4'), node: link('nodes', '8') }));
    const response = await get('/registrations?include=node,pop');
    const body = response.json as { data: any[]; included: any[] };
    expect(body.data.map((r) => [r.relationships.pop.data, r.relationships.node.data, 'data' in r.relationships['transport-protocol']])).toEqual([
      [{ type: 'pops', id: '4' }, { type: 'nodes', id: '7' }, false],
      [null, null, false],
      [{ type: 'pops', id: '4' }, { type: 'nodes', id: '8' }, false],
    ]);
    expect(body.included.map((r) => `${r.type}/${r.id}`)).toEqual(['pops/4', 'nodes/7', 'nodes/8']);
    expect(body.included[1]).toEqual(example('Node').data);
    expect('included' in ((await get('/registrations?include=pop&filter[id]=10')).json as object)).toBe(false);
  });

  test('answers sparse fieldsets, leaving out empty attributes or relationships', async () => {
    const self = `${SPEC_HOST}/api/rest/admin/registrations/9`;
    expect(data(await get('/registrations/9?fields[registrations]=name,domain'))).toEqual({
      id: '9',
      type: 'registrations',
      links: { self },
      attributes: { domain: 'sip.example.net', name: 'office-pbx-main' },
    });
    expect((await get('/registrations/9?fields[registrations]=pop&include=pop,node&fields[pops]=name')).json).toEqual({
      data: {
        id: '9',
        type: 'registrations',
        links: { self },
        relationships: { pop: { links: { self: `${self}/relationships/pop`, related: `${self}/pop` }, data: { type: 'pops', id: '4' } } },
      },
      included: [example('Pop').data],
    });
    const nodeNames = (await get('/registrations?include=node&fields[nodes]=name&fields[registrations]=node')).json as { included: unknown[] };
    expect(nodeNames.included).toEqual([{ id: '7', type: 'nodes', links: { self: `${SPEC_HOST}/api/rest/admin/nodes/7` }, attributes: { name: 'fra-node-01' } }]);
  });

  test.each([
    ['page[number]=0', 'InvalidPageValueError'],
    ['page[size]=1001', 'PageSizeTooLargeError'],
    ['include=gateway', 'RegistrationInvalidIncludeError'],
    ['fields[registrations]=name,proxy', 'RegistrationInvalidFieldError'],
    ['sort=name,created-at', 'invalid-sort'],
    ['filter[enabled]=true', 'filter-not-allowed'],
  ])('refuses %s with the documented 400', async (query, name) => {
    const response = await get(`/registrations?${query}`);
    expect(response.status).toBe(400);
    const documented = name.includes('-') ? responseExample('/registrations', 'get', '400', name) : example(name);
    expect(response.json).toEqual(documented);
  });
});

describe('yeti transport protocols, PoPs and nodes', () => {
  test('lists and reads the four transport protocols, filtered by name', async () => {
    expect((await get('/transport-protocols')).json).toEqual(responseExample('/transport-protocols', 'get', '200', 'transport-protocols'));
    expect((await get('/transport-protocols?filter[name]=TLS')).json).toEqual(responseExample('/transport-protocols', 'get', '200', 'filtered-by-name'));
    expect((await get('/transport-protocols/3')).json).toEqual(responseExample('/transport-protocols/{id}', 'get', '200', 'tls'));
    expect(ids(await get('/transport-protocols?sort=-name'))).toEqual(['5', '1', '3', '2']);
    expect((await get('/transport-protocols/4')).status).toBe(404);
  });

  test('creates, renames and deletes PoPs with client-chosen ids', async () => {
    expect((await get('/pops')).json).toEqual(responseExample('/pops', 'get', '200', 'pops'));
    const created = await call('POST', '/pops', { data: { type: 'pops', id: '6', attributes: { name: 'London' } } });
    expect(created.status).toBe(201);
    expect(created.json).toEqual(responseExample('/pops', 'post', '201', 'created'));
    const renamed = await call('PATCH', '/pops/4', { data: { type: 'pops', id: '4', attributes: { name: 'Frankfurt-1' } } });
    expect(renamed.json).toEqual(responseExample('/pops/{id}', 'patch', '200', 'updated'));
    expect((await call('DELETE', '/pops/6')).status).toBe(204);
    expect((await get('/pops/6')).status).toBe(404);
  });

  test.each([
    ['name_cont=FRA', ['4']],
    ['name_start=am', ['5']],
    ['name_end=furt', ['4']],
    ['name_eq=Amsterdam', ['5']],
    ['name_not_eq=Amsterdam', ['4']],
    ['name_in=Amsterdam,Paris', ['5']],
    ['name_not_in=Amsterdam,Paris', ['4']],
    ['name_cont_any=dam,xyz', ['5']],
    ['name=Frankfurt', ['4']],
    ['id=5', ['5']],
  ])('filters PoPs with filter[%s]', async (filter, expected) => {
    const [name, value] = filter.split('=');
    expect(ids(await get(`/pops?filter[${name}]=${value}`))).toEqual(expected);
  });

  test.each<[string, string, string, unknown, number, unknown]>([
    ['a taken PoP id', 'POST', '/pops', { type: 'pops', id: 4, attributes: { name: 'Berlin' } }, 422, { errors: [invalid('id', 'has already been taken')] }],
    ['a taken PoP name', 'POST', '/pops', { type: 'pops', id: 6, attributes: { name: 'Amsterdam' } }, 422, example('PopNameTakenError')],
    ['a PoP without id', 'POST', '/pops', { type: 'pops', attributes: { name: 'Berlin' } }, 422, example('IdBlankError')],
    ['a rename to a taken PoP name', 'PUT', '/pops/4', { type: 'pops', id: '4', attributes: { name: 'Amsterdam' } }, 422, example('PopNameTakenError')],
    ['a taken node name', 'POST', '/nodes', { type: 'nodes', id: 11, attributes: { name: 'fra-node-01', 'rpc-endpoint': '203.0.113.12:7080' }, relationships: { pop: link('pops', '4') } }, 422, example('NodeNameTakenError')],
    ['a taken rpc-endpoint', 'POST', '/nodes', { type: 'nodes', id: 11, attributes: { name: 'fra-node-03', 'rpc-endpoint': '203.0.113.10:7080' }, relationships: { pop: link('pops', '4') } }, 422, example('NodeRpcEndpointTakenError')],
    ['a node in no existing PoP', 'POST', '/nodes', { type: 'nodes', id: 11, attributes: { name: 'fra-node-03', 'rpc-endpoint': '203.0.113.12:7080' }, relationships: { pop: link('pops', '99') } }, 422, responseExample('/nodes', 'post', '422', 'pop-missing')],
    ['a node moved to no existing PoP', 'PATCH', '/nodes/7', { type: 'nodes', id: '7', relationships: { pop: link('pops', '99') } }, 422, responseExample('/nodes', 'post', '422', 'pop-missing')],
    ['a node renamed as another', 'PATCH', '/nodes/8', { type: 'nodes', id: '8', attributes: { name: 'fra-node-01' } }, 422, example('NodeNameTakenError')],
    ['a node key other than the URL', 'PATCH', '/nodes/8', { type: 'nodes', id: '7', attributes: { name: 'x' } }, 400, badRequest('110', 'Key is not included in URL', 'The URL does not support the key 7')],
  ])('refuses %s', async (_, method, path, document, status, body) => {
    const response = await call(method, path, { data: document });
    expect(response.status).toBe(status);
    expect(response.json).toEqual(body);
  });

  test('creates, moves and deletes nodes', async () => {
    expect((await get('/nodes')).json).toEqual(responseExample('/nodes', 'get', '200', 'nodes'));
    const node = spec.paths['/api/rest/admin/nodes'].post.requestBody.content[JSON_API].examples.node.value;
    expect((await call('POST', '/nodes', node)).json).toEqual(responseExample('/nodes', 'post', '201', 'created'));
    expect((await get('/nodes/7?include=pop')).json).toEqual(responseExample('/nodes/{id}', 'get', '200', 'with-pop'));
    const moved = await call('PUT', '/nodes/11', { data: { type: 'nodes', id: 11, relationships: { pop: link('pops', '5') } } });
    expect(data(moved).relationships.pop.data).toEqual({ type: 'pops', id: '5' });
    expect(data(moved).attributes).toEqual({ name: 'fra-node-03', 'rpc-endpoint': '203.0.113.12:7080' });
    expect(ids(await get('/nodes?sort=-rpc-endpoint'))).toEqual(['11', '8', '7']);
    expect((await call('DELETE', '/nodes/11')).status).toBe(204);
  });

  test('refuses to delete a PoP with nodes or registrations, or a node with registrations', async () => {
    const dependentNodes = await call('DELETE', '/pops/4');
    expect(dependentNodes.status).toBe(422);
    expect(dependentNodes.json).toEqual(responseExample('/pops/{id}', 'delete', '422', 'dependent-nodes'));
    expect((await call('DELETE', '/nodes/7')).json).toEqual(responseExample('/nodes/{id}', 'delete', '422', 'dependent-registrations'));
    await patch('9', { relationships: { pop: link('pops', '5'), node: link('nodes', null) } });
    expect((await call('DELETE', '/pops/5')).json).toEqual(responseExample('/pops/{id}', 'delete', '422', 'dependent-registrations'));
    expect((await call('DELETE', '/nodes/7')).status).toBe(204);
    expect((await call('DELETE', '/registrations/9')).status).toBe(204);
    expect((await call('DELETE', '/pops/5')).status).toBe(204);
    expect(ids(await get('/pops'))).toEqual(['4']);
  });
});

describe('yeti accounts, concurrency and state', () => {
  test('keeps each admin login to its own records and sequence', async () => {
    const mine = await create('admin-pbx');
    const theirs = await create('ops-pbx', {}, { as: OPS });
    expect([data(mine).id, data(theirs).id]).toEqual(['10', '10']);
    expect((await get('/registrations')).json).toMatchObject({ data: [{ id: '9' }, { id: '10', attributes: { name: 'admin-pbx' } }] });
    expect((await get('/registrations', { as: OPS })).json).toMatchObject({ data: [{ id: '9' }, { id: '10', attributes: { name: 'ops-pbx' } }] });
    // Names are unique per account only.
    expect((await create('admin-pbx', {}, { as: OPS })).status).toBe(201);
  });

  test('gives 200 parallel creates 200 distinct increasing ids, all listed', async () => {
    const created = await Promise.all(Array.from({ length: 200 }, (_, i) => create(`bulk-${i}`)));
    const createdIds = created.map((response) => Number(data(response).id));
    expect(new Set(createdIds).size).toBe(200);
    expect([...createdIds].sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => 10 + i));
    const list = await get('/registrations?page[size]=1000');
    expect(ids(list)).toEqual(Array.from({ length: 201 }, (_, i) => String(9 + i)));
    expect((list.json as { meta: unknown }).meta).toEqual({ 'total-count': 201 });
  });

  test('leaves a registration equal to one of 100 parallel PATCHes', async () => {
    const changes = Array.from({ length: 100 }, (_, i) => ({ name: `concurrent-${i}`, 'retry-delay': i + 1, 'route-set': [`sip:edge${i}.example.net;lr`] }));
    const responses = await Promise.all(changes.map((attributes) => patch('9', { attributes })));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    const final = data(await get('/registrations/9')).attributes;
    const winner = changes.find((attributes) => attributes.name === final.name);
    expect(winner).toBeDefined();
    expect(final).toMatchObject(winner!);
  });

  test('keeps two admins working in parallel apart', async () => {
    await Promise.all([...Array.from({ length: 20 }, (_, i) => create(`a-${i}`)), ...Array.from({ length: 20 }, (_, i) => create(`o-${i}`, {}, { as: OPS }))]);
    const names = async (as: string) => (data(await get('/registrations?page[size]=100', { as })) as Array<{ attributes: { name: string } }>).map((r) => r.attributes.name);
    expect((await names(ADMIN)).filter((name) => name.startsWith('o-'))).toEqual([]);
    expect((await names(OPS)).filter((name) => name.startsWith('a-'))).toEqual([]);
    expect(await names(ADMIN)).toHaveLength(21);
  });

  test('shows the stored records per admin id in GET /__sipmock/state/yeti', async () => {
    await create('dumped');
    const dump = await http(sipmock.current.url, '/__sipmock/state/yeti?account=1');
    const accounts = (dump.json as { accounts: Record<string, Record<string, Array<{ id: string }>>> }).accounts;
    expect(Object.keys(accounts)).toEqual(['1']);
    expect(accounts['1'].registrations.map((r) => r.id)).toEqual(['9', '10']);
    expect(accounts['1'].registrations[1]).toEqual({
      id: '10',
      attributes: expect.objectContaining({ name: 'dumped', 'retry-delay': 5 }),
      relationships: { 'transport-protocol': '1', pop: null, node: null },
    });
    expect(accounts['1'].pops.map((r) => r.id)).toEqual(['4', '5']);
    expect(accounts['1'].nodes.map((r) => r.id)).toEqual(['7', '8']);
  });

  const seeded = (id: string, name: string, relationships: Record<string, string | null> = { 'transport-protocol': '3', pop: '20', node: null }) => ({
    id,
    attributes: { ...example('RegistrationCreated').data.attributes, name, username: name, contact: `sip:${name}@198.51.100.7` },
    relationships,
  });
  const put = (body: unknown) =>
    http(sipmock.current.url, '/__sipmock/state/yeti?account=1', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  test('seeds exactly the records PUT for an account, and continues the ids after them', async () => {
    const response = await put({ registrations: [seeded('41', 'seeded-a'), seeded('42', 'seeded-b')], pops: [{ id: '20', attributes: { name: 'Paris' } }], nodes: [] });
    expect(response.status).toBe(200);
    expect(ids(await get('/registrations'))).toEqual(['41', '42']);
    const included = (await get('/registrations/41?include=pop,transport-protocol')).json as { included: Array<{ id: string }> };
    expect(included.included.map((r) => r.id)).toEqual(['3', '20']);
    expect(data(await create('after-seed')).id).toBe('43');
    expect(ids(await get('/nodes'))).toEqual([]);
  });

  test.each([
    ['a registration without a name', { registrations: [{ ...seeded('41', 'x'), attributes: { ...seeded('41', 'x').attributes, name: undefined } }] }, /registrations\[0\]/],
    ['a registration with a non-sip contact', { registrations: [{ ...seeded('41', 'x'), attributes: { ...seeded('41', 'x').attributes, contact: 'tel:+4930123' } }] }, /contact/],
    ['a registration with an unknown attribute', { registrations: [{ ...seeded('41', 'x'), attributes: { ...seeded('41', 'x').attributes, proxy: 'sbc' } }] }, /proxy|additional/],
    ['a registration without a transport protocol', { registrations: [seeded('41', 'x', { pop: null, node: null })] }, /transport-protocol/],
    ['a registration with a non-integer id', { registrations: [seeded('abc', 'x')] }, /id/],
    ['a node without a PoP', { nodes: [{ id: '3', attributes: { name: 'n', 'rpc-endpoint': '192.0.2.1:7080' } }] }, /nodes\[0\]/],
  ])('refuses to seed %s with 400, keeping the state', async (_, body, message) => {
    const response = await put(body);
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: 'MOCK_ERR_STATE_INVALID', message: expect.stringMatching(message) });
    expect(ids(await get('/registrations'))).toEqual(['9']);
  });

  test('gives two fresh servers the same answers to the same requests', async () => {
    const run = async () => {
      const server = await startSipmock({ port: 0, providers: ['yeti'], logger: createLogger({ quiet: true }), secret: SECRET });
      try {
        const options = { baseUrl: server.url };
        const answers: unknown[] = [];
        for (const name of ['one', 'two', 'three']) answers.push((await call('POST', '/registrations', registration(name), options)).json);
        await call('DELETE', '/registrations/11', undefined, options);
        answers.push((await call('POST', '/registrations', registration('four'), options)).json);
        answers.push((await call('GET', '/registrations?include=transport-protocol&page[size]=2&page[number]=2', undefined, options)).json);
        return answers;
      } finally {
        await server.close();
      }
    };
    const [first, second] = [await run(), await run()];
    expect(first).toEqual(second);
    expect((first as Array<{ data: { id: string } }>).slice(0, 4).map((answer) => answer.data.id)).toEqual(['10', '11', '12', '13']);
  });

  test('starts again from the seed after DELETE /__sipmock/state/yeti', async () => {
    await create('temporary');
    await call('DELETE', '/pops/5');
    expect((await http(sipmock.current.url, '/__sipmock/state/yeti', { method: 'DELETE' })).status).toBe(204);
    expect(ids(await get('/registrations'))).toEqual(['9']);
    expect(ids(await get('/pops'))).toEqual(['4', '5']);
    expect(data(await create('again')).id).toBe('10');
  });
});
