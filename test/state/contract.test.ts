import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Operation } from '../../src/openapi/operation.js';
import { PROVIDERS } from '../../src/providers/registry.js';
import { loadFixtures, DEFAULT_FIXTURES_DIR } from '../../src/recording/fixture-files.js';
import { startSipmock, type RunningSipmock } from '../../src/server/create-app.js';
import type { MountedProvider } from '../../src/server/mounted-provider.js';
import { createLogger } from '../../src/server/logger.js';
import { http, providerCaller } from '../helpers/start-server.js';

const stateful = PROVIDERS.filter((p) => p.resources);

/** Per provider: each UUID collection and the operations that create its records (POST, from the replay rules). */
function uuidCreates(provider: MountedProvider): Array<{ collection: string; operation: Operation }> {
  const found: Array<{ collection: string; operation: Operation }> = [];
  for (const [name, collection] of Object.entries(provider.definition.resources?.collections ?? {})) {
    if (collection.ids !== 'uuid') continue;
    for (const operationId of Object.keys(collection.replay ?? {})) {
      const operation = provider.byId.get(operationId)!;
      if (operation.method === 'POST') found.push({ collection: name, operation });
    }
  }
  return found;
}

function firstRequestExample(operation: Operation): unknown {
  const example = operation.source.request?.body?.contents?.[0]?.examples?.[0];
  return example && 'value' in example ? example.value : undefined;
}

const idOf = (body: unknown) => {
  const document = body as { id?: string; data?: { id?: string } };
  return document.data?.id ?? document.id;
};

describe('collections own their ids', () => {
  let running: RunningSipmock;
  beforeAll(async () => {
    running = await startSipmock({ port: 0, logger: createLogger({ quiet: true }) });
  });
  afterAll(async () => running.close());

  const cases = () => running.providers.flatMap((provider) => uuidCreates(provider).map((entry) => ({ provider, ...entry })));

  test('there are UUID collections to check (the table below is not empty)', () => {
    expect(cases().length).toBeGreaterThanOrEqual(3);
  });

  test('a create after GET and PUT of the state dump gets a new id and overwrites nothing, for every UUID collection', async () => {
    for (const { provider, collection, operation } of cases()) {
      const { slug } = provider.definition;
      const call = providerCaller(`${running.url}/${slug}`);
      const headers = { ...(await provider.definition.auth.example(call)), 'content-type': operation.requestMediaTypes[0], accept: operation.requestMediaTypes[0] };
      const create = () => call({ method: 'POST', path: operation.pathTemplate, headers, body: firstRequestExample(operation) });
      const first = await create();
      expect(first.status, `${slug} ${operation.operationId}`).toBe(operation.successStatus);

      const dump = await http(running.url, `/__sipmock/state/${slug}`);
      const put = await http(running.url, `/__sipmock/state/${slug}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: dump.text });
      expect(put.status, put.text).toBe(200);

      const second = await create();
      expect(second.status, `${slug} ${operation.operationId}`).toBe(operation.successStatus);
      expect(idOf(second.body), `${slug} ${operation.operationId}`).not.toBe(idOf(first.body));
      const after = (await http(running.url, `/__sipmock/state/${slug}`)).json as { accounts: Record<string, Record<string, Array<{ id: string }>>> };
      const ids = Object.values(after.accounts).flatMap((account) => account[collection].map((record) => record.id));
      expect(ids, slug).toEqual(expect.arrayContaining([idOf(first.body), idOf(second.body)]));
    }
  });

  test('a PUT without the allocation still never reuses a stored id', async () => {
    for (const { provider, collection, operation } of cases()) {
      const { slug } = provider.definition;
      const call = providerCaller(`${running.url}/${slug}`);
      const headers = { ...(await provider.definition.auth.example(call)), 'content-type': operation.requestMediaTypes[0], accept: operation.requestMediaTypes[0] };
      await http(running.url, `/__sipmock/state/${slug}`, { method: 'DELETE' });
      const first = await call({ method: 'POST', path: operation.pathTemplate, headers, body: firstRequestExample(operation) });
      const dump = (await http(running.url, `/__sipmock/state/${slug}`)).json as { accounts: object };
      // Only the records: the draw count that made the first id is lost, so the same id comes up again and must be skipped.
      await http(running.url, `/__sipmock/state/${slug}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ accounts: dump.accounts }) });
      const second = await call({ method: 'POST', path: operation.pathTemplate, headers, body: firstRequestExample(operation) });
      expect(idOf(second.body), `${slug} ${collection}`).not.toBe(idOf(first.body));
    }
  });
});

describe('the control API answers errors from the catalog, in JSON', () => {
  let running: RunningSipmock;
  beforeAll(async () => {
    running = await startSipmock({ port: 0, logger: createLogger({ quiet: true }) });
  });
  afterAll(async () => running.close());

  test.each(stateful.map((p) => p.slug))('PUT /__sipmock/state/%s with malformed JSON is a JSON 400 without a stack trace', async (slug) => {
    const response = await http(running.url, `/__sipmock/state/${slug}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"accounts": ' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_CONTROL_BODY');
    expect(response.json).toMatchObject({ error: 'MOCK_ERR_CONTROL_BODY', message: expect.stringContaining('not valid JSON') });
    expect(response.text).not.toMatch(/<html|at \w+ \(|node_modules|\.ts:\d+/i);
  });

  test.each(stateful.flatMap((p) => ['constructor', '__proto__', 'hasOwnProperty', 'toString'].map((name) => [p.slug, name])))(
    'PUT /__sipmock/state/%s?account=x with a collection named %s is refused as unknown',
    async (slug, name) => {
      const response = await http(running.url, `/__sipmock/state/${slug}?account=x`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: `{"${name}": []}` });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_STATE_INVALID');
      expect((response.json as { message: string }).message).toContain(`unknown collection "${name}"`);
    },
  );

  test.each(stateful.map((p) => p.slug))('an account named __proto__ at %s is stored, dumped and restored like any other', async (slug) => {
    // A UUID as the source account: some providers keep the account in their records (SignalWire's project_id).
    const source = '6f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
    const dump = (await http(running.url, `/__sipmock/state/${slug}?account=${source}`)).json as { accounts: Record<string, object> };
    const put = await http(running.url, `/__sipmock/state/${slug}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: `{"accounts": {"__proto__": ${JSON.stringify(dump.accounts[source])}}}`,
    });
    expect(put.status, put.text).toBe(200);
    const again = JSON.parse((await http(running.url, `/__sipmock/state/${slug}`)).text) as { accounts: object };
    expect(Object.keys(again.accounts)).toContain('__proto__');
  });
});

describe('replay checks credentials first, as the provider would', () => {
  let running: RunningSipmock;
  beforeAll(async () => {
    // Each provider accepts one configured credential only; the recordings were made with other ones.
    const credentials = Object.fromEntries(PROVIDERS.map((p) => [p.slug, ['only-this-one:secret']]));
    running = await startSipmock({ port: 0, credentials, replay: { mode: 'strict' }, logger: createLogger({ quiet: true }) });
  });
  afterAll(async () => running.close());

  test('a recorded happy path is never answered to a wrong credential: every provider says 401 in its own format', async () => {
    const fixtures = await loadFixtures(DEFAULT_FIXTURES_DIR, PROVIDERS.map((p) => p.slug));
    for (const provider of running.providers) {
      const { slug } = provider.definition;
      const recorded = fixtures.find(({ fixture }) => fixture.meta.provider === slug && fixture.meta.scenario === 'happy-path' && provider.byId.get(fixture.meta.operationId)?.needsCredentials);
      expect(recorded, slug).toBeDefined();
      const { request } = recorded!.fixture;
      const response = await http(running.url, `/${slug}${request.path}`, {
        method: request.method,
        headers: { 'content-type': String(request.headers['content-type'] ?? 'application/json'), authorization: 'Bearer WRONG_TOKEN' },
        body: request.body === null ? undefined : JSON.stringify(request.body),
      });
      expect(response.status, `${slug} ${recorded!.file}`).toBe(401);
      expect(response.headers.get('x-sipmock-fixture'), slug).toBeNull();
      expect(response.headers.get('x-sipmock-error'), slug).toMatch(/^MOCK_ERR_AUTH_/);
    }
  });
});
