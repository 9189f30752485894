import type { IncomingMessage } from 'node:http';
import { MockError } from '../errors.js';
import { isJsonMediaType } from '../mock/media-type.js';

/** The default request body limit: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Reads the whole body up to `limit` bytes. Past the limit it stops keeping data, reads the rest
 * (so the connection is not left half-read) and throws 413.
 */
const EMPTY = Buffer.alloc(0);

export async function readRawBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  // Most requests (GET, DELETE) have no body at all; HTTP/1.1 then sends neither header, and node
  // discards the empty stream itself, so there is nothing to iterate.
  if (request.headers['content-length'] === undefined && request.headers['transfer-encoding'] === undefined) return EMPTY;
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    throw new MockError('MOCK_ERR_BODY_TOO_LARGE', { limit });
  }
  const chunks: Buffer[] = [];
  let size = 0;
  // Past the limit the rest is read and dropped, not left in the socket: the connection stays usable.
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) throw new MockError('MOCK_ERR_BODY_TOO_LARGE', { limit });
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
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
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new MockError('MOCK_ERR_BODY_MALFORMED', { why: (error as Error).message });
  }
}
