import { describe, expect, test } from 'vitest';
import type { StartOptions } from '../../src/server/create-app.js';
import { chunk, openConnection, sleep, type RawConnection } from '../helpers/raw-http.js';
import { http, useSipmock } from '../helpers/start-server.js';

const STATE = (host: string, extra = '') => `GET /__sipmock/state/signalwire HTTP/1.1\r\nHost: ${host}\r\n${extra}\r\n`;

async function exchange(baseUrl: string, request: string) {
  const connection = await openConnection(baseUrl);
  try {
    connection.write(request);
    return await connection.nextResponse(2_000);
  } finally {
    connection.destroy();
  }
}

describe('the control API without a control token', () => {
  const sipmock = useSipmock({ providers: ['signalwire'] });

  test.each(['rebind.attacker.example', 'rebind.attacker.example:4010', '127.0.0.1.nip.io', 'localhost.attacker.example'])(
    'refuses Host %s even from loopback (DNS rebinding)',
    async (host) => {
      const response = await exchange(sipmock.current.url, STATE(host));
      expect(response.status).toBe(403);
      expect(JSON.parse(response.body)).toMatchObject({ error: 'MOCK_ERR_CONTROL_FORBIDDEN', message: expect.stringContaining('rebinding') });
    },
  );

  test.each(['localhost', 'LOCALHOST:4010', '127.0.0.1', '127.0.0.1:1', '[::1]', '[::1]:4010'])('answers Host %s', async (host) => {
    expect((await exchange(sipmock.current.url, STATE(host))).status).toBe(200);
  });
});

describe('the control API with a control token', () => {
  const sipmock = useSipmock({ providers: ['signalwire'], controlToken: 's3cret-token' });

  test('takes the token from any Host, exactly', async () => {
    expect((await exchange(sipmock.current.url, STATE('sipmock.example', 'Authorization: Bearer s3cret-token\r\n'))).status).toBe(200);
    for (const authorization of ['Bearer s3cret-token extra', 'Bearer s3cret-toke', 'Bearer s3cret-token2', 'Basic s3cret-token', 'Bearer', 's3cret-token']) {
      const response = await exchange(sipmock.current.url, STATE('127.0.0.1', `Authorization: ${authorization}\r\n`));
      expect(response.status, authorization).toBe(401);
    }
  });
});

describe('slow and greedy clients', () => {
  const options: StartOptions = { providers: ['nebrija'], bodyLimit: 1024, limits: { headersTimeoutMs: 400, requestTimeoutMs: 2_000, maxConnections: 4 } };
  const sipmock = useSipmock(options);

  test('answers a chunked body 413 as soon as it passes the limit, then closes, without reading the rest', async () => {
    const connection = await openConnection(sipmock.current.url);
    try {
      connection.write('POST /nebrija/api/v1/sip-trunks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer nbj_edge\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
      let sent = 0;
      let response: Awaited<ReturnType<RawConnection['nextResponse']>> | undefined;
      const answered = connection.nextResponse(5_000).then((r) => (response = r));
      // Keeps streaming (up to 64 MiB) until the server answers: it must not wait for the end.
      while (!response && sent < 64 * 1024 * 1024 && !connection.socket.destroyed) {
        if (connection.socket.write(chunk('x'.repeat(64 * 1024)))) sent += 64 * 1024;
        else await new Promise((resolve) => setTimeout(resolve, 5));
        await sleep(0);
      }
      await answered;
      expect(response!.status).toBe(413);
      expect(response!.headers.connection).toBe('close');
      expect(await connection.ended(3_000)).not.toBe('timeout');
      expect(sent).toBeLessThan(16 * 1024 * 1024);
    } finally {
      connection.destroy();
    }
  });

  test('closes a connection that trickles its headers past the headers timeout', async () => {
    const connection = await openConnection(sipmock.current.url);
    try {
      connection.write('GET /__sipmock/health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      const ended = connection.ended(3_000);
      for (let i = 0; i < 25 && !connection.socket.destroyed; i++) {
        connection.socket.write(`x-slow-${i}: y\r\n`);
        await sleep(100);
      }
      expect(await ended).not.toBe('timeout');
    } finally {
      connection.destroy();
    }
  });

  test('closes connections past the cap, and serves again once one is gone', async () => {
    const held = await Promise.all(Array.from({ length: 4 }, () => openConnection(sipmock.current.url)));
    await sleep(50);
    const extra = await openConnection(sipmock.current.url);
    expect(await extra.ended(1_000)).not.toBe('timeout');
    held.forEach((connection) => connection.destroy());
    await sleep(50);
    const response = await exchange(sipmock.current.url, 'GET /__sipmock/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(response.status).toBe(200);
  });
});

describe('the control API and a body past its limit', () => {
  const sipmock = useSipmock({ providers: ['signalwire'] });

  test('answers a chunked PUT past 50 MiB with a JSON 413 as soon as it passes, and closes, without reading the rest', async () => {
    const connection = await openConnection(sipmock.current.url);
    try {
      connection.write('PUT /__sipmock/state/signalwire HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n');
      const piece = chunk('x'.repeat(1024 * 1024));
      let sent = 0;
      let answered = false;
      const response = connection.nextResponse(10_000).then((r) => ((answered = true), r));
      while (!answered && sent < 200 && !connection.socket.destroyed) {
        // The server may answer and close while the client waits to send more.
        if (!connection.socket.write(piece)) await Promise.race([new Promise((resolve) => connection.socket.once('drain', resolve)), response, connection.ended(10_000)]);
        sent += 1;
      }
      const answer = await response;
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body)).toMatchObject({ error: 'MOCK_ERR_BODY_TOO_LARGE' });
      expect(answer.headers.connection).toBe('close');
      expect(await connection.ended(3_000)).not.toBe('timeout');
      expect(sent).toBeLessThan(80);
    } finally {
      connection.destroy();
    }
  });
});

describe('the control API refuses pages of other origins', () => {
  const sipmock = useSipmock();

  test.each([
    [{ origin: 'http://evil.example' }],
    [{ origin: 'null' }],
    [{ 'sec-fetch-site': 'cross-site' }],
  ])('a POST of an override with %o is refused with a JSON 403', async (headers) => {
    const response = await http(sipmock.current.url, '/__sipmock/overrides', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...headers },
      body: JSON.stringify({ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { status: 500 } }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_CONTROL_FORBIDDEN');
    expect(((await http(sipmock.current.url, '/__sipmock/overrides')).json as { overrides: unknown[] }).overrides).toEqual([]);
  });

  test('the same origin (the inspector page) and clients without an Origin are served', async () => {
    const url = new URL(sipmock.current.url);
    expect((await http(sipmock.current.url, '/__sipmock/health', { headers: { origin: url.origin } })).status).toBe(200);
    expect((await http(sipmock.current.url, '/__sipmock/health')).status).toBe(200);
  });
});
