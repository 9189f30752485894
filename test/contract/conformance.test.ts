import { specPathOf } from '../../src/providers/spec-path.js';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_SPECS_DIR } from '../../src/server/create-app.js';
import { PROVIDERS } from '../../src/providers/registry.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { createOperation, type Operation } from '../../src/openapi/operation.js';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { fillPath, requestExample, withoutRequiredField } from '../helpers/spec-requests.js';
import { http, useSipmock, type HttpResult } from '../helpers/start-server.js';

/**
 * One conformance suite for every provider and every operation of its spec (hono's runTest
 * pattern): whatever a spec documents, the running server must answer in the provider's own way.
 */
const loaded = await Promise.all(
  PROVIDERS.map(async (definition) => {
    const spec = await loadSpec(specPathOf(definition));
    return { definition, operations: spec.operations.map(createOperation) };
  }),
);

const sipmock = useSipmock();

/** The response must be documented for the operation, and its body must match the documented schema. */
function expectDocumented(operation: Operation, response: HttpResult): void {
  const documented = operation.responses.get(response.status);
  expect(documented, `${operation.operationId} answered ${response.status}, which its spec does not document`).toBeDefined();
  expect(response.headers.get('sl-violations')).toBeNull();
  if (documented!.contents.length === 0) {
    expect(response.text).toBe('');
    return;
  }
  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0];
  expect(documented!.contents.map((c) => c.mediaType)).toContain(mediaType);
  expect(operation.validateResponse(response.status, mediaType, response.json)).toEqual([]);
}

describe.each(loaded)('$definition.slug', ({ definition, operations }) => {
  const slug = definition.slug;
  const providerCase = PROVIDER_CASES[slug];
  let auth: Record<string, string>;

  beforeAll(async () => {
    auth = await providerCase.credentials(sipmock.current.url);
  });
  beforeEach(async () => {
    // Every test starts from the seed state, plus what the provider's examples refer to.
    await http(sipmock.current.url, `/__sipmock/state/${slug}`, { method: 'DELETE' });
    await providerCase.prepare?.(sipmock.current.url, auth);
  });

  function send(operation: Operation, options: { headers?: Record<string, string>; body?: unknown; rawBody?: string; auth?: boolean } = {}) {
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const mediaType = operation.requestMediaTypes[0];
    const accept = operation.responses.get(operation.successStatus)?.contents[0]?.mediaType;
    return http(sipmock.current.url, `/${slug}${fillPath(operation, providerCase.pathParamsFor?.(operation) ?? providerCase.pathParams)}`, {
      method: operation.method,
      headers: {
        ...(options.auth === false ? {} : auth),
        ...(body !== undefined && mediaType ? { 'content-type': mediaType } : {}),
        ...(accept ? { accept } : {}),
        ...options.headers,
      },
      body,
    });
  }

  test('answers a path its spec does not have with its own 404', async () => {
    const response = await http(sipmock.current.url, `/${slug}/no/such/path`, { headers: auth });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_ROUTE_NOT_FOUND');
    expect(response.json).toBeTypeOf('object');
    expect(response.text).not.toContain('stoplight.io');
  });

  describe.each(operations.map((operation) => ({ id: operation.operationId, operation })))('$id', ({ operation }) => {
    const example = requestExample(operation);
    const bodySchema = operation.source.request?.body?.contents?.[0]?.schema;

    test('answers the documented success status with a body that matches the spec', async () => {
      const response = await send(operation, { body: example });
      expect(response.status, response.text).toBe(operation.successStatus);
      expectDocumented(operation, response);
    });

    test.runIf(operation.needsCredentials)('refuses a request without credentials the way the provider does', async () => {
      const response = await send(operation, { body: example, auth: false });
      expect([401, 403]).toContain(response.status);
      expectDocumented(operation, response);
    });

    const broken = withoutRequiredField(bodySchema, example);
    test.runIf(broken !== undefined)('reports a body that breaks the schema in the provider format, naming the field', async () => {
      const response = await send(operation, { body: broken!.body });
      expect([400, 422]).toContain(response.status);
      expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_VALIDATION');
      if (!providerCase.unnamedErrors?.includes(operation.operationId)) expect(response.text).toContain(broken!.field);
      expectDocumented(operation, response);
    });

    test.runIf(operation.requestMediaTypes.length > 0)('answers malformed JSON with the provider error', async () => {
      const response = await send(operation, { rawBody: '{"unterminated": ' });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_BODY_MALFORMED');
      expectDocumented(operation, response);
    });

    for (const code of [404, 500]) {
      test.runIf(operation.responses.has(code))(`answers Prefer: code=${code} with the documented body`, async () => {
        const response = await send(operation, { body: example, headers: { prefer: `code=${code}` } });
        expect(response.status).toBe(code);
        const content = operation.responses.get(code)!.contents[0];
        if (content) expect(response.json).toEqual(content.examples.values().next().value);
        expectDocumented(operation, response);
      });
    }

    test('answers a Prefer code the operation does not document with the list of codes', async () => {
      const response = await send(operation, { body: example, headers: { prefer: 'code=418' } });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_PREFER_CODE');
      for (const code of operation.responses.keys()) expect(response.text).toContain(String(code));
    });

    const jsonApi = 'application/vnd.api+json';
    const successTypes = operation.responses.get(operation.successStatus)?.contents.map((c) => c.mediaType) ?? [];
    if (operation.requestMediaTypes.includes(jsonApi) || successTypes.includes(jsonApi)) {
      test.runIf(operation.requestMediaTypes.includes(jsonApi))('answers a body sent as application/json with 415', async () => {
        const response = await send(operation, { body: example, headers: { 'content-type': 'application/json' } });
        expect(response.status).toBe(415);
        expectDocumented(operation, response);
      });

      test.runIf(successTypes.includes(jsonApi))(
        'answers an Accept without the JSON:API type with 406',
        async () => {
          const response = await send(operation, { body: example, headers: { accept: 'application/json' } });
          expect(response.status).toBe(406);
          expectDocumented(operation, response);
        },
      );
    }
  });
});
