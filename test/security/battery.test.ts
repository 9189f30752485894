import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import type { Operation } from '../../src/openapi/operation.js';
import type { MountedProvider } from '../../src/server/mounted-provider.js';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { openConnection } from '../helpers/raw-http.js';
import { fillPath, requestExample } from '../helpers/spec-requests.js';
import { http, providerCaller, useSipmock } from '../helpers/start-server.js';
import { recordingLogger } from '../state/gateways.js';
import { BODY_CASES, FRAMING_CASES, HEADER_CASES, QUERY_CASES, seeded, type HostileCase } from './hostile-cases.js';

/**
 * A hostile-input battery over every provider's every operation (from its spec) and the control
 * API: seeded, bounded (a few cases per operation, all of them on loopback), and it asserts no
 * 5xx, no crash, no internal error in the log, and normal answers afterwards.
 */
const SEED = 20261201;
const PER_OPERATION = 10;
const BUDGET_MS = 20_000;

const logger = recordingLogger();
// With a state file, so every write the battery makes also goes through the save path.
const sipmock = useSipmock({ logger, stateFile: join(mkdtempSync(join(tmpdir(), 'sipmock-battery-')), 'state.json') });

type Outcome = { status?: number; error?: string };

async function send(method: string, path: string, hostile: HostileCase, defaults: Record<string, string>): Promise<Outcome> {
  const url = new URL(sipmock.current.url);
  const target = hostile.query ? `${path}${path.includes('?') ? '&' : '?'}${hostile.query}` : path;
  const replaced = new Set((hostile.headers ?? []).map(([name]) => name.toLowerCase()));
  const lines = [`${method} ${target} HTTP/1.1`];
  const base: Record<string, string> = { host: url.host, connection: 'close', ...defaults };
  for (const [name, value] of Object.entries(base)) if (!replaced.has(name)) lines.push(`${name}: ${value}`);
  for (const [name, value] of hostile.headers ?? []) lines.push(`${name}: ${value}`);
  const connection = await openConnection(sipmock.current.url);
  try {
    if (hostile.raw !== undefined) {
      connection.write(`${lines.join('\r\n')}\r\n${hostile.raw}`);
      // The client goes away (or breaks HTTP) here: the server owes no answer, only to stay up.
      if (hostile.mayGoUnanswered) connection.socket.end();
    } else {
      const body = hostile.body ?? Buffer.alloc(0);
      connection.write(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\ncontent-length: ${body.length}\r\n\r\n`, 'latin1'), body]));
    }
    const response = await connection.nextResponse(5_000);
    return { status: response.status };
  } catch (error) {
    return { error: (error as Error).message };
  } finally {
    connection.destroy();
  }
}

function pick<T>(random: () => number, pool: T[], count: number): T[] {
  const copy = [...pool];
  const chosen: T[] = [];
  while (chosen.length < count && copy.length > 0) chosen.push(copy.splice(Math.floor(random() * copy.length), 1)[0]);
  return chosen;
}

function pathOf(provider: MountedProvider, operation: Operation): string {
  const cases = PROVIDER_CASES[provider.definition.slug];
  const params = cases?.pathParamsFor?.(operation) ?? cases?.pathParams ?? {};
  return `/${provider.definition.slug}${operation.pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? '1'))}`;
}

/** An operation any client calls first: a list without path parameters (GET, or its documented request). */
function normalOperation(provider: MountedProvider): Operation | undefined {
  const plain = provider.operations.filter((op) => !op.pathTemplate.includes('{') && op.needsCredentials);
  return plain.find((op) => op.method === 'GET') ?? plain.find((op) => requestExample(op) !== undefined);
}

async function normalRequest(provider: MountedProvider, credentials: Record<string, string>): Promise<number> {
  const operation = normalOperation(provider);
  if (!operation) return (await http(sipmock.current.url, '/__sipmock/health')).status;
  const example = requestExample(operation);
  const accept = operation.responses.get(operation.successStatus)?.contents[0]?.mediaType ?? 'application/json';
  const headers: Record<string, string> = { ...credentials, accept, ...(example === undefined ? {} : { 'content-type': operation.requestMediaTypes[0] }) };
  const response = await http(sipmock.current.url, `/${provider.definition.slug}${fillPath(operation, {})}`, { method: operation.method, headers, body: example === undefined ? undefined : JSON.stringify(example) });
  return response.status;
}


test('hostile bodies, queries, headers and framing on every operation and the control API: no 5xx, no crash, normal answers after', async () => {
  const started = performance.now();
  const random = seeded(SEED);
  const counts: Record<string, number> = { requests: 0, answered: 0, unanswered: 0, '2xx': 0, '4xx': 0, '5xx': 0 };
  const failures: string[] = [];
  let unhandled = 0;
  const onUnhandled = () => (unhandled += 1);
  process.on('unhandledRejection', onUnhandled);
  const record = (where: string, hostile: HostileCase, outcome: Outcome) => {
    counts.requests += 1;
    counts[hostile.family] = (counts[hostile.family] ?? 0) + 1;
    if (outcome.status === undefined) {
      counts.unanswered += 1;
      if (!hostile.mayGoUnanswered) failures.push(`${where} ${hostile.family} "${hostile.name}": no answer (${outcome.error})`);
      return;
    }
    counts.answered += 1;
    counts[`${Math.floor(outcome.status / 100)}xx`] = (counts[`${Math.floor(outcome.status / 100)}xx`] ?? 0) + 1;
    if (outcome.status >= 500) failures.push(`${where} ${hostile.family} "${hostile.name}": ${outcome.status}`);
  };

  const providers = sipmock.current.providers;
  const credentials = new Map<string, Record<string, string>>();
  for (const provider of providers) {
    const { slug } = provider.definition;
    credentials.set(slug, await provider.definition.auth.example(providerCaller(`${sipmock.current.url}/${slug}`)));
    expect(await normalRequest(provider, credentials.get(slug)!), `${slug} before: ${logger.errors.join("\n")}`).toBeLessThan(300);
    for (const operation of provider.operations) {
      const path = pathOf(provider, operation);
      const defaults = { ...credentials.get(slug)!, 'content-type': operation.requestMediaTypes[0] ?? 'application/json' };
      const cases = [...pick(random, [...BODY_CASES, ...QUERY_CASES, ...HEADER_CASES], PER_OPERATION), ...pick(random, FRAMING_CASES, 2)];
      for (const hostile of cases) record(`${operation.method} ${path}`, hostile, await send(operation.method, path, hostile, defaults));
    }
  }

  const control = { 'content-type': 'application/json' };
  for (const provider of providers.filter((p) => p.definition.resources)) {
    const path = `/__sipmock/state/${provider.definition.slug}`;
    for (const hostile of BODY_CASES) record(`PUT ${path}`, hostile, await send('PUT', path, hostile, control));
    for (const hostile of QUERY_CASES) record(`GET ${path}`, hostile, await send('GET', path, hostile, control));
    for (const hostile of pick(random, FRAMING_CASES, 3)) record(`PUT ${path}`, hostile, await send('PUT', path, hostile, control));
  }
  for (const hostile of HEADER_CASES.filter((c) => !c.name.includes('Host'))) record('GET /__sipmock/health', hostile, await send('GET', '/__sipmock/health', hostile, {}));
  process.off('unhandledRejection', onUnhandled);

  expect((await http(sipmock.current.url, '/__sipmock/health')).status).toBe(200);
  for (const provider of providers) {
    // From a fresh account, the request that passed before passes again (a repeated create may rightly conflict).
    if (provider.definition.resources) expect((await http(sipmock.current.url, `/__sipmock/state/${provider.definition.slug}`, { method: 'DELETE' })).status).toBe(204);
    expect(await normalRequest(provider, credentials.get(provider.definition.slug)!), `${provider.definition.slug} after`).toBeLessThan(300);
  }
  const elapsed = performance.now() - started;
  console.info(`battery (seed ${SEED}): ${JSON.stringify(counts)} in ${elapsed.toFixed(0)} ms; ${failures.length} failures`);
  expect(failures).toEqual([]);
  expect(logger.errors.filter((line) => /MOCK_ERR_INTERNAL|at .*\.(ts|js):\d+/.test(line))).toEqual([]);
  expect(unhandled).toBe(0);
  expect(elapsed).toBeLessThan(BUDGET_MS);
}, 60_000);
