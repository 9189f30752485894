import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { PROVIDERS } from '../../src/providers/registry.js';
import { specPathOf } from '../../src/providers/spec-path.js';
import type { RunningSipmock } from '../../src/server/create-app.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { createOperation, type Operation } from '../../src/openapi/operation.js';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { chunk, openConnection, sleep } from '../helpers/raw-http.js';
import { http, useSipmock } from '../helpers/start-server.js';

/**
 * The edges of the HTTP layer every provider shares: body limits, broken bodies, methods, HEAD,
 * the control API, the fallback 404, Prefer parsing, and load. Answers are checked against the
 * providers' own error formats, byte for byte where the format is fixed.
 */

const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const JSON_API = 'application/vnd.api+json';
const JSON_UTF8 = 'application/json; charset=utf-8';

/** Every provider's operations, loaded from the specs independently of the server under test. */
const SPECS = Object.fromEntries(
  await Promise.all(
    PROVIDERS.map(async (definition) => {
      const spec = await loadSpec(specPathOf(definition));
      return [definition.slug, { document: spec.document, operations: spec.operations.map(createOperation) }] as const;
    }),
  ),
);

function operation(slug: string, operationId: string): Operation {
  const found = SPECS[slug].operations.find((o) => o.operationId === operationId);
  if (!found) throw new Error(`${slug} has no operation ${operationId}`);
  return found;
}

/** What JSON.parse says about `text` on this Node version (the Nebrija and JSON:API errors quote it). */
function parseError(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${text} is valid JSON`);
}

/** Per provider, from its case beside its tests (test/providers/<slug>/case.ts): what to send and what it answers. */
const EDGES = Object.fromEntries(PROVIDERS.map((p) => [p.slug, PROVIDER_CASES[p.slug].edges]));
const CREATE = Object.fromEntries(Object.entries(EDGES).map(([slug, edges]) => [slug, edges.create]));
/** A collection every provider lists (VoiceTel lists with POST). */
const LIST = Object.fromEntries(Object.entries(EDGES).map(([slug, edges]) => [slug, edges.list]));
const CONTENT_TYPE = Object.fromEntries(Object.entries(EDGES).map(([slug, edges]) => [slug, edges.errorContentType]));


/** Credentials per provider, fetched once per server (Yeti's JWT comes from the server itself). */
function useAuth(server: { current: RunningSipmock }): Record<string, Record<string, string>> {
  const auth: Record<string, Record<string, string>> = {};
  beforeAll(async () => {
    for (const definition of PROVIDERS) {
      if (server.current.providers.some((p) => p.definition.slug === definition.slug)) {
        auth[definition.slug] = await PROVIDER_CASES[definition.slug].credentials(server.current.url);
      }
    }
  });
  return auth;
}

/** Each provider's 413 body for a given limit. */
function tooLarge(slug: string, limit: number): unknown {
  return EDGES[slug].tooLarge(limit);
}


/** A JSON object body of exactly `size` bytes: `{}` padded with spaces, which JSON allows. */
function paddedEmptyObject(size: number): string {
  return `{${' '.repeat(size - 2)}}`;
}

describe('with a body limit of 1024 bytes', () => {
  const LIMIT = 1024;
  const sipmock = useSipmock({ bodyLimit: LIMIT });
  const auth = useAuth(sipmock);

  test.each(Object.keys(CREATE))('answers a %s body over the limit with 413 in the provider format and keeps serving', async (slug) => {
    const { path, mediaType } = CREATE[slug];
    const response = await http(sipmock.current.url, path, {
      method: 'POST',
      headers: { ...auth[slug], 'content-type': mediaType },
      body: JSON.stringify({ padding: 'x'.repeat(2 * LIMIT) }),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_BODY_TOO_LARGE');
    expect(response.headers.get('content-type')).toBe(CONTENT_TYPE[slug]);
    expect(response.json).toEqual(tooLarge(slug, LIMIT));

    const health = await http(sipmock.current.url, '/__sipmock/health');
    expect(health.status).toBe(200);
    const list = LIST[slug];
    const after = await http(sipmock.current.url, list.path, {
      method: list.method,
      headers: { ...auth[slug], accept: list.accept, ...(list.body ? { 'content-type': 'application/json' } : {}) },
      body: list.body,
    });
    expect(after.status).toBe(200);
  });

  test('accepts a body of exactly the limit and refuses one byte more', async () => {
    const send = (body: string) =>
      http(sipmock.current.url, '/voicetel/v2.1/gateways/list/', {
        method: 'POST',
        headers: { ...auth.voicetel, 'content-type': 'application/json', prefer: 'code=200' },
        body,
      });
    const atLimit = await send(paddedEmptyObject(LIMIT));
    expect(atLimit.status).toBe(200);
    expect(atLimit.json).toEqual(operation('voicetel', 'gatewaysList').responses.get(200)!.contents[0].examples.values().next().value);

    const overLimit = await send(paddedEmptyObject(LIMIT + 1));
    expect(overLimit.status).toBe(413);
    expect(overLimit.json).toEqual(tooLarge('voicetel', LIMIT));
  });

  test('answers a Content-Length over the limit with 413 without waiting for the body', async () => {
    const connection = await openConnection(sipmock.current.url);
    try {
      // Declares 4 KiB and sends 2 bytes: the server must not wait for the other 4094.
      connection.write(
        'POST /nebrija/api/v1/sip-trunks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer nbj_edge\r\n' +
          'Content-Type: application/json\r\nContent-Length: 4096\r\n\r\n{}',
      );
      const response = await connection.nextResponse(2_000);
      expect(response.status).toBe(413);
      expect(response.headers['x-sipmock-error']).toBe('MOCK_ERR_BODY_TOO_LARGE');
      expect(JSON.parse(response.body)).toEqual(tooLarge('nebrija', LIMIT));
    } finally {
      connection.destroy();
    }
  });

  test('answers a chunked body over the limit with 413 and closes the connection cleanly (the rest is never read)', async () => {
    const connection = await openConnection(sipmock.current.url);
    try {
      connection.write(
        'POST /signalwire/api/fabric/resources/sip_gateways HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
          `Authorization: ${auth.signalwire.authorization}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n` +
          `${chunk(`{"name":"${'x'.repeat(LIMIT)}"}`)}0\r\n\r\n`,
      );
      const response = await connection.nextResponse(2_000);
      expect(response.status).toBe(413);
      expect(response.headers['x-sipmock-error']).toBe('MOCK_ERR_BODY_TOO_LARGE');
      expect(JSON.parse(response.body)).toEqual({ error: 'Payload Too Large' });
      expect(response.headers.connection).toBe('close');
      expect(await connection.ended(1_000)).toBe('end');
    } finally {
      connection.destroy();
    }
  });

  test('keeps the connection usable after a chunked body over the limit that arrives in pieces', async () => {
    const connection = await openConnection(sipmock.current.url);
    try {
      connection.write(
        'POST /signalwire/api/fabric/resources/sip_gateways HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
          `Authorization: ${auth.signalwire.authorization}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      );
      for (const size of [512, 1024, 512]) {
        connection.write(chunk('x'.repeat(size)));
        await sleep(40);
      }
      connection.write('0\r\n\r\n');
      const response = await connection.nextResponse(2_000);
      expect(response.status).toBe(413);
      expect(JSON.parse(response.body)).toEqual({ error: 'Payload Too Large' });

      if (response.headers.connection?.toLowerCase() === 'close') {
        // Closing the connection after a 413 is fine, as long as it is closed cleanly and at once.
        expect(await connection.ended(1_000)).toBe('end');
        return;
      }
      connection.write('GET /__sipmock/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      const next = await connection.nextResponse(1_000);
      expect(next.status).toBe(200);
    } finally {
      connection.destroy();
    }
  });

  test('reads a body only up to its Content-Length and parses the bytes after it as the next request', async () => {
    const connection = await openConnection(sipmock.current.url);
    try {
      // A Content-Length shorter than what follows: the server must cut the body at 2 bytes, so the
      // pipelined GET after it is a request of its own, not part of the body.
      connection.write(
        'POST /voicetel/v2.1/gateways/list/ HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
          'Authorization: Bearer 0123456789abcdef0123456789abcdef\r\nPrefer: code=200\r\nContent-Type: application/json\r\n' +
          'Content-Length: 2\r\n\r\n{}GET /__sipmock/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
      );
      const first = await connection.nextResponse(2_000);
      expect(first.status).toBe(200);
      expect(JSON.parse(first.body)).toEqual(operation('voicetel', 'gatewaysList').responses.get(200)!.contents[0].examples.values().next().value);
      const second = await connection.nextResponse(2_000);
      expect(second.status).toBe(200);
      expect(JSON.parse(second.body)).toMatchObject({ status: 'ok', version: PACKAGE.version });
    } finally {
      connection.destroy();
    }
  });

  test('answers bytes after a body that do not parse as a request with 400 and closes the connection', async () => {
    const connection = await openConnection(sipmock.current.url);
    try {
      connection.write(
        'POST /voicetel/v2.1/gateways/list/ HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
          'Authorization: Bearer 0123456789abcdef0123456789abcdef\r\nPrefer: code=200\r\nContent-Type: application/json\r\n' +
          'Content-Length: 2\r\n\r\n{}',
      );
      expect((await connection.nextResponse(2_000)).status).toBe(200);
      connection.write('x'.repeat(600));
      const garbage = await connection.nextResponse(2_000);
      expect(garbage.status).toBe(400);
      expect(garbage.headers.connection).toBe('close');
      expect(await connection.ended(2_000)).toBe('end');
      expect((await http(sipmock.current.url, '/__sipmock/health')).status).toBe(200);
    } finally {
      connection.destroy();
    }
  });
});

describe('with the default body limit of 1 MiB', () => {
  const MIB = 1024 * 1024;
  const sipmock = useSipmock({ providers: ['voicetel', 'nebrija'] });

  test('accepts a 1 MiB body and answers one byte more with 413, then keeps serving', async () => {
    const send = (body: string) =>
      http(sipmock.current.url, '/voicetel/v2.1/gateways/list/', {
        method: 'POST',
        headers: { authorization: 'Bearer 0123456789abcdef0123456789abcdef', 'content-type': 'application/json', prefer: 'code=200' },
        body,
      });
    const atLimit = await send(paddedEmptyObject(MIB));
    expect(atLimit.status).toBe(200);

    const overLimit = await send(paddedEmptyObject(MIB + 1));
    expect(overLimit.status).toBe(413);
    expect(overLimit.headers.get('x-sipmock-error')).toBe('MOCK_ERR_BODY_TOO_LARGE');
    expect(overLimit.json).toEqual(tooLarge('voicetel', MIB));

    const nebrija = await http(sipmock.current.url, '/nebrija/api/v1/sip-trunks', {
      method: 'POST',
      headers: { authorization: 'Bearer nbj_edge', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(2 * MIB) }),
    });
    expect(nebrija.status).toBe(413);
    expect(nebrija.json).toEqual(tooLarge('nebrija', MIB));

    expect((await http(sipmock.current.url, '/__sipmock/health')).status).toBe(200);
  });
});

describe('with every provider mounted', () => {
  const sipmock = useSipmock();
  const auth = useAuth(sipmock);

  describe('malformed JSON', () => {
    const MALFORMED = '{"unterminated": ';
    const why = () => parseError(MALFORMED);

    test.each(Object.keys(CREATE))('answers malformed JSON to %s with 400 in the provider format', async (slug) => {
      const response = await http(sipmock.current.url, CREATE[slug].path, {
        method: 'POST',
        headers: { ...auth[slug], 'content-type': CREATE[slug].mediaType },
        body: MALFORMED,
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_BODY_MALFORMED');
      expect(response.headers.get('content-type')).toBe(CONTENT_TYPE[slug]);
      expect(response.json).toEqual(EDGES[slug].malformed(why()));
    });
  });

  describe('empty body where one is required', () => {
    const expected = Object.fromEntries(Object.entries(EDGES).map(([slug, edges]) => [slug, edges.empty]));

    test.each(Object.keys(CREATE))('answers an empty body to %s with the provider error', async (slug) => {
      const response = await http(sipmock.current.url, CREATE[slug].path, {
        method: 'POST',
        headers: { ...auth[slug], 'content-type': CREATE[slug].mediaType },
      });
      expect(response.status).toBe(expected[slug].status);
      expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_BODY_MISSING');
      expect(response.json).toEqual(expected[slug].body);
    });

    test('treats a body of only whitespace as empty', async () => {
      const response = await http(sipmock.current.url, CREATE.nebrija.path, {
        method: 'POST',
        headers: { ...auth.nebrija, 'content-type': 'application/json' },
        body: ' \r\n\t ',
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_BODY_MISSING');
      expect(response.json).toEqual(expected.nebrija.body);
    });
  });

  test('names the body, not an empty field, when a JSON body is not an object', async () => {
    const nebrija = await http(sipmock.current.url, CREATE.nebrija.path, {
      method: 'POST',
      headers: { ...auth.nebrija, 'content-type': 'application/json' },
      body: '[]',
    });
    expect(nebrija.status).toBe(400);
    expect(nebrija.headers.get('x-sipmock-error')).toBe('MOCK_ERR_VALIDATION');
    const messages = (nebrija.json as { message: string[] }).message;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^\S.* must be an object$/);

    const voicetel = await http(sipmock.current.url, LIST.voicetel.path, {
      method: 'POST',
      headers: { ...auth.voicetel, 'content-type': 'application/json' },
      body: '"just a string"',
    });
    expect(voicetel.status).toBe(400);
    expect(voicetel.headers.get('x-sipmock-error')).toBe('MOCK_ERR_VALIDATION');
    expect((voicetel.json as { message: string }).message).toMatch(/^Invalid Field: \S+ must be an object$/);
  });

  describe('HEAD', () => {
    test.each(['signalwire', 'nebrija', 'sippet'])('answers HEAD on a %s GET route with the GET headers and no body', async (slug) => {
      const list = LIST[slug];
      const headers = { ...auth[slug], accept: list.accept, prefer: 'code=200' };
      const get = await http(sipmock.current.url, list.path, { headers });
      expect(get.status).toBe(200);

      const connection = await openConnection(sipmock.current.url);
      try {
        // HEAD, then a second request on the same connection: if HEAD sent any body byte, the
        // second response would not start where the HEAD response ends.
        const headerLines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
        connection.write(`HEAD ${list.path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headerLines}\r\n`);
        connection.write('GET /__sipmock/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
        const head = await connection.nextResponse(2_000, { head: true });
        expect(head.status).toBe(200);
        expect(head.headers['content-type']).toBe(get.headers.get('content-type'));
        expect(head.headers['content-length']).toBe(String(Buffer.byteLength(get.text)));
        const next = await connection.nextResponse(2_000);
        expect(next.status).toBe(200);
        expect(JSON.parse(next.body)).toMatchObject({ status: 'ok', version: PACKAGE.version });
      } finally {
        connection.destroy();
      }
    });

    test('answers HEAD through fetch with an empty body', async () => {
      const response = await fetch(`${sipmock.current.url}${LIST.signalwire.path}`, { method: 'HEAD', headers: auth.signalwire });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
      expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
    });
  });

  describe('a method the path does not have', () => {
    const cases = Object.entries(EDGES).map(([slug, edges]) => ({ slug, ...edges.wrongMethod }));

    test.each(cases)('answers $method $path with the $slug error', async ({ slug, method, path, status, body, allow }) => {
      const response = await http(sipmock.current.url, path, {
        method,
        headers: { ...auth[slug], 'content-type': CREATE[slug].mediaType },
        body: method === 'GET' ? undefined : '{}',
      });
      expect(response.status).toBe(status);
      expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_METHOD_NOT_ALLOWED');
      expect(response.headers.get('allow')).toBe(allow ?? null);
      expect(response.json).toEqual(body);
    });
  });

  describe('control API and fallback', () => {
    test('answers GET /__sipmock/health with the version and every mounted provider', async () => {
      const response = await http(sipmock.current.url, '/__sipmock/health');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(JSON_UTF8);
      const base = sipmock.current.url;
      expect(response.json).toEqual({
        status: 'ok',
        version: PACKAGE.version,
        providers: PROVIDERS.map((definition) => ({
          slug: definition.slug,
          title: definition.title,
          baseUrl: `${base}/${definition.slug}`,
          realBase: definition.realBase,
          specVersion: SPECS[definition.slug].document.info.version,
          operations: SPECS[definition.slug].operations.length,
        })),
      });
    });

    test('answers an unknown /__sipmock route with a JSON 404', async () => {
      const response = await http(sipmock.current.url, '/__sipmock/nope?x=1');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe(JSON_UTF8);
      expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_CONTROL_NOT_FOUND');
      expect(response.json).toEqual({ error: 'MOCK_ERR_CONTROL_NOT_FOUND', message: 'No control route GET /__sipmock/nope; see the README, "Control API"' });

      const post = await http(sipmock.current.url, '/__sipmock/health', { method: 'POST' });
      expect(post.status).toBe(404);
      expect(post.json).toEqual({ error: 'MOCK_ERR_CONTROL_NOT_FOUND', message: 'No control route POST /__sipmock/health; see the README, "Control API"' });
    });

    test.each(['/nowhere/at/all?x=1', '/', '/sippetx/api/gateways'])(
      'answers %s, under no provider, with a JSON 404 listing the mounted prefixes',
      async (path) => {
        const response = await http(sipmock.current.url, path, { method: 'DELETE' });
        expect(response.status).toBe(404);
        expect(response.headers.get('content-type')).toBe(JSON_UTF8);
        expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_NO_PROVIDER');
        expect(response.json).toEqual({
          error: 'MOCK_ERR_NO_PROVIDER',
          message: `sipmock serves no provider at DELETE ${path.split('?')[0]}; use one of the mounted prefixes`,
          providers: ['/sippet', '/signalwire', '/voicetel', '/nebrija', '/yeti'],
          control: '/__sipmock',
        });
      },
    );

    test('answers a request with a malformed Host header in JSON, not with an HTML 500', async () => {
      const connection = await openConnection(sipmock.current.url);
      try {
        connection.write('GET /nebrija/api/v1/sip-trunks HTTP/1.1\r\nHost: foo:bar:baz\r\nAuthorization: Bearer nbj_edge\r\n\r\n');
        const response = await connection.nextResponse(2_000);
        expect(response.headers['content-type']).toMatch(/^application\/json/);
        expect(response.status).toBeLessThan(500);
        expect(() => JSON.parse(response.body)).not.toThrow();
      } finally {
        connection.destroy();
      }
    });
  });

  describe('Prefer', () => {
    const getTrunks = (headers: Record<string, string>, query = '') =>
      http(sipmock.current.url, `/nebrija/api/v1/sip-trunks${query}`, { headers: { ...auth.nebrija, ...headers } });

    test('answers Prefer: code=abc with 400 MOCK_ERR_PREFER_INVALID in the provider format', async () => {
      const nebrija = await getTrunks({ prefer: 'code=abc' });
      expect(nebrija.status).toBe(400);
      expect(nebrija.headers.get('x-sipmock-error')).toBe('MOCK_ERR_PREFER_INVALID');
      expect(nebrija.json).toEqual({
        statusCode: 400,
        message: 'Invalid Prefer header "code=abc": code must be three digits, got "abc"',
        error: 'Bad Request',
      });

      const signalwire = await http(sipmock.current.url, LIST.signalwire.path, { headers: { ...auth.signalwire, prefer: 'code=abc' } });
      expect(signalwire.status).toBe(400);
      expect(signalwire.headers.get('x-sipmock-error')).toBe('MOCK_ERR_PREFER_INVALID');
      expect(signalwire.json).toEqual({ error: 'Bad Request: Invalid Prefer header "code=abc": code must be three digits, got "abc"' });
    });

    test.each(['code=20', 'code=600', 'dynamic=yes', 'example='])('answers Prefer: %s with 400 MOCK_ERR_PREFER_INVALID', async (prefer) => {
      const response = await getTrunks({ prefer });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_PREFER_INVALID');
      expect((response.json as { message: string }).message).toMatch(new RegExp(`^Invalid Prefer header "${prefer}": `));
    });

    test('answers Prefer: example=nope with 400 MOCK_ERR_PREFER_EXAMPLE listing the examples that exist', async () => {
      const examples = [...operation('nebrija', 'listSipTrunks').responses.get(200)!.contents[0].examples.keys()];
      expect(examples.length).toBeGreaterThan(0);
      const response = await getTrunks({ prefer: 'example=nope' });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_PREFER_EXAMPLE');
      expect(response.json).toEqual({
        statusCode: 400,
        message: `Prefer example=nope does not exist for listSipTrunks status 200; examples: ${examples.join(', ')}`,
        error: 'Bad Request',
      });
    });

    test('answers Prefer: example=<name> with that example', async () => {
      const examples = operation('nebrija', 'listSipTrunks').responses.get(200)!.contents[0].examples;
      const [name, value] = [...examples].at(-1)!;
      const response = await getTrunks({ prefer: `example=${name}` });
      expect(response.status).toBe(200);
      expect(response.json).toEqual(value);
    });

    test('ignores preferences it does not know, as RFC 7240 allows', async () => {
      const response = await getTrunks({ prefer: 'respond-async, wait=10, code=200' });
      expect(response.status).toBe(200);
      expect(response.json).toEqual(operation('nebrija', 'listSipTrunks').responses.get(200)!.contents[0].examples.values().next().value);
    });

    test.each(Object.keys(LIST))('answers %s with the same seeded dynamic body twice, valid against the spec', async (slug) => {
      const list = LIST[slug];
      const op = operation(slug, list.operationId);
      const send = (seed: string) =>
        http(sipmock.current.url, list.path, {
          method: list.method,
          headers: {
            ...auth[slug],
            accept: list.accept,
            prefer: `dynamic=true, seed=${seed}`,
            ...(list.body ? { 'content-type': 'application/json' } : {}),
          },
          body: list.body,
        });
      const first = await send('7');
      const second = await send('7');
      const other = await send('8');
      for (const response of [first, second, other]) {
        expect(response.status, response.text).toBe(200);
        expect(response.headers.get('sl-violations')).toBeNull();
        const mediaType = response.headers.get('content-type')!.split(';')[0];
        expect(op.validateResponse(200, mediaType, response.json)).toEqual([]);
      }
      expect(second.text).toBe(first.text);
      expect(other.text).not.toBe(first.text);
      // Generated, not the documented example.
      expect(first.json).not.toEqual(op.responses.get(200)!.contents[0].examples.values().next().value);
    });

    test('answers the legacy __code=404 query parameter when no Prefer header is sent', async () => {
      const op = operation('nebrija', 'getSipTrunk');
      const path = `/nebrija/api/v1/sip-trunks/${PROVIDER_CASES.nebrija.pathParams.id}`;
      const response = await http(sipmock.current.url, `${path}?__code=404`, { headers: auth.nebrija });
      expect(response.status).toBe(404);
      expect(response.headers.get('x-sipmock-error')).toBeNull();
      expect(response.json).toEqual(op.responses.get(404)!.contents[0].examples.values().next().value);

      // A Prefer header wins over the query parameters.
      const preferred = await http(sipmock.current.url, `${path}?__code=404`, { headers: { ...auth.nebrija, prefer: 'code=200' } });
      expect(preferred.status).toBe(200);
      expect(preferred.json).toEqual(op.responses.get(200)!.contents[0].examples.values().next().value);

      const invalid = await http(sipmock.current.url, `${path}?__code=4o4`, { headers: auth.nebrija });
      expect(invalid.status).toBe(400);
      expect(invalid.headers.get('x-sipmock-error')).toBe('MOCK_ERR_PREFER_INVALID');
    });
  });

  test('stays healthy under 200 concurrent requests mixing valid, invalid and malformed ones', async () => {
    type Case = { name: string; status: number; error: string | null; send: () => Promise<Response> };
    const url = sipmock.current.url;
    const cases: Case[] = [
      {
        name: 'valid nebrija list',
        status: 200,
        error: null,
        send: () => fetch(`${url}/nebrija/api/v1/sip-trunks`, { headers: { ...auth.nebrija, prefer: 'code=200' } }),
      },
      {
        name: 'nebrija create missing every field',
        status: 400,
        error: 'MOCK_ERR_VALIDATION',
        send: () => fetch(`${url}/nebrija/api/v1/sip-trunks`, { method: 'POST', headers: { ...auth.nebrija, 'content-type': 'application/json' }, body: '{}' }),
      },
      {
        name: 'voicetel malformed JSON',
        status: 400,
        error: 'MOCK_ERR_BODY_MALFORMED',
        send: () => fetch(`${url}/voicetel/v2.1/gateways/list/`, { method: 'POST', headers: { ...auth.voicetel, 'content-type': 'application/json' }, body: '{"a":' }),
      },
      {
        name: 'signalwire without credentials',
        status: 401,
        error: 'MOCK_ERR_AUTH_MISSING',
        send: () => fetch(`${url}${LIST.signalwire.path}`),
      },
      {
        name: 'valid yeti list',
        status: 200,
        error: null,
        send: () => fetch(`${url}${LIST.yeti.path}`, { headers: { ...auth.yeti, accept: JSON_API, prefer: 'code=200' } }),
      },
      {
        name: 'sippet body as application/json',
        status: 415,
        error: 'MOCK_ERR_MEDIA_UNSUPPORTED',
        send: () => fetch(`${url}/sippet/api/gateways`, { method: 'POST', headers: { ...auth.sippet, 'content-type': 'application/json' }, body: '{}' }),
      },
      {
        name: 'bad Prefer',
        status: 400,
        error: 'MOCK_ERR_PREFER_INVALID',
        send: () => fetch(`${url}${LIST.signalwire.path}`, { headers: { ...auth.signalwire, prefer: 'code=xyz' } }),
      },
      {
        name: 'under no provider',
        status: 404,
        error: 'MOCK_ERR_NO_PROVIDER',
        send: () => fetch(`${url}/nowhere`),
      },
    ];
    const requests = Array.from({ length: 200 }, (_, i) => cases[i % cases.length]);
    const results = await Promise.all(
      requests.map(async (c) => {
        const response = await c.send();
        await response.arrayBuffer();
        return { name: c.name, status: response.status, error: response.headers.get('x-sipmock-error') };
      }),
    );
    expect(results).toEqual(requests.map((c) => ({ name: c.name, status: c.status, error: c.error })));

    const health = await http(url, '/__sipmock/health');
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: 'ok' });
  });
});

describe('with a control token', () => {
  const sipmock = useSipmock({ providers: ['nebrija'], controlToken: 't' });

  test('answers the control API with 401 without the token and 200 with it', async () => {
    const without = await http(sipmock.current.url, '/__sipmock/health');
    expect(without.status).toBe(401);
    expect(without.headers.get('x-sipmock-error')).toBe('MOCK_ERR_CONTROL_UNAUTHORIZED');
    expect(without.json).toEqual({ error: 'MOCK_ERR_CONTROL_UNAUTHORIZED', message: 'The control API needs Authorization: Bearer <control token>' });

    const wrong = await http(sipmock.current.url, '/__sipmock/health', { headers: { authorization: 'Bearer u' } });
    expect(wrong.status).toBe(401);
    expect(wrong.json).toEqual(without.json);

    const withToken = await http(sipmock.current.url, '/__sipmock/health', { headers: { authorization: 'Bearer t' } });
    expect(withToken.status).toBe(200);
    expect(withToken.json).toMatchObject({ status: 'ok', version: PACKAGE.version, providers: [{ slug: 'nebrija' }] });
  });

  test('accepts the control token with a lower-case bearer scheme', async () => {
    const response = await http(sipmock.current.url, '/__sipmock/health', { headers: { authorization: 'bearer t' } });
    expect(response.status).toBe(200);
  });

  test('guards unknown control routes too, and leaves provider routes alone', async () => {
    const unknown = await http(sipmock.current.url, '/__sipmock/nope');
    expect(unknown.status).toBe(401);

    const provider = await http(sipmock.current.url, '/nebrija/api/v1/sip-trunks', { headers: { authorization: 'Bearer nbj_edge', prefer: 'code=200' } });
    expect(provider.status).toBe(200);
  });
});
