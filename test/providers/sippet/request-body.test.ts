import { beforeEach, describe, expect, test } from 'vitest';
import { ASH, ASH_JSON_API, PATH, SEEDED, ashError, errors, useSippet, type Doc } from './sippet-client.js';

// The runtime body schema is ash-project/ash_json_api@50e64166 lib/ash_json_api/json_schema/json_schema.ex
// route_in_schema (not open_api.ex); its failures are worded by lib/ash_json_api/error/schema_errors.ex.
const { call, reset, create } = useSippet('sk_test_bodies');
beforeEach(reset);

const patch = (body: unknown, id = SEEDED) => call('PATCH', `${PATH}/${id}`, { body });
const post = (body: unknown) => call('POST', PATH, { body });
const invalidBody = (detail: string, pointer: string) => ashError({ status: '400', code: 'invalid_body', title: 'InvalidBody', detail, source: { pointer } });
const required = (pointer: string) => ashError({ status: '400', code: 'required', title: 'Required', detail: 'is required', source: { pointer } });

describe(`sippet PATCH body (${ASH_JSON_API} test/acceptance/patch_test.exs)`, () => {
  test('accepts attributes without data.id or data.type ("patch working properly")', async () => {
    const response = await patch({ data: { attributes: { username: 'rotated-user' } } });
    expect(response.status, response.text).toBe(200);
    expect((response.json as Doc).data).toMatchObject({ id: SEEDED, attributes: { username: 'rotated-user' } });
  });

  test('updates the record the URL names and never compares data.id with it (controllers/helpers.ex update_record)', async () => {
    const other = await create({ name: 'Other trunk', provider: 'plivo' });
    const response = await patch({ data: { id: other, type: 'Gateway', attributes: { realm: 'sip.changed.example' } } });
    expect(response.status).toBe(200);
    expect((response.json as Doc).data).toMatchObject({ id: SEEDED, attributes: { realm: 'sip.changed.example' } });
    const untouched = await call('GET', `${PATH}/${other}`);
    expect((untouched.json as Doc).data.attributes.realm).toBeNull();
  });

  test('refuses an attribute the update action does not accept, naming the key path', async () => {
    const response = await patch({ data: { attributes: { name: 'Renamed' } } });
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errors(invalidBody('Expected only defined properties, got key ["data", "attributes", "name"].', '/data/attributes/name')));
  });

  test('refuses a top-level member other than data (additionalProperties false at the top)', async () => {
    const response = await patch({ data: { attributes: {} }, meta: { note: 'x' } });
    expect(response.json).toEqual(errors(invalidBody('Expected only defined properties, got key ["meta"].', '/meta')));
  });

  test('requires data', async () => {
    const response = await patch({});
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errors(required('/data')));
  });

  test('checks type as a const when it is sent', async () => {
    const response = await patch({ data: { type: 'gateway', attributes: {} } });
    expect(response.json).toEqual(errors(invalidBody('Expected the value to be "Gateway", got "gateway", at ["data", "type"].', '/data/type')));
  });

  test('words a bad optional attribute as a failed anyOf: every optional attribute may be null', async () => {
    const response = await patch({ data: { attributes: { provider: 'sipgate', username: 5 } } });
    expect(response.status).toBe(400);
    // JsonXema walks properties in key order and AshJsonApi prepends each failure.
    expect(response.json).toEqual(
      errors(
        invalidBody('No match of any schema, at ["data", "attributes", "username"].', '/data/attributes/username'),
        invalidBody('No match of any schema, at ["data", "attributes", "provider"].', '/data/attributes/provider'),
      ),
    );
  });
});

describe(`sippet POST body (${ASH_JSON_API} test/acceptance/post_test.exs, require_type_on_create_test.exs)`, () => {
  test('accepts a resource object without type: require_type_on_create? is off by default', async () => {
    const response = await post({ data: { attributes: { name: 'Typeless trunk', provider: 'telnyx' } } });
    expect(response.status, response.text).toBe(201);
  });

  test('words a bad required attribute by its own schema: a type, an enum', async () => {
    const response = await post({ data: { attributes: { name: 5, provider: 'sipgate' } } });
    expect(response.status).toBe(400);
    expect(response.json).toEqual(
      errors(
        invalidBody('Value "sipgate" is not allowed in enum, at ["data", "attributes", "provider"].', '/data/attributes/provider'),
        invalidBody('Expected 5 to be string, at ["data", "attributes", "name"].', '/data/attributes/name'),
      ),
    );
  });

  test('reports a missing required attribute as a required error at its pointer', async () => {
    const response = await post({ data: { type: 'Gateway', attributes: { name: 'No provider' } } });
    expect(response.json).toEqual(errors(required('/data/attributes/provider')));
  });

  test('refuses data.id on create and relationship input the action does not take', async () => {
    const response = await post({ data: { id: SEEDED, type: 'Gateway', attributes: { name: 'x', provider: 'telnyx' }, relationships: { organisation: { data: null } } } });
    expect(response.status).toBe(400);
    expect(response.json).toEqual(
      errors(
        invalidBody('Expected only defined properties, got key ["data", "relationships", "organisation"].', '/data/relationships/organisation'),
        invalidBody('Expected only defined properties, got key ["data", "id"].', '/data/id'),
      ),
    );
  });

  test('reads a JSON body that is not an object as Plug does, under `_json`', async () => {
    const response = await post([1]);
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errors(invalidBody('Expected only defined properties, got key ["_json"].', '/_json'), required('/data')));
  });
});

describe(`sippet attribute casting (${ASH} lib/ash/type/boolean.ex, lib/ash/type/string.ex)`, () => {
  test.each([
    ['"false"', 'false', false],
    ['"true"', 'true', true],
    ['"0"', '0', false],
    ['"1"', '1', true],
  ])('casts register %s as Ecto casts a boolean', async (_, sent, stored) => {
    const response = await patch({ data: { attributes: { register: sent } } });
    expect(response.status, response.text).toBe(200);
    expect((response.json as Doc).data.attributes.register).toBe(stored);
  });

  test('refuses a string Ecto cannot cast to a boolean with invalid_attribute "is invalid"', async () => {
    const response = await patch({ data: { attributes: { register: 'yes' } } });
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errors(ashError({ status: '400', code: 'invalid_attribute', title: 'InvalidAttribute', detail: 'is invalid', source: { pointer: '/data/attributes/register' } })));
  });

  test('trims strings and stores an empty one as null (trim? and allow_empty? defaults)', async () => {
    const response = await patch({ data: { attributes: { username: '  padded-user  ', realm: '', proxy: '   ' } } });
    expect(response.status).toBe(200);
    expect((response.json as Doc).data.attributes).toMatchObject({ username: 'padded-user', realm: null, proxy: null });
  });

  test('a required attribute that trims to nothing is required', async () => {
    const response = await post({ data: { type: 'Gateway', attributes: { name: '   ', provider: 'telnyx' } } });
    expect(response.status).toBe(400);
    expect(response.json).toEqual(errors(required('/data/attributes/name')));
  });
});
