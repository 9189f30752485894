import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { MockResponse } from '../providers/types.js';

/**
 * Writes a MockResponse: Buffers as they are, anything else as JSON. Returns the body bytes (for
 * the journal). The head is written now and the answer ended later in this turn (see endThisTurn);
 * `onError` hears of an answer that could not be ended (its connection is destroyed).
 */
export function sendResponse(res: ServerResponse, response: MockResponse, headOnly: boolean, onError: (error: unknown, res: ServerResponse) => void): Buffer | undefined {
  const headers: Record<string, string | number> = { ...response.headers };
  let payload: Buffer | undefined;
  if (response.body !== undefined) {
    payload = Buffer.isBuffer(response.body) ? response.body : Buffer.from(JSON.stringify(response.body));
    headers['content-type'] ??= 'application/json; charset=utf-8';
    headers['content-length'] = payload.length;
  } else if (response.status !== 204 && response.status !== 304) {
    headers['content-length'] = 0;
  }
  // A server that is shutting down answers what is in flight and closes the connection after it.
  const server = (res.socket as (Socket & { server?: Server }) | null)?.server;
  if (server && !server.listening) headers.connection = 'close';
  res.writeHead(response.status, headers);
  endThisTurn({ res, payload: headOnly ? undefined : payload, onError });
  return payload;
}

/**
 * Answers made in one turn of the event loop, ended together once the turn's I/O callbacks have run
 * (a setImmediate). Ending an answer writes it to the socket, and on loopback a write to a client
 * that sleeps in its poll wakes that client from inside the write: in a profile of GET at 10
 * connections that wake-up was the largest single cost of an answer (`sock_def_readable` under
 * `tcp_sendmsg`). Written back to back, the answers of one turn wake a client once: GET went from
 * about 25k to 29k req/s. An answer waits only for the rest of its turn: mostly the other requests
 * that arrived with it.
 */
type Ending = { res: ServerResponse; payload: Buffer | undefined; onError: (error: unknown, res: ServerResponse) => void };
let endings: Ending[] = [];

function endThisTurn(ending: Ending): void {
  if (endings.length === 0) setImmediate(endAll);
  endings.push(ending);
}

function endAll(): void {
  const due = endings;
  endings = [];
  for (const { res, payload, onError } of due) {
    try {
      res.end(payload);
    } catch (error) {
      // An answer that cannot be ended must not hang its client, nor stop the others.
      res.destroy();
      onError(error, res);
    }
  }
}
