import { describe, expect, test } from 'vitest';
import { JR, YETI, badRequest, data, registration, required, useYeti } from './yeti-client.js';

/**
 * How jsonapi-resources release-0-9 parses a request before any record is touched
 * (lib/jsonapi/request_parser.rb, lib/jsonapi/mime_types.rb, lib/jsonapi/paginator.rb), with the
 * titles and details of lib/jsonapi/exceptions.rb. Keys are unformatted with ActiveSupport's
 * `underscore` (formatter.rb DasherizedKeyFormatter), so errors name `retry_delay`.
 */
const yeti = useYeti();
const PARSER = `${JR} lib/jsonapi/request_parser.rb`;
const notFound = (id: string) => ({ errors: [{ title: 'Record not found', detail: `The record identified by ${id} could not be found.`, code: '404', status: '404' }] });
const ids = (response: { json: unknown }) => (data(response as never) as Array<{ id: string }>).map((r) => r.id);

describe(`yeti query parameters (${PARSER} setup_index_action)`, () => {
  test.each<[string, unknown]>([
    ['fields=name', badRequest('119', 'Invalid field format', 'Fields must specify a type.')],
    ['fields[trunks]=name', badRequest('101', 'Invalid resource', 'trunks is not a valid resource.')],
    ['fields[transport_protocols]=name', badRequest('101', 'Invalid resource', 'transport_protocols is not a valid resource.')],
    ['fields[registrations]=', badRequest('104', 'Invalid field', 'nil is not a valid field for registrations.')],
    ['fields[registrations]=retry_delay', badRequest('104', 'Invalid field', 'retry_delay is not a valid field for registrations.')],
    ['filter=abc', badRequest('120', 'Invalid filters syntax', 'abc is not a valid syntax for filtering.')],
    ['filter[retry-delay]=5', badRequest('102', 'Filter not allowed', 'retry_delay is not allowed.')],
    ['filter[enabled]=true', badRequest('102', 'Filter not allowed', 'enabled is not allowed.')],
    ['sort=created-at', badRequest('114', 'Invalid sort criteria', 'created_at is not a valid sort criteria for registrations')],
    ['sort=pop', badRequest('114', 'Invalid sort criteria', 'pop is not a valid sort criteria for registrations')],
    ['include=gateway', badRequest('112', 'Invalid field', 'gateway is not a valid relationship of registrations')],
    ['include=Pop', badRequest('112', 'Invalid field', 'Pop is not a valid relationship of registrations')],
    ['include=node.gateway', badRequest('112', 'Invalid field', 'gateway is not a valid relationship of nodes')],
    ['page[number]=abc', badRequest('118', 'Invalid page value', '0 is not a valid value for number page parameter.')],
    ['page[number]=-1', badRequest('118', 'Invalid page value', '-1 is not a valid value for number page parameter.')],
    ['page[size]=abc', badRequest('118', 'Invalid page value', '0 is not a valid value for size page parameter.')],
    ['page[size]=1001', badRequest('118', 'Invalid page value', 'size exceeds maximum page size of 1000.')],
    ['page[size]=0&page[number]=0', badRequest('118', 'Invalid page value', '0 is not a valid value for size page parameter.')],
    ['page=abc', badRequest('118', 'Invalid page value', '0 is not a valid value for number page parameter.')],
  ])('GET /registrations?%s answers 400', async (query, expected) => {
    const response = await yeti.get(`/registrations?${query}`);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(expected);
  });

  test('collects include, filter and page errors, in that order (they are concatenated, not raised)', async () => {
    const response = await yeti.get('/registrations?page[number]=0&filter[enabled]=1&include=gateway');
    expect(response.status).toBe(400);
    expect((response.json as { errors: Array<{ code: string }> }).errors.map((e) => e.code)).toEqual(['112', '102', '118']);
  });

  test('answers only the sort error when sort is wrong too (InvalidSortCriteria is raised)', async () => {
    const response = await yeti.get('/registrations?include=gateway&sort=colour');
    expect(response.json).toEqual(badRequest('114', 'Invalid sort criteria', 'colour is not a valid sort criteria for registrations'));
  });

  test(`accepts fields of another Yeti resource, found by Resource.resource_for (${YETI} app/resources/api/rest/admin/gateway_resource.rb)`, async () => {
    expect((await yeti.get('/registrations?fields[gateways]=name')).status).toBe(200);
    expect((await yeti.get('/registrations?fields[registration]=colour')).json).toEqual(badRequest('104', 'Invalid field', 'colour is not a valid field for registration.'));
  });

  test.each(['sort=retry_delay', 'sort=retryDelay', 'sort=-retry-delay', 'fields[registrations]=id,name', 'include=', 'filter[id]=abc', 'page[number]=1x'])(
    'accepts %s (keys are unformatted with underscore; values cast as Ruby does)',
    async (query) => {
      expect((await yeti.get(`/registrations?${query}`)).status).toBe(200);
    },
  );

  test(`reads page=2 as the page number with the default size (${JR} lib/jsonapi/paginator.rb PagedPaginator)`, async () => {
    for (let index = 0; index < 50; index++) await yeti.call('POST', '/registrations', registration(required(`page-${index}`)));
    const response = await yeti.get('/registrations?page=2');
    expect(response.status).toBe(200);
    expect(ids(response)).toEqual(['59']);
    expect((response.json as { links: Record<string, string> }).links).toEqual({
      first: yeti.url('/registrations?page%5Bnumber%5D=1&page%5Bsize%5D=50'),
      prev: yeti.url('/registrations?page%5Bnumber%5D=1&page%5Bsize%5D=50'),
      last: yeti.url('/registrations?page%5Bnumber%5D=2&page%5Bsize%5D=50'),
    });
  });

  test('includes a relationship of a relationship (include=node.pop, check_include recurses)', async () => {
    const response = await yeti.get('/registrations/9?include=node.pop');
    expect(response.status).toBe(200);
    const included = (response.json as { included: Array<{ type: string; id: string }> }).included.map((r) => `${r.type}/${r.id}`);
    expect(included.sort()).toEqual(['nodes/7', 'pops/4']);
  });

  test('ignores sort and page on a single resource (setup_show_action parses neither)', async () => {
    expect((await yeti.get('/registrations/9?sort=colour&page[number]=0')).status).toBe(200);
  });
});

describe(`yeti ids in the URL (${JR} lib/jsonapi/resource.rb verify_key: Ruby Integer())`, () => {
  test.each<[string, number, unknown]>([
    ['abc', 400, badRequest('103', 'Invalid field value', 'abc is not a valid value for id.')],
    ['09', 400, badRequest('103', 'Invalid field value', '09 is not a valid value for id.')],
    ['010', 404, notFound('8')],
  ])('GET /registrations/%s answers %i', async (id, status, expected) => {
    const response = await yeti.get(`/registrations/${id}`);
    expect(response.status).toBe(status);
    expect(response.json).toEqual(expected);
  });

  test('DELETE verifies the key too', async () => {
    expect((await yeti.call('DELETE', '/registrations/abc')).json).toEqual(badRequest('103', 'Invalid field value', 'abc is not a valid value for id.'));
  });
});

describe(`yeti create and update documents (${PARSER} parse_add_operation, parse_single_replace_operation, parse_params)`, () => {
  test.each<[string, unknown, unknown]>([
    ['no data', {}, badRequest('106', 'Missing Parameter', 'The required parameter, data, is missing.')],
    ['data null', { data: null }, badRequest('106', 'Missing Parameter', 'The required parameter, data, is missing.')],
    ['data {} (blank for params.require)', { data: {} }, badRequest('106', 'Missing Parameter', 'The required parameter, data, is missing.')],
    ['data that is a string', { data: 'registration' }, badRequest('122', 'Invalid data format', 'Data must be a hash.')],
    ['data that is an array', { data: [registration(required('x')).data] }, badRequest('122', 'Invalid data format', 'Data must be a hash.')],
    ['a singular type', { data: { type: 'registration', attributes: required('x') } }, badRequest('101', 'Invalid resource', 'registration is not a valid resource.')],
    ['an underscored attribute key', registration({ ...required('x'), retry_delay: 5 }), badRequest('105', 'Param not allowed', 'retry_delay is not allowed.')],
    ['two unknown attributes (only the first is named)', registration({ ...required('x'), colour: 'red', size: 2 }), badRequest('105', 'Param not allowed', 'colour is not allowed.')],
    ['a links member', { data: { ...registration(required('x')).data, links: {} } }, badRequest('105', 'Param not allowed', 'links is not allowed.')],
    ['a linkage without type', registration(required('x'), { pop: { data: { id: '4' } } }), badRequest('115', 'Invalid Links Object', 'Data is not a valid Links Object.')],
    ['a linkage id that is not an integer', registration(required('x'), { pop: { data: { type: 'pops', id: 'x4' } } }), badRequest('103', 'Invalid field value', 'x4 is not a valid value for id.')],
    ['a body that is an array', [1], badRequest('400', 'Bad Request', 'Request must be a hash')],
  ])('refuses a create with %s', async (_, body, expected) => {
    const response = await yeti.call('POST', '/registrations', body);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(expected);
  });

  // Yeti raises NoMethodError (its generic 500) on these; the mock's deliberate 400 says what is wrong (specs/README.md).
  test.each<[string, unknown, string]>([
    ['attributes that are a string', { data: { type: 'registrations', attributes: 'name' } }, 'attributes must be a hash'],
    ['a relationship that is an array', registration(required('x'), { pop: [] }), 'pop must be a hash'],
    ['an attribute named like a relationship', registration({ ...required('x'), pop: '4' }), 'pop is a relationship, not an attribute'],
  ])('refuses a create with %s with a 400 naming it (mock choice where Yeti answers 500)', async (_, body, detail) => {
    expect((await yeti.call('POST', '/registrations', body)).json).toEqual(badRequest('400', 'Bad Request', detail));
  });

  test(`answers malformed JSON with code 400 "Bad Request" (${JR} lib/jsonapi/mime_types.rb parser)`, async () => {
    const response = await yeti.call('POST', '/registrations', '{"data": {');
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ errors: [{ title: 'Bad Request', code: '400', status: '400', detail: expect.any(String) }] });
  });

  test('accepts a type in another case (verify_type unformats it with underscore)', async () => {
    const response = await yeti.call('POST', '/registrations', { data: { type: 'Registrations', attributes: required('camel') } });
    expect(response.status).toBe(201);
  });

  test('creates nothing when a query parameter is wrong (request errors stop the operation)', async () => {
    expect((await yeti.call('POST', '/registrations?include=gateway', registration(required('x')))).status).toBe(400);
    expect(ids(await yeti.get('/registrations'))).toEqual(['9']);
  });

  test('answers a create with the included resources it asks for', async () => {
    const response = await yeti.call('POST', '/registrations?include=transport-protocol', registration(required('with-include')));
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({ included: [{ type: 'transport-protocols', id: '1' }] });
  });

  test.each<[string, string, unknown, number, unknown]>([
    ['a data.id written differently from the URL', '9', { type: 'registrations', id: '09' }, 400, badRequest('110', 'Key is not included in URL', 'The URL does not support the key 09')],
    ['no data.id', '9', { type: 'registrations' }, 400, badRequest('109', 'A key is required', 'The resource object does not contain a key.')],
    ['data.id and URL both "abc" (update does not verify the key)', 'abc', { type: 'registrations', id: 'abc' }, 404, notFound('abc')],
    ['an id but no type', '9', { id: '9' }, 400, badRequest('106', 'Missing Parameter', 'The required parameter, type, is missing.')],
  ])('refuses an update with %s', async (_, id, document, status, expected) => {
    const response = await yeti.call('PATCH', `/registrations/${id}`, { data: document });
    expect(response.status).toBe(status);
    expect(response.json).toEqual(expected);
  });

  test(`answers a value out of the integer column's range with 500 (ActiveModel::RangeError; ${YETI} registrations.expire is integer(4))`, async () => {
    const response = await yeti.call('POST', '/registrations', registration({ ...required('far'), expire: 2 ** 31 }));
    expect(response.status).toBe(500);
    expect(response.json).toEqual({ errors: [{ title: 'Internal Server Error', detail: 'Internal Server Error', code: '500', status: '500' }] });
  });
});
