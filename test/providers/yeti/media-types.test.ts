import { describe, expect, test } from 'vitest';
import { JR, JSON_API, YETI, registration, required, useYeti } from './yeti-client.js';

/**
 * Content negotiation of jsonapi-resources release-0-9, lib/jsonapi/acts_as_resource_controller.rb:
 * create and update compare `request.media_type` (the Content-Type without its parameters, lower
 * case) with the JSON:API type; every action then checks Accept, where an entry passes only when it
 * equals the JSON:API type exactly or starts with `*` + `/*`. Yeti's fork could not be read, so
 * the parameter-less comparison is an assumption (specs/yeti.openapi.yaml, x-sipmock-assumption).
 */
const yeti = useYeti();
const unsupported = (specified: string) => ({
  errors: [
    {
      title: 'Unsupported media type',
      detail: `All requests that create or update must use the '${JSON_API}' Content-Type. This request specified '${specified}'.`,
      code: '415',
      status: '415',
    },
  ],
});
const notAcceptable = (accept: string) => ({
  errors: [
    {
      title: 'Not acceptable',
      detail: `All requests must use the '${JSON_API}' Accept without media type parameters. This request specified '${accept}'.`,
      code: '406',
      status: '406',
    },
  ],
});

describe(`yeti Content-Type (${JR} lib/jsonapi/acts_as_resource_controller.rb verify_content_type_header)`, () => {
  test.each(['application/vnd.api+json; charset=utf-8', 'application/vnd.api+json;charset=UTF-8', 'Application/VND.API+JSON'])(
    'creates with Content-Type %s: the media type is compared without parameters, lower-cased',
    async (contentType) => {
      const response = await yeti.call('POST', '/registrations', registration(required('charset')), { 'content-type': contentType });
      expect(response.status).toBe(201);
      expect(response.headers.get('content-type')).toBe(JSON_API);
    },
  );

  test('updates with a charset parameter too (update runs the same check)', async () => {
    const response = await yeti.call('PATCH', '/registrations/9', { data: { type: 'registrations', id: '9', attributes: { expire: 60 } } }, { 'content-type': `${JSON_API}; charset=utf-8` });
    expect(response.status).toBe(200);
  });

  test.each<[string, string | undefined, string]>([
    ['application/json', 'application/json', 'application/json'],
    ['a parameter, which the detail leaves out', 'text/plain; charset=utf-8', 'text/plain'],
    ['no Content-Type at all', undefined, ''],
  ])('refuses a create sent as %s with 415 naming the bare media type (exceptions.rb UnsupportedMediaTypeError)', async (_, contentType, specified) => {
    const response = await yeti.call('POST', '/registrations', Buffer.from(JSON.stringify(registration(required('x')))), { 'content-type': contentType });
    expect(response.status).toBe(415);
    expect(response.json).toEqual(unsupported(specified));
  });

  test('checks Content-Type before Accept on create (create calls verify_content_type_header first)', async () => {
    const response = await yeti.call('POST', '/registrations', registration(required('x')), { 'content-type': 'text/plain', accept: 'text/html' });
    expect(response.status).toBe(415);
  });

  test('does not check Content-Type on delete (destroy only runs process_request)', async () => {
    const response = await yeti.call('DELETE', '/registrations/9', undefined, { 'content-type': 'text/plain' });
    expect(response.status).toBe(204);
  });

  test(`answers 401 before any media type check (${YETI} app/controllers/concerns/admin_api_authorizable.rb before_action)`, async () => {
    const response = await yeti.call('POST', '/registrations', registration(required('x')), { authorization: undefined, 'content-type': 'text/plain' });
    expect(response.status).toBe(401);
    expect(response.text).toBe('');
  });
});

describe(`yeti Accept (${JR} lib/jsonapi/acts_as_resource_controller.rb valid_accept_media_type?)`, () => {
  test.each([JSON_API, '*/*', '*/*;q=0.1', `text/html, ${JSON_API}`, ''])('serves Accept "%s"', async (accept) => {
    const response = await yeti.call('GET', '/registrations/9', undefined, { accept });
    expect(response.status).toBe(200);
  });

  test.each(['application/json', 'application/*', `${JSON_API}; charset=utf-8`, `${JSON_API};q=0.9`, 'text/html'])(
    'refuses Accept "%s" with 406 quoting the whole header',
    async (accept) => {
      const response = await yeti.call('GET', '/registrations/9', undefined, { accept });
      expect(response.status).toBe(406);
      expect(response.json).toEqual(notAcceptable(accept));
    },
  );
});
