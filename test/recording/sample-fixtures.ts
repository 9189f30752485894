import { readdir } from 'node:fs/promises';
import type { Fixture } from '../../src/recording/fixture.js';
import { DEFAULT_FIXTURES_DIR, saveFixture } from '../../src/recording/fixture-files.js';
import { startSipmock } from '../../src/server/create-app.js';
import { createLogger } from '../../src/server/logger.js';
import type { Operation } from '../../src/openapi/operation.js';
import { providerCaller } from '../helpers/start-server.js';

/** Placeholder secrets, as a recorder writes them (src/recording/fixture.ts). */
const REDACTED = { authorization: '<redacted:token>', password: '<redacted:password>', apikey: '<redacted:apikey>', jwt: '<redacted:jwt>' };

/** A request beyond the first-example sweep, for an edit the tests make. */
export type ExtraExchange = { provider: string; operationId: string; scenario: string; body?: unknown; path?: string };

export const EXTRA_EXCHANGES: ExtraExchange[] = [
  {
    provider: 'signalwire',
    operationId: 'create_sip_gateway',
    scenario: 'encryption-default',
    body: { name: 'Lab PBX', uri: 'sip:lab@sip.example.net', encryption: 'default', ciphers: ['AEAD_AES_256_GCM_8'], codecs: ['PCMU'] },
  },
  { provider: 'sippet', operationId: 'getGateway', scenario: 'malformed-id', path: '/api/gateways/not-a-uuid' },
];

/**
 * Real exchanges with a real sipmock, written as fixtures: for every operation of every provider,
 * its first request example with credentials (and without, where it needs them), plus EXTRA_EXCHANGES.
 * Deletes go last so the other operations still find the seeded records.
 */
export async function generateSampleFixtures(dir: string): Promise<Fixture[]> {
  const running = await startSipmock({ port: 0, logger: createLogger({ quiet: true }), secret: new Uint8Array(32).fill(7), clock: () => new Date('2025-01-02T03:04:05Z') });
  const fixtures: Fixture[] = [];
  try {
    for (const provider of running.providers) {
      const slug = provider.definition.slug;
      const credentials = await provider.definition.auth.example(providerCaller(`${running.url}/${slug}`));
      const specVersion = String(provider.spec.document.info.version);
      const ordered = [...provider.operations].sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
      const send = async (operation: Operation, scenario: string | undefined, headers: Record<string, string>, extra?: ExtraExchange) => {
        const body = extra ? extra.body : firstExample(operation);
        const fixture = await exchange(running.url, slug, operation, headers, body, specVersion, scenario, extra?.path);
        fixtures.push(fixture);
        await saveFixture(dir, fixture);
      };
      for (const operation of ordered.filter((o) => o.needsCredentials)) await send(operation, 'missing-credentials', {});
      for (const extra of EXTRA_EXCHANGES.filter((e) => e.provider === slug)) {
        await send(provider.operations.find((o) => o.operationId === extra.operationId)!, extra.scenario, credentials, extra);
      }
      for (const operation of ordered) await send(operation, undefined, credentials);
    }
  } finally {
    await running.close();
  }
  return fixtures;
}

async function exchange(
  baseUrl: string,
  slug: string,
  operation: Operation,
  credentials: Record<string, string>,
  body: unknown,
  specVersion: string,
  scenario: string | undefined,
  givenPath?: string,
): Promise<Fixture> {
  const path = givenPath ?? operation.pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(pathExample(operation, name))));
  const headers: Record<string, string> = { ...credentials };
  if (body !== undefined) headers['content-type'] = operation.requestMediaTypes[0];
  const response = await fetch(`${baseUrl}/${slug}${path}`, { method: operation.method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const status = response.status;
  if (credentials.authorization) headers.authorization = REDACTED.authorization;
  const contentType = response.headers.get('content-type');
  return {
    request: { method: operation.method, path, query: {}, headers, body: body === undefined ? null : redact(body) },
    response: { status, headers: contentType ? { 'content-type': contentType } : {}, body: text === '' ? null : redact(JSON.parse(text)) },
    meta: {
      provider: slug,
      operationId: operation.operationId,
      scenario: scenario ?? (status < 300 ? 'happy-path' : status === 404 ? 'unknown-id' : `status-${status}`),
      description: `${operation.method} ${operation.pathTemplate} with its first request example`,
      recordedAt: '2025-01-02T03:04:05.000Z',
      source: 'spec',
      specVersion,
    },
  };
}

function firstExample(operation: Operation): unknown {
  const example = operation.source.request?.body?.contents?.[0]?.examples?.find((e) => 'value' in e) as { value: unknown } | undefined;
  return example ? structuredClone(example.value) : undefined;
}

function pathExample(operation: Operation, name: string): unknown {
  const parameter = operation.source.request?.path?.find((p) => p.name === name);
  const example = parameter?.examples?.find((e) => 'value' in e) as { value: unknown } | undefined;
  return example?.value ?? (parameter?.schema?.examples as unknown[] | undefined)?.[0] ?? '1';
}

/** Secrets become placeholders: passwords, API keys and JWTs, wherever they sit in a body. */
function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (typeof item !== 'string') return [key, redact(item)];
      if (key === 'password' || key === 'auth-password') return [key, REDACTED.password];
      if (key === 'apikey') return [key, REDACTED.apikey];
      if (key === 'jwt') return [key, REDACTED.jwt];
      return [key, item];
    }),
  );
}

/** True once fixtures/ holds at least one fixture (another engineer is generating them). */
export async function hasShippedFixtures(): Promise<boolean> {
  const entries = await readdir(DEFAULT_FIXTURES_DIR, { recursive: true }).catch(() => [] as string[]);
  return entries.some((entry) => entry.endsWith('.json'));
}
