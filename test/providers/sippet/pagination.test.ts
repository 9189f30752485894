import { beforeAll, describe, expect, test } from 'vitest';
import { ASH_JSON_API, PATH, ashError, errors, useSippet, type ListDoc } from './sippet-client.js';

// ash-project/ash_json_api@50e64166 lib/ash_json_api/serializer.ex (many_links, add_page_metadata),
// controllers/helpers.ex fetch_pagination_parameters, test/spec_compliance/fetching_data/pagination/offset_test.exs
// and test/acceptance/index_pagination_test.exs.
const { call, reset, create, base } = useSippet('sk_test_pagination');

beforeAll(async () => {
  await reset();
  for (const name of ['Bravo trunk', 'Charlie trunk', 'Delta trunk', 'Echo trunk']) await create({ name, provider: 'telnyx' });
});

const list = async (query: string) => {
  const response = await call('GET', `${PATH}?${query}`);
  expect(response.status, response.text).toBe(200);
  return response.json as ListDoc;
};
const url = (query: string) => `${base()}/api/gateways?${query}`;

describe(`sippet offset pagination links (${ASH_JSON_API} offset_test.exs "[Offset] pagination keys")`, () => {
  test('on the first page: prev is null, next is set, offset 0 is left out', async () => {
    const page = await list('sort=name&page[limit]=2');
    expect(page.links).toEqual({ first: url('page[limit]=2&sort=name'), self: url('page[limit]=2&sort=name'), prev: null, next: url('page[limit]=2&page[offset]=2&sort=name') });
    expect(page.meta).toEqual({ page: { limit: 2, offset: 0 } });
  });

  test('with page[count]=true every link carries it, last is total - limit, and meta has the total', async () => {
    const page = await list('sort=name&page[limit]=2&page[offset]=2&page[count]=true');
    expect(page.links).toEqual({
      first: url('page[count]=true&page[limit]=2&sort=name'),
      self: url('page[count]=true&page[limit]=2&page[offset]=2&sort=name'),
      prev: url('page[count]=true&page[limit]=2&sort=name'),
      next: url('page[count]=true&page[limit]=2&page[offset]=4&sort=name'),
      last: url('page[count]=true&page[limit]=2&page[offset]=3&sort=name'),
    });
    expect(page.meta).toEqual({ page: { total: 5, limit: 2, offset: 2 } });
  });

  test('the self link of a counted page answers the same page', async () => {
    const page = await list('sort=name&page[limit]=2&page[count]=true');
    const again = await call('GET', page.links.self!.slice(page.links.self!.indexOf('/sippet/')));
    expect(again.status).toBe(200);
    expect(again.json).toEqual(page);
  });

  test('with a count, next is null once the page reaches the total', async () => {
    const page = await list('sort=name&page[limit]=2&page[offset]=4&page[count]=true');
    expect(page.links.next).toBeNull();
    expect(page.data).toHaveLength(1);
  });

  test('without a count, a full last page still has a next link ("count is false, next has an offset")', async () => {
    const page = await list('sort=name&page[limit]=5');
    expect(page.links.next).toBe(url('page[limit]=5&page[offset]=5&sort=name'));
    const after = await list('sort=name&page[limit]=5&page[offset]=5');
    expect(after.data).toEqual([]);
    expect(after.links.next).toBeNull();
    expect(after.links.prev).toBe(url('page[limit]=5&sort=name'));
  });

  test('following next from the first page visits every gateway once', async () => {
    const seen: string[] = [];
    let next: string | null = url('page[limit]=2&sort=-name');
    while (next !== null) {
      const page: ListDoc = await list(next.slice(next.indexOf('?') + 1));
      seen.push(...page.data.map((g) => String(g.attributes.name)));
      next = page.links.next;
    }
    expect(seen).toEqual(['Vonage UK trunk', 'Echo trunk', 'Delta trunk', 'Charlie trunk', 'Bravo trunk']);
  });

  test('drops page keys it does not know (page[size]) from the links', async () => {
    const page = await list('page[size]=5&page[count]=false');
    expect(page.links.self).toBe(url('page[limit]=25'));
    expect(page.meta).toEqual({ page: { limit: 25, offset: 0 } });
  });

  test('lowers a limit above the maximum page size, as Ash takes the smaller (assumed maximum 250)', async () => {
    const page = await list('page[limit]=1000');
    expect(page.meta).toEqual({ page: { limit: 250, offset: 0 } });
    expect(page.links.self).toBe(url('page[limit]=250'));
  });

  test('points last at total - limit even when that is negative, as the serializer computes it', async () => {
    const page = await list('page[count]=true');
    expect(page.links.last).toBe(url('page[count]=true&page[limit]=25&page[offset]=-20'));
  });

  test('keeps the other parameters in the links, Plug-encoded in sorted key order', async () => {
    const page = await list('sort=name&filter[name][contains]=o t&fields[Gateway]=name');
    expect(page.links.self).toBe(url('fields[Gateway]=name&filter[name][contains]=o+t&page[limit]=25&sort=name'));
  });
});

const invalidPagination = (detail: string) => ashError({ status: '400', code: 'invalid_pagination', title: 'InvalidPagination', detail, source: { parameter: 'page' } });
const invalidQuery = (detail: string, pointer: string) => ashError({ status: '400', code: 'invalid_query', title: 'InvalidQuery', detail, source: { pointer } });

describe(`sippet page parameter errors (${ASH_JSON_API} helpers.ex fetch_pagination_parameters, json_schema.ex page_props)`, () => {
  test('answers page without brackets with both the pagination and the href schema error (index_pagination_test.exs)', async () => {
    const response = await call('GET', `${PATH}?page=5`);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(
      errors(
        invalidPagination('Invalid pagination: page parameter must use bracket notation (e.g., page[limit]=10&page[offset]=0)'),
        invalidQuery('Expected "5" to be object, at ["page"].', '/page'),
      ),
    );
  });

  test('answers a limit that is not a number with an empty pagination detail and the pattern error', async () => {
    const response = await call('GET', `${PATH}?page[limit]=ten`);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errors(invalidPagination('Invalid pagination: '), invalidQuery('String "ten" does not match pattern "^[0-9]*$", at ["page", "limit"].', '/page/limit')));
  });

  test('answers a negative offset with the pattern error only: it still parses as an integer', async () => {
    const response = await call('GET', `${PATH}?page[offset]=-20`);
    expect(response.json).toEqual(errors(invalidQuery('String "-20" does not match pattern "^[0-9]*$", at ["page", "offset"].', '/page/offset')));
  });

  test('answers a count that is neither true nor false', async () => {
    const response = await call('GET', `${PATH}?page[count]=maybe`);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errors(invalidPagination('Invalid pagination: ')));
  });
});
