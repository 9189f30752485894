import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROVIDERS } from '../../src/providers/registry.js';
import { startSipmock, type RunningSipmock } from '../../src/server/create-app.js';
import { createLogger } from '../../src/server/logger.js';
import { http, providerCaller } from '../helpers/start-server.js';

/** Every absolute http(s) URL anywhere in a JSON body. */
function linksIn(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string' && /^https?:\/\//.test(value)) found.push(value);
  else if (Array.isArray(value)) value.forEach((item) => linksIn(item, found));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((item) => linksIn(item, found));
  return found;
}

describe('serve --port-per-provider: each provider at its real paths on a port of its own', () => {
  let running: RunningSipmock;
  beforeAll(async () => {
    running = await startSipmock({ port: 0, portPerProvider: true, logger: createLogger({ quiet: true }) });
  });
  afterAll(async () => running.close());

  test('baseUrl(slug) is a port of its own, and /__sipmock/health lists it', async () => {
    const health = (await http(running.url, '/__sipmock/health')).json as { providers: Array<{ slug: string; baseUrl: string }> };
    for (const provider of running.providers) {
      const base = running.baseUrl(provider.definition.slug);
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(base).not.toBe(running.url);
      expect(health.providers.find((p) => p.slug === provider.definition.slug)?.baseUrl).toBe(base);
    }
  });

  test('every link a list answer writes is followable by a client that keeps path and query and puts its own base URL in front', async () => {
    let followed = 0;
    for (const provider of running.providers) {
      const base = running.baseUrl(provider.definition.slug);
      const headers = await provider.definition.auth.example(providerCaller(base));
      const lists = provider.operations.filter((o) => o.method === 'GET' && o.needsCredentials && !o.pathTemplate.includes('{'));
      for (const operation of lists) {
        const accept = operation.responses.get(operation.successStatus)?.contents[0]?.mediaType ?? 'application/json';
        // Small pages, so lists of more than one record write next/last links too.
        const first = await http(base, operation.pathTemplate, { headers: { ...headers, accept } });
        expect(first.status, `${provider.definition.slug} ${operation.operationId}`).toBe(operation.successStatus);
        for (const link of linksIn(first.json)) {
          const url = new URL(link);
          const response = await http(base, `${url.pathname}${url.search}`, { headers: { ...headers, accept } });
          expect(response.status, `${provider.definition.slug}: ${link}`).toBeLessThan(400);
          followed += 1;
        }
      }
    }
    expect(followed).toBeGreaterThan(0);
  });

  test('the main port still serves every provider under /<slug>', async () => {
    for (const provider of running.providers) {
      const response = await http(running.url, `/${provider.definition.slug}/no/such/path`);
      expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_ROUTE_NOT_FOUND');
    }
  });
});

describe('serve --root <slug>: one provider at the root of the main port', () => {
  let running: RunningSipmock;
  let slug: string;
  beforeAll(async () => {
    slug = PROVIDERS[0].slug;
    running = await startSipmock({ port: 0, root: slug, logger: createLogger({ quiet: true }) });
  });
  afterAll(async () => running.close());

  test('serves its real paths at /, keeps the control API, and serves no other provider', async () => {
    expect(running.providers.map((p) => p.definition.slug)).toEqual([slug]);
    expect(running.baseUrl(slug)).toBe(running.url);
    const unknown = await http(running.url, '/no/such/path');
    expect(unknown.headers.get('x-sipmock-error')).toBe('MOCK_ERR_ROUTE_NOT_FOUND');
    expect((await http(running.url, '/__sipmock/health')).status).toBe(200);
  });

  test('--root with other --providers is refused', async () => {
    const other = PROVIDERS.find((p) => p.slug !== slug)!.slug;
    await expect(startSipmock({ port: 0, root: slug, providers: [other] })).rejects.toThrow(/serves one provider/);
  });
});
