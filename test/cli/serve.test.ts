import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SPECS_DIR } from '../../src/server/create-app.js';
import { PROVIDERS } from '../../src/providers/registry.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { createOperation } from '../../src/openapi/operation.js';
import { killLeftovers, runCliToEnd, runInProcess, serveInProcess, startServe, type ServingCli } from '../helpers/cli-process.js';
import { openConnection, sleep } from '../helpers/raw-http.js';
import { http } from '../helpers/start-server.js';

/**
 * `sipmock serve`, run in-process through runCli (its output collected, stopped by an abort that
 * stands for SIGTERM), and a few times as the real binary, `node dist/cli/bin.js` (what
 * package.json's bin points at; needs `tsc -p tsconfig.build.json` first, which `npm test` does),
 * to prove that the process prints, stops on SIGTERM and exits as the in-process runs do.
 */

const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const SLUGS = PROVIDERS.map((p) => p.slug);
const KNOWN = SLUGS.join(', ');
const VOICETEL_KEY = '0123456789abcdef0123456789abcdef';

/** The first 200 example of VoiceTel's gateway list, what `Prefer: code=200` answers. */
const voicetelListExample = await (async () => {
  const spec = await loadSpec(join(DEFAULT_SPECS_DIR, 'voicetel.openapi.yaml'));
  const list = spec.operations.map(createOperation).find((o) => o.operationId === 'gatewaysList')!;
  return list.responses.get(200)!.contents[0].examples.values().next().value;
})();

/** The lines `serve` prints once it listens: one per provider, in the registry's order, then the ready line. */
const readyLines = (url: string, slugs: string[]) => [
  ...PROVIDERS.filter((p) => slugs.includes(p.slug)).map((p) => `sipmock ${p.slug} ${url}/${p.slug} (${p.realBase})`),
  `sipmock ready ${url} (control: ${url}/__sipmock/health)`,
];

/** Sends SIGTERM to the process and waits for the exit. */
async function stop(cli: ServingCli) {
  cli.child.kill('SIGTERM');
  return cli.exited;
}

// Every test stops the servers it starts; this only catches the ones a failed test left behind.
afterAll(() => {
  killLeftovers();
});

describe('sipmock serve', () => {
  test('the process prints one line per provider and a ready line, every printed URL answers, and SIGTERM exits 0', async () => {
    const cli = await startServe();
    expect(cli.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(cli.url).not.toMatch(/:0$/);
    expect(cli.lines().slice(0, SLUGS.length + 1)).toEqual(readyLines(cli.url, SLUGS));

    const health = await http(cli.url, '/__sipmock/health');
    expect(health.status).toBe(200);
    const body = health.json as { status: string; version: string; providers: Array<{ slug: string; baseUrl: string }> };
    expect(body.status).toBe('ok');
    expect(body.version).toBe(PACKAGE.version);
    expect(body.providers.map((p) => [p.slug, p.baseUrl])).toEqual(SLUGS.map((slug) => [slug, `${cli.url}/${slug}`]));

    // Each printed provider URL reaches that provider: its own 404 for a path its spec lacks.
    for (const line of readyLines(cli.url, SLUGS).slice(0, -1)) {
      const baseUrl = line.split(' ')[2];
      const response = await http(baseUrl, '/no/such/path');
      expect(response.status, baseUrl).toBe(404);
      expect(response.headers.get('x-sipmock-error'), baseUrl).toBe('MOCK_ERR_ROUTE_NOT_FOUND');
    }

    // Text request log: one line per provider request, with the reason for the refusal.
    await cli.waitFor((lines) => lines.filter((line) => line.includes(' /no/such/path ')).length === SLUGS.length);
    const logLines = cli.lines().filter((line) => line.includes(' /no/such/path '));
    expect(logLines).toEqual(
      SLUGS.map((slug) =>
        expect.stringMatching(
          new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z ${slug} GET /no/such/path - 404 \\d+\\.\\dms - No operation of ${slug} matches GET /no/such/path$`),
        ),
      ),
    );

    expect(await stop(cli)).toEqual({ code: 0, signal: null });
  });

  test('--providers sippet,yeti mounts only those two', async () => {
    const cli = await serveInProcess(['--providers', 'sippet,yeti']);
    expect(cli.lines()).toEqual(readyLines(cli.url, ['sippet', 'yeti']));

    const health = await http(cli.url, '/__sipmock/health');
    expect((health.json as { providers: Array<{ slug: string }> }).providers.map((p) => p.slug)).toEqual(['sippet', 'yeti']);

    const yeti = await http(cli.url, '/yeti/no/such/path');
    expect(yeti.headers.get('x-sipmock-error')).toBe('MOCK_ERR_ROUTE_NOT_FOUND');

    for (const slug of ['signalwire', 'voicetel', 'nebrija']) {
      const response = await http(cli.url, `/${slug}/anything`);
      expect(response.status).toBe(404);
      expect(response.json).toEqual({
        error: 'MOCK_ERR_NO_PROVIDER',
        message: `sipmock serves no provider at GET /${slug}/anything; use one of the mounted prefixes`,
        providers: ['/sippet', '/yeti'],
        control: '/__sipmock',
      });
    }
    expect(await cli.stop()).toBe(0);
  });

  test('--quiet prints the ready lines but no request lines', async () => {
    const cli = await serveInProcess(['--quiet', '--providers', 'nebrija,voicetel']);
    const auth = { authorization: 'Bearer nbj_quiet' };
    expect((await http(cli.url, '/nebrija/api/v1/sip-trunks', { headers: { ...auth, prefer: 'code=200' } })).status).toBe(200);
    expect((await http(cli.url, '/nebrija/api/v1/sip-trunks', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' })).status).toBe(400);
    expect((await http(cli.url, '/voicetel/no/such/path')).status).toBe(404);
    expect(await cli.stop()).toBe(0);
    expect(cli.lines()).toEqual([...readyLines(cli.url, ['nebrija', 'voicetel']), 'sipmock stopping (SIGTERM): finishing in-flight requests']);
    expect(cli.stderr()).toBe('');
  });

  test('--log-format json prints one JSON object per line, one per request', async () => {
    const cli = await serveInProcess(['--log-format', 'json', '--providers', 'nebrija']);
    const auth = { authorization: 'Bearer nbj_json' };
    const ok = await http(cli.url, '/nebrija/api/v1/sip-trunks', { headers: { ...auth, prefer: 'code=200' } });
    expect(ok.status).toBe(200);
    const invalid = await http(cli.url, '/nebrija/api/v1/sip-trunks', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ gateways: [] }),
    });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get('x-sipmock-error')).toBe('MOCK_ERR_VALIDATION');
    const notFound = await http(cli.url, '/nebrija/no/such/path', { method: 'DELETE' });
    expect(notFound.status).toBe(404);

    const isRequest = (line: string) => 'status' in (JSON.parse(line) as object);
    await cli.waitFor((lines) => lines.filter(isRequest).length === 3);
    expect(await cli.stop()).toBe(0);

    const parsed = cli.lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    const iso = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const ms = expect.any(Number);
    expect(parsed).toEqual([
      ...readyLines(cli.url, ['nebrija']).map((message) => ({ level: 'info', time: iso, message })),
      { level: 'info', time: iso, provider: 'nebrija', method: 'GET', path: '/api/v1/sip-trunks', operationId: 'listSipTrunks', status: 200, ms },
      {
        level: 'info',
        time: iso,
        provider: 'nebrija',
        method: 'POST',
        path: '/api/v1/sip-trunks',
        operationId: 'createSipTrunk',
        status: 400,
        ms,
        reason: expect.stringMatching(/^The request is invalid: .*\bname\b/),
      },
      {
        level: 'info',
        time: iso,
        provider: 'nebrija',
        method: 'DELETE',
        path: '/no/such/path',
        status: 404,
        ms,
        reason: 'No operation of nebrija matches DELETE /no/such/path',
      },
      { level: 'info', time: iso, message: 'sipmock stopping (SIGTERM): finishing in-flight requests' },
    ]);
    for (const entry of parsed.filter((e) => 'ms' in e)) expect(entry.ms as number).toBeGreaterThanOrEqual(0);
  });

  test('--body-limit and --control-token reach the server', async () => {
    const cli = await serveInProcess(['--providers', 'nebrija', '--body-limit', '64', '--control-token', 's3cret', '--quiet']);
    const small = await http(cli.url, '/nebrija/api/v1/sip-trunks', {
      method: 'POST',
      headers: { authorization: 'Bearer nbj_limit', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(40) }),
    });
    expect(small.headers.get('x-sipmock-error')).toBe('MOCK_ERR_VALIDATION');
    const large = await http(cli.url, '/nebrija/api/v1/sip-trunks', {
      method: 'POST',
      headers: { authorization: 'Bearer nbj_limit', 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(60) }),
    });
    expect(large.status).toBe(413);
    expect(large.json).toEqual({ statusCode: 413, message: 'request entity too large', error: 'Payload Too Large' });

    expect((await http(cli.url, '/__sipmock/health')).status).toBe(401);
    expect((await http(cli.url, '/__sipmock/health', { headers: { authorization: 'Bearer s3cret' } })).status).toBe(200);
    expect(await cli.stop()).toBe(0);
  });

  test('--body-limit refuses a value that is not a positive integer', async () => {
    const result = await runInProcess(['serve', '--body-limit', '0']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("error: option '--body-limit <bytes>' argument '0' is invalid. must be a positive integer\n(run with --help for usage)\n");
  });

  describe('--credentials', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'sipmock-serve-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    test('lets only the listed credentials pass', async () => {
      const file = join(dir, 'creds.yaml');
      await writeFile(file, ['nebrija: [nbj_listed_token]', 'signalwire: ["bc949800-7b40-43cf-8438-a85facfcbdd1:PT0123"]   # project_id:api_token', ''].join('\n'));
      const cli = await serveInProcess(['--credentials', file, '--providers', 'nebrija,signalwire,voicetel']);
      const trunks = (token: string) => http(cli.url, '/nebrija/api/v1/sip-trunks', { headers: { authorization: `Bearer ${token}`, prefer: 'code=200' } });

      expect((await trunks('nbj_listed_token')).status).toBe(200);
      const other = await trunks('nbj_other_token');
      expect(other.status).toBe(401);
      expect(other.headers.get('x-sipmock-error')).toBe('MOCK_ERR_AUTH_INVALID');
      expect(other.json).toEqual({ statusCode: 401, message: 'Unauthorized' });

      const gateways = (pair: string) =>
        http(cli.url, '/signalwire/api/fabric/resources/sip_gateways', {
          headers: { authorization: `Basic ${Buffer.from(pair).toString('base64')}`, prefer: 'code=200' },
        });
      expect((await gateways('bc949800-7b40-43cf-8438-a85facfcbdd1:PT0123')).status).toBe(200);
      const wrongToken = await gateways('bc949800-7b40-43cf-8438-a85facfcbdd1:PT9999');
      expect(wrongToken.status).toBe(401);
      expect(wrongToken.json).toEqual({ error: 'Unauthorized' });

      // A provider the file does not name keeps accepting any well-formed credential.
      const voicetel = await http(cli.url, '/voicetel/v2.1/gateways/list/', {
        method: 'POST',
        headers: { authorization: `Bearer ${'f'.repeat(32)}`, 'content-type': 'application/json', prefer: 'code=200' },
        body: '{}',
      });
      expect(voicetel.status).toBe(200);
      expect(await cli.stop()).toBe(0);
    });
  });

  test('the process lets an in-flight request finish on SIGTERM, then exits 0', async () => {
    const cli = await startServe(['--providers', 'voicetel']);
    const connection = await openConnection(cli.url);
    try {
      const body = '{"apikey": "' + VOICETEL_KEY + '"}';
      const half = Math.floor(body.length / 2);
      connection.write(
        'POST /voicetel/v2.1/gateways/list/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nPrefer: code=200\r\n' +
          `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, half)}`,
      );
      await sleep(100);
      cli.child.kill('SIGTERM');
      await cli.waitForLine((line) => line === 'sipmock stopping (SIGTERM): finishing in-flight requests');
      // The server has stopped listening: new connections are refused while the old one is served.
      await expect(fetch(`${cli.url}/__sipmock/health`)).rejects.toThrow();
      await sleep(200);
      expect(cli.child.exitCode).toBeNull();

      connection.write(body.slice(half));
      const response = await connection.nextResponse(5_000);
      expect(response.status).toBe(200);
      expect(response.headers['content-length']).toBe(String(Buffer.byteLength(response.body)));
      expect(JSON.parse(response.body)).toEqual(voicetelListExample);

      const exit = await Promise.race([cli.exited, sleep(5_000).then(() => 'still running')]);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(cli.lines()).toContainEqual(expect.stringMatching(/ voicetel POST \/v2\.1\/gateways\/list\/ gatewaysList 200 \d+\.\dms$/));
    } finally {
      connection.destroy();
    }
  });

  test('closes a keep-alive connection after its in-flight response on stop and exits at once', async () => {
    const cli = await serveInProcess(['--providers', 'voicetel']);
    const connection = await openConnection(cli.url);
    try {
      const body = '{"apikey": "' + VOICETEL_KEY + '"}';
      connection.write(
        'POST /voicetel/v2.1/gateways/list/ HTTP/1.1\r\nHost: 127.0.0.1\r\nPrefer: code=200\r\n' +
          `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
      );
      await sleep(100);
      const exited = cli.stop();
      await cli.waitForLine((line) => line.startsWith('sipmock stopping'));
      connection.write(body.slice(10));
      const response = await connection.nextResponse(5_000);
      expect(response.status).toBe(200);
      expect(response.headers.connection).toBe('close');
      const exit = await Promise.race([exited, sleep(1_500).then(() => 'still running')]);
      expect(exit).toBe(0);
    } finally {
      connection.destroy();
    }
  });
});

describe.concurrent('sipmock serve startup errors', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sipmock-serve-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('exits 1 naming the file when it lists an unknown provider', async () => {
    const file = join(dir, 'unknown.yaml');
    await writeFile(file, 'nebrija: [nbj_x]\nacme: [secret]\n');
    const result = await runInProcess(['serve', '--port', '0', '--credentials', file]);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `sipmock: Invalid configuration: credentials file ${file} names unknown provider "acme"; known: ${KNOWN}\n`,
    });
  });

  test('exits 1 naming the file when it does not exist', async () => {
    const file = join(dir, 'missing.yaml');
    const result = await runInProcess(['serve', '--port', '0', '--credentials', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^sipmock: Invalid configuration: cannot read credentials file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ENOENT`));
  });

  test('exits 1 with the known providers on stderr when --providers names an unknown one', async () => {
    const result = await runInProcess(['serve', '--port', '0', '--providers', 'sippet,acme']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `sipmock: Invalid configuration: unknown provider acme; known: ${KNOWN}\n` });
  });

  test.each(['abc', '70000', '-1'])('exits 1 with an error for --port %s', async (port) => {
    const result = await runInProcess(['serve', '--port', port]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      `error: option '-p, --port <port>' argument '${port}' is invalid. a port is an integer from 0 to 65535\n(run with --help for usage)\n`,
    );
  });

  test('exits 1 with an error for an empty --port', async () => {
    const result = await runInProcess(['serve', '--port', '', '--providers', 'acme'], 10_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("error: option '-p, --port <port>' argument '' is invalid");
  });

  describe('when the port is taken', () => {
    let busy: Server;
    let port: number;
    beforeAll(async () => {
      busy = createServer();
      await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
      port = (busy.address() as { port: number }).port;
    });
    afterAll(async () => {
      await new Promise((resolve) => busy.close(resolve));
    });

    test('the process exits non-zero with the address in the error', async () => {
      const result = await runCliToEnd(['serve', '--port', String(port), '--providers', 'voicetel']);
      expect(result.code).not.toBe(0);
      expect(result.code).not.toBeNull();
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`EADDRINUSE: address already in use 127.0.0.1:${port}`);
    });

    test('reports the taken port as one sipmock error line, without a stack trace', async () => {
      const result = await runInProcess(['serve', '--port', String(port), '--providers', 'voicetel']);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^sipmock: .*127\.0\.0\.1:\d+/);
      expect(result.stderr).not.toContain('    at ');
    });
  });
});
