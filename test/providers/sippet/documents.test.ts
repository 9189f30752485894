import { beforeEach, describe, expect, test } from 'vitest';
import { ASH_JSON_API, JSON_API, PATH, SEEDED, ashError, errors, useSippet, type ErrorDoc } from './sippet-client.js';

// ash-project/ash_json_api@50e64166 lib/ash_json_api/controllers/{get,post,patch,delete,index}.ex
// (fetch_metadata), serializer.ex serialize_one, controllers/no_route_found.ex, error/not_found.ex.
const { call, reset, base } = useSippet('sk_test_documents');
beforeEach(reset);

describe(`sippet success documents (${ASH_JSON_API} controllers/*.ex fetch_metadata)`, () => {
  test('a single-resource document carries links.self, jsonapi and meta {}', async () => {
    const response = await call('GET', `${PATH}/${SEEDED}?fields[Gateway]=name`);
    expect(response.json).toEqual({
      data: {
        id: SEEDED,
        type: 'Gateway',
        attributes: { name: 'Vonage UK trunk' },
        relationships: { organisation: { links: {}, meta: {} } },
        links: { self: `${base()}/api/gateways/${SEEDED}` },
        meta: {},
      },
      jsonapi: { version: '1.0' },
      links: { self: `${base()}/api/gateways/${SEEDED}?fields[Gateway]=name` },
      meta: {},
    });
  });

  test.each([
    ['POST', PATH, { data: { type: 'Gateway', attributes: { name: 'Meta trunk', provider: 'telnyx' } } }, 201],
    ['PATCH', `${PATH}/${SEEDED}`, { data: { attributes: { realm: 'sip.meta.example' } } }, 200],
    ['DELETE', `${PATH}/${SEEDED}`, undefined, 200],
  ])('%s answers %#: with meta {}', async (method, path, body, status) => {
    const response = await call(method, path, { body });
    expect(response.status).toBe(status);
    expect((response.json as { meta: unknown }).meta).toEqual({});
  });
});

describe(`sippet routing (${ASH_JSON_API} controllers/no_route_found.ex)`, () => {
  const noRoute = errors(ashError({ status: '404', code: 'no_route_found', title: 'NoRouteFound', detail: 'no route found' }));

  test.each([
    ['an unrouted method on a gateway', 'PUT', `${PATH}/${SEEDED}`],
    ['an unrouted method on the collection', 'DELETE', PATH],
    ['an unrouted path', 'GET', '/sippet/api/trunks'],
  ])('answers %s with no_route_found, not not_found', async (_, method, path) => {
    const response = await call(method, path);
    expect(response.status).toBe(404);
    expect(response.json).toEqual(noRoute);
    // NoRouteFound sets the type with Plug's default charset, unlike every other answer.
    expect(response.headers.get('content-type')).toBe(`${JSON_API}; charset=utf-8`);
  });
});

describe(`sippet records that are not there (${ASH_JSON_API} test/acceptance/get_test.exs, delete_test.exs)`, () => {
  const missing = '0e4a7c2d-6b91-4f35-8d1e-a3c5f7b9d204';
  const notFound = errors(ashError({ status: '404', code: 'not_found', title: 'Entity Not Found', detail: `No Gateway record found with \`id: ${missing}\`` }));

  test.each(['GET', 'PATCH', 'DELETE'])('%s of an unknown id answers not_found naming the id', async (method) => {
    const response = await call(method, `${PATH}/${missing}`, { body: method === 'PATCH' ? { data: { attributes: {} } } : undefined });
    expect(response.status).toBe(404);
    expect(response.json).toEqual(notFound);
  });

  test('gives the same error ids to the same request, so recorded answers compare', async () => {
    const first = (await call('GET', `${PATH}/${missing}`)).json as ErrorDoc;
    const second = (await call('GET', `${PATH}/${missing}`)).json as ErrorDoc;
    expect(second.errors[0].id).toBe(first.errors[0].id);
    const other = (await call('GET', `${PATH}/${missing.replace('0e4a', '1e4a')}`)).json as ErrorDoc;
    expect(other.errors[0].id).not.toBe(first.errors[0].id);
  });
});
