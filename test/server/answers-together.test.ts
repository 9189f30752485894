import { describe, expect, test } from 'vitest';
import { openConnection } from '../helpers/raw-http.js';
import { http, useSipmock } from '../helpers/start-server.js';

/**
 * Answers made in the same turn of the event loop are ended together (send.ts). Each must still
 * reach its own request, whole and in order: across connections, and on one connection that
 * pipelines. The gateways are stored through the control API, so every answer names its own record.
 */
const PROJECT = 'bc949800-7b40-43cf-8438-a85facfcbdd1';
const AUTH = `Basic ${Buffer.from(`${PROJECT}:PT0123`).toString('base64')}`;
const GATEWAYS = '/signalwire/api/fabric/resources/sip_gateways';
const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const UNKNOWN = 'ffffffff-0000-4000-8000-000000000000';
const get = (id: string, method = 'GET') => `${method} ${GATEWAYS}/${id} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${AUTH}\r\n\r\n`;

describe('answers that are ready in the same turn', () => {
  const sipmock = useSipmock({ providers: ['signalwire'] });

  const store = async (count: number) => {
    const stamp = '2026-01-01T00:00:00Z';
    const gateways = Array.from({ length: count }, (_, n) => ({
      id: idOf(n),
      project_id: PROJECT,
      display_name: `Gateway ${n}`,
      type: 'sip_gateway',
      created_at: stamp,
      updated_at: stamp,
      sip_gateway: { id: idOf(1000 + n), uri: `sip:gw${n}@carrier.example.net`, name: `Gateway ${n}`, ciphers: [], codecs: ['PCMU'], encryption: 'default' },
    }));
    const put = await http(sipmock.current.url, `/__sipmock/state/signalwire?account=${PROJECT}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ gateways }) });
    expect(put.status).toBe(200);
  };

  test('each of many requests sent at once, over their own connections, gets its own answer', async () => {
    await store(12);
    const ids = Array.from({ length: 12 }, (_, n) => (n % 4 === 3 ? UNKNOWN : idOf(n)));
    const connections = await Promise.all(ids.map(() => openConnection(sipmock.current.url)));
    try {
      // Twice on the same connections: a connection's first request is read in a turn of its own,
      // and the second round is read, and answered, in one turn.
      for (const round of [1, 2]) {
        connections.forEach((connection, n) => connection.write(get(ids[n])));
        const answers = await Promise.all(connections.map((connection) => connection.nextResponse(2_000)));
        answers.forEach((answer, n) => {
          expect(answer.status, `round ${round}, request ${n}`).toBe(ids[n] === UNKNOWN ? 404 : 200);
          if (ids[n] !== UNKNOWN) expect(JSON.parse(answer.body)).toMatchObject({ id: idOf(n), display_name: `Gateway ${n}` });
        });
      }
    } finally {
      for (const connection of connections) connection.destroy();
    }
  });

  test('requests pipelined on one connection are answered in the order they came, a HEAD among them', async () => {
    await store(3);
    const connection = await openConnection(sipmock.current.url);
    try {
      connection.write(get(idOf(2)) + get(UNKNOWN) + get(idOf(1), 'HEAD') + get(idOf(0)));
      const first = await connection.nextResponse(2_000);
      expect(first.status).toBe(200);
      expect(JSON.parse(first.body)).toMatchObject({ id: idOf(2) });
      expect((await connection.nextResponse(2_000)).status).toBe(404);
      const head = await connection.nextResponse(2_000, { head: true });
      expect(head.status).toBe(200);
      expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
      // A HEAD answer without a body: the bytes after its head are the next answer, whole.
      const last = await connection.nextResponse(2_000);
      expect(last.status).toBe(200);
      expect(JSON.parse(last.body)).toMatchObject({ id: idOf(0) });
    } finally {
      connection.destroy();
    }
  });
});
