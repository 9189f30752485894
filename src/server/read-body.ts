import type { IncomingMessage, ServerResponse } from 'node:http';
import { MockError } from '../errors.js';
import { isJsonMediaType } from '../mock/media-type.js';
import type { MaybePromise } from './maybe-async.js';

/** The default request body limit: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** What to do when a request's body passes the limit: set by the server, which holds the response. */
const overflowHandlers = new WeakMap<IncomingMessage, () => void>();

/**
 * When `request`'s body passes the limit, its 413 says `Connection: close`, and the connection
 * is closed once the answer is out: the rest of the body is never read (it may be gigabytes).
 */
export function closeOnOverflow(request: IncomingMessage, response: ServerResponse): void {
  overflowHandlers.set(request, () => {
    response.setHeader('connection', 'close');
    // Captured now: node detaches the socket from the request once the response is done.
    const socket = request.socket;
    response.once('finish', () => {
      socket.end();
      // A client still sending gets a moment to read the 413 before the socket goes.
      setTimeout(() => socket.destroy(), 500).unref();
    });
  });
}

/**
 * Reads the whole body up to `limit` bytes, and throws 413 as soon as it is passed (a declared
 * Content-Length over it, or the bytes of a chunked body), without reading further.
 */
const EMPTY = Buffer.alloc(0);

export function readRawBody(request: IncomingMessage, limit: number): MaybePromise<Buffer> {
  // Most requests (GET, DELETE) have no body at all; HTTP/1.1 then sends neither header, and node
  // discards the empty stream itself, so there is nothing to iterate, nor to wait for.
  if (!hasBody(request)) return EMPTY;
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw overflow(request, limit);
  return readChunks(request, limit);
}

/** Whether the request says a body follows (HTTP/1.1 sends Content-Length or Transfer-Encoding then). */
export function hasBody(request: IncomingMessage): boolean {
  return request.headers['content-length'] !== undefined || request.headers['transfer-encoding'] !== undefined;
}

/** Collects the chunks with plain listeners: an async iterator costs more than the read on a small body. */
function readChunks(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (error?: MockError) => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
      if (error) reject(error);
      else resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) done(overflow(request, limit));
      else chunks.push(chunk);
    };
    const onEnd = () => done();
    // The stream fails or closes early only when the client goes away mid-body: its request, not our fault.
    const onError = (error: Error) => done(new MockError('MOCK_ERR_BODY_MALFORMED', { why: `the body ended early (${error.message})` }));
    const onClose = () => {
      if (!request.complete) done(new MockError('MOCK_ERR_BODY_MALFORMED', { why: 'the body ended early (aborted)' }));
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}

function overflow(request: IncomingMessage, limit: number): MockError {
  const close = overflowHandlers.get(request);
  // Without a server to close the connection, the rest is drained so the connection stays usable.
  if (close) close();
  else request.resume();
  return new MockError('MOCK_ERR_BODY_TOO_LARGE', { limit });
}

/**
 * Parses a body by its media type. JSON types are parsed (malformed JSON is a 400); anything else
 * is kept as text, for the media type check to refuse. An empty body is `undefined`.
 */
export function parseBody(raw: Buffer, mediaType: string): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (!isJsonMediaType(mediaType) && mediaType !== '') return text;
  if (text.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new MockError('MOCK_ERR_BODY_MALFORMED', { why: (error as Error).message });
  }
  // Only a long exponent or digit run can overflow to Infinity (which JSON writes back as null): look only then.
  if (/[eE]\+?\d{3}|\d{309}/.test(text)) {
    const where = findNonFinite(parsed, []);
    if (where) throw new MockError('MOCK_ERR_BODY_MALFORMED', { why: `the number at ${where.join('.') || 'the top'} is too large to represent` });
  }
  return parsed;
}

function findNonFinite(value: unknown, path: string[]): string[] | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : path;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = findNonFinite(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}
