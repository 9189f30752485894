import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { MockResponse } from '../providers/types.js';
import type { Fault } from './override-spec.js';

/** How often a slow body sends its next chunk, and into how many chunks it is cut. */
export const SLOW_BODY_INTERVAL_MS = 100;
const SLOW_BODY_CHUNKS = 10;

/**
 * Responses left open on purpose (hang, slow-body). close() and SIGTERM destroy them, so shutdown
 * never waits for a client that is waiting for us.
 */
export class OpenResponses {
  private readonly open = new Set<Socket>();

  /** Keeps the response's connection: it is what a closing server would otherwise wait for. */
  hold(res: ServerResponse): void {
    const socket = res.socket;
    if (!socket || socket.destroyed) return;
    this.open.add(socket);
    socket.once('close', () => this.open.delete(socket));
  }

  destroyAll(): void {
    for (const socket of this.open) socket.destroy();
    this.open.clear();
  }
}

/** Sends a fault. Returns the status the journal records (0 when nothing was sent). */
export function sendFault(res: ServerResponse, response: MockResponse, fault: Fault, open: OpenResponses): number {
  switch (fault) {
    case 'reset': {
      const socket = res.socket as (Socket & { resetAndDestroy?: () => void }) | null;
      // A TCP RST where node can send one; a plain destroy otherwise.
      if (socket?.resetAndDestroy) socket.resetAndDestroy();
      else socket?.destroy();
      return 0;
    }
    case 'hang':
      open.hold(res);
      return 0;
    case 'empty':
      res.writeHead(response.status, { ...withoutContentHeaders(response.headers), 'content-length': 0 });
      res.end();
      return response.status;
    case 'malformed': {
      const full = toPayload(response);
      const cut = full.subarray(0, Math.max(1, Math.floor(full.length / 2)));
      res.writeHead(response.status, { 'content-type': 'application/json; charset=utf-8', ...response.headers, 'content-length': cut.length });
      res.end(cut);
      return response.status;
    }
    case 'slow-body':
      trickle(res, response, open);
      return response.status;
  }
}

function trickle(res: ServerResponse, response: MockResponse, open: OpenResponses): void {
  const payload = toPayload(response);
  res.writeHead(response.status, { 'content-type': 'application/json; charset=utf-8', ...response.headers, 'content-length': payload.length });
  open.hold(res);
  const size = Math.max(1, Math.ceil(payload.length / SLOW_BODY_CHUNKS));
  let offset = 0;
  const timer = setInterval(() => {
    if (res.destroyed) return clearInterval(timer);
    const chunk = payload.subarray(offset, offset + size);
    offset += chunk.length;
    if (offset >= payload.length) {
      clearInterval(timer);
      res.end(chunk);
      return;
    }
    res.write(chunk);
  }, SLOW_BODY_INTERVAL_MS);
  res.once('close', () => clearInterval(timer));
}

/** The body as bytes; a fault with no body to cut sends the start of an object, which never parses. */
function toPayload(response: MockResponse): Buffer {
  if (response.body === undefined) return Buffer.from('{"');
  return Buffer.isBuffer(response.body) ? response.body : Buffer.from(JSON.stringify(response.body));
}

function withoutContentHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) if (name !== 'content-type' && name !== 'content-length') kept[name] = value;
  return kept;
}
