import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** How long and how many clients may hold the listener. Defaults: 10 s for headers, 30 s per request, 1024 connections. */
export type ListenerLimits = {
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxConnections?: number;
};

export const DEFAULT_MAX_CONNECTIONS = 1024;

/**
 * An HTTP server a slow or greedy client cannot hold: headers must arrive within
 * `headersTimeoutMs` and a whole request within `requestTimeoutMs` (a test client never comes
 * close), and connections past `maxConnections` are closed as they come.
 */
export function createHttpServer(handler: (req: IncomingMessage, res: ServerResponse) => void, limits: ListenerLimits = {}): Server {
  const headersTimeout = limits.headersTimeoutMs ?? 10_000;
  const requestTimeout = Math.max(limits.requestTimeoutMs ?? 30_000, headersTimeout);
  // Node checks the timeouts only this often (30 s by default): a trickle of headers would outlive the limit.
  const connectionsCheckingInterval = Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 4)));
  const server = createServer({ headersTimeout, requestTimeout, connectionsCheckingInterval }, handler);
  server.maxConnections = limits.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  return server;
}

/** Listens on `host:port` (port 0 picks a free one) and resolves with the port and base URL. */
export async function listen(server: Server, port: number, host: string): Promise<{ port: number; url: string }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  return { port: bound, url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}` };
}

/** Connections that have not sent a request yet: node's closeIdleConnections leaves them open. */
const unused = new WeakMap<Server, Set<Socket>>();

export function trackUnusedConnections(server: Server): void {
  const sockets = new Set<Socket>();
  unused.set(server, sockets);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('request', (req: IncomingMessage) => sockets.delete(req.socket));
}

/**
 * In-flight requests finish; keep-alive connections are closed as soon as they are idle, and
 * connections a client opened in advance (undici does, after an aborted request) at once.
 */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const closeUnused = () => {
      server.closeIdleConnections();
      for (const socket of unused.get(server) ?? []) socket.destroy();
    };
    const sweep = setInterval(closeUnused, 25);
    server.close((error) => {
      clearInterval(sweep);
      return error ? reject(error) : resolve();
    });
    closeUnused();
  });
}
