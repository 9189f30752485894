import { beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { createOperation, type Operation } from '../../src/openapi/operation.js';
import { jsonApiMedia } from '../../src/providers/media-policies.js';
import { PROVIDERS } from '../../src/providers/registry.js';
import { specPathOf } from '../../src/providers/spec-path.js';
import type { ProviderDefinition } from '../../src/providers/types.js';
import { PROVIDER_CASES, type ProviderCase } from '../helpers/provider-cases.js';
import { fillPath, requestExample, withoutRequiredField, withWrongType } from '../helpers/spec-requests.js';
import { http, useSipmock, type HttpResult } from '../helpers/start-server.js';

/**
 * One conformance suite for every provider and every operation of its spec (hono's runTest
 * pattern): whatever a spec documents, the running server must answer in the provider's own way.
 * The cases are built from each operation's spec, so only the ones that apply are registered.
 */
const loaded = await Promise.all(
  PROVIDERS.map(async (definition) => {
    const spec = await loadSpec(specPathOf(definition));
    return { definition, operations: spec.operations.map(createOperation) };
  }),
);

const sipmock = useSipmock();

type SendOptions = { headers?: Record<string, string>; body?: unknown; rawBody?: string; auth?: boolean };
type Send = (options?: SendOptions) => Promise<HttpResult>;
type Case = { name: string; run(send: Send): Promise<void> };

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

/** Every case that applies to one operation, from what its spec documents and its provider's media policy. */
function casesFor(definition: ProviderDefinition, providerCase: ProviderCase, operation: Operation): Case[] {
  const example = requestExample(operation);
  const bodySchema = operation.source.request?.body?.contents?.[0]?.schema;
  const cases: Case[] = [
    {
      name: 'answers the documented success status with a body that matches the spec',
      async run(send) {
        const response = await send({ body: example });
        expect(response.status, response.text).toBe(operation.successStatus);
        expectDocumented(operation, response);
      },
    },
    {
      name: 'answers a Prefer code the operation does not document with the list of codes',
      async run(send) {
        const response = await send({ body: example, headers: { prefer: 'code=418' } });
        expect(response.status).toBe(400);
        expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_PREFER_CODE');
        for (const code of operation.responses.keys()) expect(response.text).toContain(String(code));
      },
    },
  ];
  if (operation.needsCredentials) {
    cases.push({
      name: 'refuses a request without credentials the way the provider does',
      async run(send) {
        const response = await send({ body: example, auth: false });
        // A provider may document a request without any key as a missing field (400), not as 401.
        expect([400, 401, 403]).toContain(response.status);
        expectDocumented(operation, response);
      },
    });
  }
  const broken = [
    { how: 'a required field left out', ...withoutRequiredField(bodySchema, example) },
    { how: 'a field of the wrong type', ...withWrongType(bodySchema, example) },
  ].filter((entry): entry is { how: string; body: unknown; field: string } => 'field' in entry && entry.field !== undefined);
  // A body whose example has no field to break (VoiceTel's `{}`) is broken at its root: an array for an object.
  if (broken.length === 0 && (bodySchema as { type?: unknown } | undefined)?.type === 'object') broken.push({ how: 'an array for an object', body: [], field: '' });
  for (const { how, body, field } of broken) {
    cases.push({
      name: `reports a body with ${how}${field ? ` (${field})` : ''} in the provider format${field ? ', naming the field' : ''}`,
      async run(send) {
        const response = await send({ body });
        expect([400, 422]).toContain(response.status);
        expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_VALIDATION');
        if (field && !providerCase.unnamedErrors?.includes(operation.operationId)) expect(response.text).toContain(field);
        expectDocumented(operation, response);
      },
    });
  }
  if (operation.requestMediaTypes.length > 0) {
    cases.push({
      name: 'answers malformed JSON with the provider error',
      async run(send) {
        const response = await send({ rawBody: '{"unterminated": ' });
        expect(response.status).toBe(400);
        expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_BODY_MALFORMED');
        expectDocumented(operation, response);
      },
    });
  }
  for (const code of [404, 500].filter((status) => operation.responses.has(status))) {
    cases.push({
      name: `answers Prefer: code=${code} with the documented body`,
      async run(send) {
        const response = await send({ body: example, headers: { prefer: `code=${code}` } });
        expect(response.status).toBe(code);
        const content = operation.responses.get(code)!.contents[0];
        if (content) expect(response.json).toEqual(content.examples.values().next().value);
        expectDocumented(operation, response);
      },
    });
  }
  // The JSON:API base specification's media rules, for providers whose framework follows it to the letter.
  const jsonApi = 'application/vnd.api+json';
  if (definition.media === jsonApiMedia && operation.requestMediaTypes.includes(jsonApi)) {
    cases.push({
      name: 'answers a body sent as application/json with 415',
      async run(send) {
        const response = await send({ body: example, headers: { 'content-type': 'application/json' } });
        expect(response.status).toBe(415);
        expectDocumented(operation, response);
      },
    });
  }
  const successTypes = operation.responses.get(operation.successStatus)?.contents.map((c) => c.mediaType) ?? [];
  if (definition.media === jsonApiMedia && successTypes.includes(jsonApi)) {
    cases.push({
      name: 'answers an Accept without the JSON:API type with 406',
      async run(send) {
        const response = await send({ body: example, headers: { accept: 'application/json' } });
        expect(response.status).toBe(406);
        expectDocumented(operation, response);
      },
    });
  }
  return cases;
}

test('every operation that takes a body gets an invalid-body case', () => {
  const missing = loaded.flatMap(({ definition, operations }) =>
    operations
      .filter((operation) => operation.requestMediaTypes.length > 0)
      .filter((operation) => !casesFor(definition, PROVIDER_CASES[definition.slug], operation).some((c) => c.name.startsWith('reports a body')))
      .map((operation) => `${definition.slug} ${operation.operationId}`),
  );
  expect(missing).toEqual([]);
});

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

  const sender = (operation: Operation): Send => (options = {}) => {
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
  };

  test('answers a path its spec does not have with its own 404', async () => {
    const response = await http(sipmock.current.url, `/${slug}/no/such/path`, { headers: auth });
    expect(response.status).toBe(404);
    expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_ROUTE_NOT_FOUND');
    expect(response.json).toBeTypeOf('object');
    expect(response.text).not.toContain('stoplight.io');
  });

  describe.each(operations.map((operation) => ({ id: operation.operationId, operation })))('$id', ({ operation }) => {
    for (const { name, run } of casesFor(definition, providerCase, operation)) test(name, () => run(sender(operation)));
  });
});
