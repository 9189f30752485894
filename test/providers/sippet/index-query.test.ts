import { beforeAll, describe, expect, test } from 'vitest';
import { ASH, ASH_JSON_API, PATH, SEEDED, ashError, errors, somethingWentWrong, useSippet, type ErrorDoc, type ListDoc } from './sippet-client.js';

// ash-project/ash_json_api@50e64166 lib/ash_json_api/request.ex (parse_fields, parse_includes,
// parse_filter, parse_sort) and test/acceptance/error_validation_test.exs; filters are Ash's
// filter input (ash-project/ash@58d1ae3f lib/ash/filter/filter.ex).
const { call, reset, create } = useSippet('sk_test_index_query');
const ids: Record<string, string> = { vonage: SEEDED };

beforeAll(async () => {
  await reset();
  ids.twilio = await create({ name: 'Twilio Elastic SIP trunk', provider: 'twilio', proxy: '198.51.100.20:5060', register: false });
  ids.telnyx = await create({ name: 'Telnyx backup trunk', provider: 'telnyx' });
  ids.plivo = await create({ name: 'Plivo trunk', provider: 'plivo', username: 'alpha', register: true });
});

async function listed(query: string): Promise<string[]> {
  const response = await call('GET', `${PATH}?${query}`);
  expect(response.status, response.text).toBe(200);
  const names = Object.fromEntries(Object.entries(ids).map(([name, id]) => [id, name]));
  return (response.json as ListDoc).data.map((gateway) => names[gateway.id]).sort();
}

describe(`sippet filter operators (${ASH} filter.ex parse_predicates; ${ASH_JSON_API} test/spec_compliance/fetching_data/filtering_test.exs)`, () => {
  test.each([
    ['filter[provider]=twilio', ['twilio']],
    ['filter[provider][eq]=twilio', ['twilio']],
    ['filter[provider][equals]=twilio', ['twilio']],
    ['filter[provider][not_eq]=twilio', ['plivo', 'telnyx', 'vonage']],
    ['filter[provider][in][]=twilio&filter[provider][in][]=plivo', ['plivo', 'twilio']],
    ['filter[provider][in][0]=twilio&filter[provider][in][1]=plivo', ['plivo', 'twilio']],
    ['filter[username][is_nil]=true', ['telnyx', 'twilio']],
    ['filter[username][is_nil]=false', ['plivo', 'vonage']],
    ['filter[name][greater_than]=T', ['telnyx', 'twilio', 'vonage']],
    ['filter[name][less_than]=T', ['plivo']],
    ['filter[name][gte]=Twilio Elastic SIP trunk', ['twilio', 'vonage']],
    ['filter[name][lte]=Plivo trunk', ['plivo']],
    ['filter[name][contains]=backup', ['telnyx']],
    ['filter[name][string_starts_with]=Vonage', ['vonage']],
    ['filter[inbound_acl][has]=203.0.113.0/24', ['vonage']],
    ['filter[register]=false', ['telnyx', 'twilio']],
    ['filter[register]=0', ['telnyx', 'twilio']],
    ['filter[register]=1', ['plivo', 'vonage']],
    ['filter[proxy][not_eq]=nothing', ['twilio', 'vonage']],
    ['filter[not][provider]=twilio', ['plivo', 'telnyx', 'vonage']],
    ['filter[or][][provider]=twilio&filter[or][][provider]=telnyx', ['telnyx', 'twilio']],
    ['filter[provider]=twilio&filter[register]=true', []],
    // A string filter is decoded as a query string itself (request.ex parse_filter).
    ['filter=provider%3Dtwilio', ['twilio']],
  ])('%s', async (query, expected) => {
    expect(await listed(query)).toEqual(expected);
  });

  test.each([
    ['an unknown attribute (Ash NoSuchField)', 'filter[color]=red'],
    ['an unknown operator (Ash NoSuchFilterPredicate)', 'filter[name][like]=x'],
    ['a boolean Ecto cannot cast', 'filter[register]=yes'],
    ['a comma-separated in, which does not cast to a list', 'filter[provider][in]=twilio,plivo'],
    ['password, left out of the public fields', 'filter[password]=x'],
  ])('answers 400 something_went_wrong to %s: AshJsonApi has no rendering for the Ash error', async (_, query) => {
    const response = await call('GET', `${PATH}?${query}`);
    expect(response.status).toBe(400);
    expect((response.json as ErrorDoc).errors).toHaveLength(1);
    somethingWentWrong(response);
  });

  test('answers a filter that is a list with invalid_filter and the href schema error (error_validation_test.exs "filter[]=invalid")', async () => {
    const response = await call('GET', `${PATH}?filter[]=invalid`);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(
      errors(
        ashError({ status: '400', code: 'invalid_filter', title: 'InvalidFilter', detail: 'Invalid filter', source: { parameter: 'filter' } }),
        ashError({ status: '400', code: 'invalid_query', title: 'InvalidQuery', detail: 'No match of any schema, at ["filter"].', source: { pointer: '/filter' } }),
      ),
    );
  });
});

const invalidSort = (detail: string) => ashError({ status: '400', code: 'invalid_sort', title: 'InvalidSort', detail, source: { parameter: 'sort' } });

describe(`sippet sort (${ASH_JSON_API} request.ex parse_sort, error_validation_test.exs "InvalidSort errors")`, () => {
  test('orders by -name descending', async () => {
    const response = await call('GET', `${PATH}?sort=-name`);
    expect((response.json as ListDoc).data.map((g) => g.attributes.name)).toEqual(['Vonage UK trunk', 'Twilio Elastic SIP trunk', 'Telnyx backup trunk', 'Plivo trunk']);
  });

  test('names each unknown field as sent, in order; only "-" is a prefix, so "+name" is unknown', async () => {
    const response = await call('GET', `${PATH}?sort=%2Bname,-nope`);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errors(invalidSort('Invalid sort field: +name'), invalidSort('Invalid sort field: -nope')));
  });

  test('refuses a relationship as a sort field, and an empty sort as one empty field', async () => {
    expect((await call('GET', `${PATH}?sort=organisation`)).json).toEqual(errors(invalidSort('Invalid sort field: organisation')));
    expect((await call('GET', `${PATH}?sort=`)).json).toEqual(errors(invalidSort('Invalid sort field: ')));
  });

  test('answers a sort that is not a string with invalid_sort and the href schema error (sort[]=title)', async () => {
    const response = await call('GET', `${PATH}?sort[]=name`);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(
      errors(invalidSort('Invalid sort: name'), ashError({ status: '400', code: 'invalid_query', title: 'InvalidQuery', detail: 'Expected ["name"] to be string, at ["sort"].', source: { pointer: '/sort' } })),
    );
  });
});

const invalidField = (field: string, parameter: string) =>
  ashError({ status: '400', code: 'invalid_field', title: 'InvalidField', detail: `Invalid field for type Gateway: ${field}`, source: { parameter } });

describe(`sippet sparse fieldsets and includes (${ASH_JSON_API} request.ex parse_fields, includes/parser.ex)`, () => {
  test('reads fields without a type key as the route type fieldset', async () => {
    const response = await call('GET', `${PATH}/${SEEDED}?fields=name,provider`);
    expect(response.status).toBe(200);
    expect((response.json as { data: { attributes: unknown } }).data.attributes).toEqual({ name: 'Vonage UK trunk', provider: 'vonage' });
  });

  test('answers an unknown field of fields without a type key with source.parameter "fields"', async () => {
    const response = await call('GET', `${PATH}?fields=nope`);
    expect(response.json).toEqual(errors(invalidField('nope', 'fields')));
  });

  test('answers each unknown field of fields[Gateway], the last first', async () => {
    const response = await call('GET', `${PATH}?fields[Gateway]=name,secret,other`);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errors(invalidField('other', 'fields[Gateway]'), invalidField('secret', 'fields[Gateway]')));
  });

  test('answers fields for an unknown type with invalid_type (error/invalid_type.ex)', async () => {
    const response = await call('GET', `${PATH}?fields[Nope]=name`);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errors(ashError({ status: '400', code: 'invalid_type', title: 'Invalid Type', detail: 'No such type Nope', source: { parameter: 'fields[Nope]' } })));
  });

  test('accepts the organisation relationship as a field', async () => {
    const response = await call('GET', `${PATH}/${SEEDED}?fields[Gateway]=organisation`);
    expect(response.status).toBe(200);
    expect((response.json as { data: { attributes: unknown } }).data.attributes).toEqual({});
  });

  test.each([
    ['organisation', 'Invalid includes: [["organisation"]]'],
    ['a.b,c', 'Invalid includes: [["c"], ["a", "b"]]'],
    ['', 'Invalid includes: [[""]]'],
  ])('refuses include=%s: Gateway declares no include path', async (include, detail) => {
    const response = await call('GET', `${PATH}/${SEEDED}?include=${include}`);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errors(ashError({ status: '400', code: 'invalid_includes', title: 'Invalid Includes', detail, source: { parameter: 'include' } })));
  });
});

describe(`sippet href schema on the get route (${ASH_JSON_API} json_schema.ex href_schema, error/conflicting_params.ex)`, () => {
  test('answers a query parameter named like the path parameter with invalid_query', async () => {
    const response = await call('GET', `${PATH}/${SEEDED}?id=x`);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errors(ashError({ status: '400', code: 'invalid_query', title: 'InvalidQuery', detail: 'conflict path and query params' })));
  });

  test('answers an id that is not a uuid with the format error of the href schema', async () => {
    const response = await call('GET', `${PATH}/not-a-uuid`);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(
      errors(ashError({ status: '400', code: 'invalid_query', title: 'InvalidQuery', detail: 'String "not-a-uuid" does not validate against format "uuid", at ["id"].', source: { pointer: '/id' } })),
    );
  });
});
