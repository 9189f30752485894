import { connect, type Socket } from 'node:net';

/** One HTTP/1.1 response read off a raw socket. */
export type RawResponse = { status: number; headers: Record<string, string>; body: string };

/**
 * A raw TCP connection to the server, for what fetch cannot do: bodies sent in timed pieces, lying
 * Content-Length headers, several requests on one connection. Responses are parsed by Content-Length.
 */
export type RawConnection = {
  write(text: string | Buffer): void;
  /**
   * The next complete response; rejects after `timeoutMs` or when the connection ends first.
   * `head: true` reads a response to HEAD: headers only, whatever its Content-Length says.
   */
  nextResponse(timeoutMs?: number, options?: { head?: boolean }): Promise<RawResponse>;
  /** Resolves with how the connection ended: 'end' (FIN), 'reset' (error) or 'timeout'. */
  ended(timeoutMs?: number): Promise<'end' | 'reset' | 'timeout'>;
  destroy(): void;
  socket: Socket;
};

export async function openConnection(baseUrl: string): Promise<RawConnection> {
  const url = new URL(baseUrl);
  const socket = connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  let buffer = Buffer.alloc(0);
  let end: 'end' | 'reset' | undefined;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    notify();
  });
  socket.on('end', () => {
    end ??= 'end';
    notify();
  });
  socket.on('error', () => {
    end ??= 'reset';
    notify();
  });
  socket.on('close', () => {
    end ??= 'end';
    notify();
  });

  function takeResponse(head: boolean): RawResponse | undefined {
    const headEnd = buffer.indexOf('\r\n\r\n');
    if (headEnd === -1) return undefined;
    const [statusLine, ...headerLines] = buffer.subarray(0, headEnd).toString('latin1').split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of headerLines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = head ? 0 : Number(headers['content-length'] ?? 0);
    if (buffer.length < headEnd + 4 + length) return undefined;
    const body = buffer.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8');
    buffer = buffer.subarray(headEnd + 4 + length);
    return { status: Number(statusLine.split(' ')[1]), headers, body };
  }

  function waitUntil<T>(check: () => T | undefined, onEnd: () => T | Error, timeoutMs: number, onTimeout: () => T | Error): Promise<T> {
    return new Promise((resolve, reject) => {
      const settle = (value: T | Error) => {
        clearTimeout(timer);
        listeners.delete(listener);
        if (value instanceof Error) reject(value);
        else resolve(value);
      };
      const listener = () => {
        const value = check();
        if (value !== undefined) settle(value);
        else if (end) settle(onEnd());
      };
      const timer = setTimeout(() => settle(onTimeout()), timeoutMs);
      listeners.add(listener);
      listener();
    });
  }

  return {
    socket,
    write(text) {
      socket.write(text);
    },
    nextResponse(timeoutMs = 5_000, options = {}) {
      return waitUntil(
        () => takeResponse(options.head === true),
        () => new Error(`the connection ended (${end}) before a complete response; got ${JSON.stringify(buffer.toString('latin1'))}`),
        timeoutMs,
        () => new Error(`no complete response within ${timeoutMs} ms; got ${JSON.stringify(buffer.toString('latin1'))}`),
      );
    },
    ended(timeoutMs = 5_000) {
      return waitUntil<'end' | 'reset' | 'timeout'>(() => end, () => end!, timeoutMs, () => 'timeout');
    },
    destroy() {
      socket.destroy();
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One chunk of a `Transfer-Encoding: chunked` body. */
export function chunk(data: string): string {
  return `${Buffer.byteLength(data).toString(16)}\r\n${data}\r\n`;
}
