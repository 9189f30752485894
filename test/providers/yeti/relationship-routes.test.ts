import { describe, expect, test } from 'vitest';
import { JR, YETI, badRequest, data, invalid, registration, required, useYeti } from './yeti-client.js';

/**
 * `jsonapi_resources :registrations` and `:nodes` (yeti-web config/routes.rb) draw, for every to-one
 * relationship, the relationship routes GET/PUT/PATCH/DELETE `/<type>/:id/relationships/<rel>` and
 * the related-resource route GET `/<type>/:id/<rel>` (jsonapi-resources lib/jsonapi/routing_ext.rb
 * jsonapi_link and jsonapi_related_resource). They answer from request_parser.rb
 * (setup_show_relationship_action, parse_modify_relationship_action, setup_get_related_resource_action),
 * processor.rb and resource_serializer.rb serialize_to_relationship_hash.
 */
const yeti = useYeti();
const ROUTES = `${YETI} config/routes.rb + ${JR} lib/jsonapi/routing_ext.rb`;
const linkage = (type: string, id: string) => ({ data: { type, id } });

describe(`yeti relationship routes (${ROUTES})`, () => {
  test('every relationship link a registration advertises answers 200', async () => {
    const registration9 = data(await yeti.get('/registrations/9'));
    const links = Object.values(registration9.relationships as Record<string, { links: { self: string; related: string } }>).flatMap((r) => [r.links.self, r.links.related]);
    expect(links).toHaveLength(6);
    for (const link of links) {
      const response = await yeti.call('GET', link.slice(yeti.url('').length));
      expect(response.status, link).toBe(200);
    }
  });

  test.each<[string, unknown]>([
    ['pop', { type: 'pops', id: '4' }],
    ['node', { type: 'nodes', id: '7' }],
    ['transport-protocol', { type: 'transport-protocols', id: '1' }],
  ])('GET /registrations/9/relationships/%s answers the linkage and its links (serialize_to_relationship_hash)', async (name, linked) => {
    const response = await yeti.get(`/registrations/9/relationships/${name}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.api+json');
    expect(response.json).toEqual({
      data: linked,
      links: { self: yeti.url(`/registrations/9/relationships/${name}`), related: yeti.url(`/registrations/9/${name}`) },
    });
  });

  test('answers a null linkage for an unset relationship (to_one_linkage returns nil)', async () => {
    const created = await yeti.call('POST', '/registrations', registration(required('no-pop')));
    // acts_as_resource_controller.rb render_results: a 201 carries Location, the new self link.
    expect(created.headers.get('location')).toBe(yeti.url(`/registrations/${data(created).id}`));
    expect((await yeti.get(`/registrations/${data(created).id}/relationships/pop`)).json).toMatchObject({ data: null });
  });

  test.each(['PATCH', 'PUT'])('%s sets a to-one relationship and answers 204 without a body (replace_to_one_relationship)', async (method) => {
    const response = await yeti.call(method, '/registrations/9/relationships/pop', linkage('pops', '5'));
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect((await yeti.get('/registrations/9/relationships/pop')).json).toMatchObject(linkage('pops', '5'));
  });

  test('PATCH with data null and DELETE clear a relationship (remove_to_one_relationship)', async () => {
    expect((await yeti.call('PATCH', '/registrations/9/relationships/pop', { data: null })).status).toBe(204);
    expect((await yeti.call('DELETE', '/registrations/9/relationships/node')).status).toBe(204);
    const registration9 = data(await yeti.get('/registrations/9?include=pop,node'));
    expect(registration9.relationships.pop.data).toBeNull();
    expect(registration9.relationships.node.data).toBeNull();
  });

  test(`refuses to clear the transport protocol with the model's two errors (${YETI} app/models/equipment/registration.rb belongs_to + presence)`, async () => {
    // The spec leaves out the DELETE route of a required relationship, since Yeti always refuses it: 404 here.
    expect((await yeti.call('DELETE', '/registrations/9/relationships/transport-protocol')).status).toBe(404);
    const response = await yeti.call('PATCH', '/registrations/9/relationships/transport-protocol', { data: null });
    expect(response.status).toBe(422);
    expect(response.json).toEqual({
      errors: [invalid('transport-protocol', 'must exist', 'relationships'), invalid('transport-protocol', "can't be blank", 'relationships')],
    });
  });

  test.each<[string, unknown, unknown]>([
    ['a linkage of another type (TypeMismatch)', linkage('nodes', '7'), badRequest('116', 'Type Mismatch', 'nodes is not a valid type for this operation.')],
    ['a linkage without type (InvalidLinksObject)', { data: { id: '5' } }, badRequest('115', 'Invalid Links Object', 'Data is not a valid Links Object.')],
    ['a linkage with a third member (InvalidLinksObject)', { data: { type: 'pops', id: '5', meta: {} } }, badRequest('115', 'Invalid Links Object', 'Data is not a valid Links Object.')],
    ['an id that is not an integer (verify_key, InvalidFieldValue)', linkage('pops', 'five'), badRequest('103', 'Invalid field value', 'five is not a valid value for id.')],
    ['no data (params.fetch(:data), ParameterMissing)', {}, badRequest('106', 'Missing Parameter', 'The required parameter, data, is missing.')],
  ])('refuses a relationship update with %s', async (_, body, expected) => {
    const response = await yeti.call('PATCH', '/registrations/9/relationships/pop', body);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(expected);
  });

  test('checks the Content-Type of a relationship update (update_relationship calls verify_content_type_header)', async () => {
    const response = await yeti.call('PATCH', '/registrations/9/relationships/pop', linkage('pops', '5'), { 'content-type': 'application/json' });
    expect(response.status).toBe(415);
  });

  test('answers 400 code 103 for a parent id that is not an integer, 404 for one that does not exist', async () => {
    expect((await yeti.get('/registrations/abc/relationships/pop')).json).toEqual(badRequest('103', 'Invalid field value', 'abc is not a valid value for id.'));
    const missing = await yeti.get('/registrations/999/relationships/pop');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ errors: [{ title: 'Record not found', detail: 'The record identified by 999 could not be found.', code: '404', status: '404' }] });
  });

  test('has no POST on a to-one relationship and no route for an unknown relationship (jsonapi_link draws none)', async () => {
    expect((await yeti.call('POST', '/registrations/9/relationships/pop', linkage('pops', '5'))).status).toBe(404);
    expect((await yeti.get('/registrations/9/relationships/gateway')).status).toBe(404);
    expect((await yeti.get('/registrations/9/gateway')).status).toBe(404);
  });

  test('answers 404 to DELETE /nodes/7/relationships/pop: the spec leaves it out, since a node\'s PoP is required (yeti-web app/models/node.rb)', async () => {
    expect((await yeti.call('DELETE', '/nodes/7/relationships/pop')).status).toBe(404);
    expect((await yeti.call('PATCH', '/nodes/7/relationships/pop', { data: null })).json).toEqual({
      errors: [invalid('pop', 'must exist', 'relationships'), invalid('pop', "can't be blank", 'relationships')],
    });
  });

  test('GET /nodes/7/relationships/pop answers the node\'s PoP', async () => {
    expect((await yeti.get('/nodes/7/relationships/pop')).json).toEqual({
      data: { type: 'pops', id: '4' },
      links: { self: yeti.url('/nodes/7/relationships/pop'), related: yeti.url('/nodes/7/pop') },
    });
  });
});

describe(`yeti related-resource routes (${ROUTES} jsonapi_related_resource, processor.rb show_related_resource)`, () => {
  test('GET /registrations/9/pop answers the PoP as GET /pops/4 does', async () => {
    const related = await yeti.get('/registrations/9/pop');
    expect(related.status).toBe(200);
    expect(related.json).toEqual((await yeti.get('/pops/4')).json);
  });

  test('GET /registrations/9/transport-protocol answers transport protocol 1', async () => {
    expect(data(await yeti.get('/registrations/9/transport-protocol'))).toEqual({
      id: '1',
      type: 'transport-protocols',
      links: { self: yeti.url('/transport-protocols/1') },
      attributes: { name: 'UDP' },
    });
  });

  test('takes include and fields of the related type', async () => {
    const node = await yeti.get('/registrations/9/node?include=pop&fields[nodes]=name,pop');
    expect(node.json).toMatchObject({ data: { id: '7', type: 'nodes', attributes: { name: 'fra-node-01' } }, included: [{ id: '4', type: 'pops' }] });
    expect(data(node).attributes).toEqual({ name: 'fra-node-01' });
  });

  test('answers data null when the relationship is unset', async () => {
    const created = await yeti.call('POST', '/registrations', registration(required('no-node')));
    const response = await yeti.get(`/registrations/${data(created).id}/node`);
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ data: null });
  });

  test('answers 404 for a registration that does not exist', async () => {
    expect((await yeti.get('/registrations/999/pop')).status).toBe(404);
  });

  test('GET /nodes/7/pop answers the PoP', async () => {
    expect(data(await yeti.get('/nodes/7/pop'))).toMatchObject({ id: '4', type: 'pops' });
  });
});
