import { beforeEach, describe, expect, test } from 'vitest';
import { ASH_JSON_API, JSON_API, PATH, SEEDED, ashError, errors, useSippet } from './sippet-client.js';

// Cases from ash-project/ash_json_api@50e64166 test/spec_compliance/content_negotiation_test.exs and
// lib/ash_json_api/request.ex (validate_accept_header, validate_content_type_header, valid_header_params?).
const { call, reset } = useSippet('sk_test_negotiation');
beforeEach(reset);

const unacceptable = ashError({ status: '406', code: 'unacceptable_media_type', title: 'Unacceptable Media Type' });
const unsupported = ashError({ status: '415', code: 'unsupported_media_type', title: 'Unsupported Media Type' });
const createBody = { data: { type: 'Gateway', attributes: { name: 'Negotiated trunk', provider: 'telnyx' } } };

describe(`sippet Accept header (${ASH_JSON_API} content_negotiation_test.exs "Server sending 406")`, () => {
  test.each([
    ['no Accept header', undefined],
    ['a blank Accept', ''],
    ['the JSON:API media type', JSON_API],
    ['JSON:API with a profile parameter', `${JSON_API}; profile="http://example.com/last-modified http://example.com/timestamps"`],
    ['JSON:API with an ext parameter (valid_header_params?)', `${JSON_API}; ext="https://jsonapi.org/ext/atomic"`],
    ['JSON:API plain and JSON:API with a charset', `${JSON_API}, ${JSON_API}; charset=test`],
    ['a random value', 'foo'],
    ['*/*', '*/*'],
    ['*/* with a q parameter', '*/*;q=0.8'],
    ['application/json (only vnd.api+json entries count)', 'application/json'],
    ['text/html (only vnd.api+json entries count)', 'text/html'],
  ])('serves a request with %s', async (_, accept) => {
    const response = await call('GET', `${PATH}/${SEEDED}`, { headers: { accept } });
    expect(response.status, response.text).toBe(200);
    // AshJsonApi.Test asserts the exact header on every success (lib/ash_json_api/test/test.ex).
    expect(response.headers.get('content-type')).toBe(JSON_API);
  });

  test.each([
    ['two JSON:API entries that both carry a charset', `${JSON_API}; charset=test, ${JSON_API}; charset=test`],
    ['JSON:API with a quoted charset', `${JSON_API}; charset="utf-8"`],
    ['JSON:API with only a q weight (request.ex: q is a parameter like any other)', `${JSON_API};q=0.9`],
  ])('answers 406 unacceptable_media_type to %s', async (_, accept) => {
    const response = await call('GET', `${PATH}/${SEEDED}`, { headers: { accept } });
    expect(response.status).toBe(406);
    expect(response.json).toEqual(errors(unacceptable));
    expect(response.headers.get('content-type')).toBe(JSON_API);
  });
});

describe(`sippet Content-Type header (${ASH_JSON_API} content_negotiation_test.exs "Server sending 415")`, () => {
  test.each([
    ['the JSON:API media type', JSON_API],
    ['JSON:API with a profile parameter', `${JSON_API}; profile="http://example.com/last-modified http://example.com/timestamps"`],
    ['JSON:API with ext and profile parameters', `${JSON_API}; ext="https://jsonapi.org/ext/atomic"; profile="http://example.com/p"`],
  ])('creates with %s', async (_, contentType) => {
    const response = await call('POST', PATH, { body: createBody, headers: { 'content-type': contentType } });
    expect(response.status, response.text).toBe(201);
  });

  test.each([
    ['JSON:API with a quoted charset', `${JSON_API}; charset="utf-8"`],
    ['two JSON:API values that both carry a charset', `${JSON_API}; charset=test, ${JSON_API}; charset=test`],
    ['application/json', 'application/json'],
  ])('answers 415 unsupported_media_type to %s', async (_, contentType) => {
    const response = await call('POST', PATH, { body: createBody, headers: { 'content-type': contentType } });
    expect(response.status).toBe(415);
    expect(response.json).toEqual(errors(unsupported));
  });

  test('checks Content-Type on a GET too: the check is part of every route (request.ex from/7)', async () => {
    const response = await call('GET', `${PATH}/${SEEDED}`, { headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(415);
    expect(response.json).toEqual(errors(unsupported));
  });

  test('answers both header errors together, the later check first, with the highest status', async () => {
    const response = await call('POST', PATH, {
      body: createBody,
      headers: { 'content-type': `${JSON_API}; charset=utf-8`, accept: `${JSON_API}; charset=utf-8` },
    });
    expect(response.status).toBe(415);
    expect(response.json).toEqual(errors(unsupported, unacceptable));
  });
});
