import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { MockResponse } from '../providers/types.js';

/** Writes a MockResponse: Buffers as they are, anything else as JSON. Returns the body bytes (for the journal). */
export function sendResponse(res: ServerResponse, response: MockResponse, headOnly: boolean): Buffer | undefined {
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
  res.end(headOnly ? undefined : payload);
  return payload;
}
