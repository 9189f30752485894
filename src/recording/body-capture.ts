import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate, type Gunzip } from 'node:zlib';

/**
 * Bodies past this size (on the wire, or once decoded) are forwarded but not kept: the fixture
 * says why instead. A fixture is meant to be read, and a decompression bomb must not fill memory.
 */
export const MAX_RECORDED_BYTES = 5 * 1024 * 1024;

/** A copy of a body as the client read it (content coding undone), or why there is none. */
export type CapturedBody = { ok: true; text: string } | { ok: false; reason: string };

/**
 * Keeps a copy of what flows through `stream` without slowing it down, decoding its content
 * coding on the fly. Both the bytes on the wire and the decoded bytes are capped at `limit`: a
 * 100 KiB gzip that inflates to 100 MiB stops being decoded at `limit`, so memory stays bounded.
 * The getter resolves once the stream has ended and the decoder has finished.
 */
export function captureBody(stream: Readable, headers: IncomingHttpHeaders, limit: number): () => Promise<CapturedBody> {
  const coding = String(headers['content-encoding'] ?? '').trim().toLowerCase();
  const chunks: Buffer[] = [];
  let wire = 0;
  let decoded = 0;
  let failure: string | undefined;
  const decoder = createDecoder(coding);
  if (decoder === null) failure = `the body's content-encoding "${coding.slice(0, 40)}" is not one sipmock decodes`;
  const fail = (reason: string) => {
    failure ??= reason;
    chunks.length = 0;
    decoder?.destroy();
  };
  const keep = (chunk: Buffer) => {
    decoded += chunk.length;
    if (decoded > limit) return fail(`the body is larger than ${limit} bytes once decoded`);
    chunks.push(chunk);
  };

  const finished = new Promise<void>((resolve) => {
    decoder?.on('data', (chunk: Buffer) => failure === undefined && keep(chunk));
    decoder?.on('error', () => fail(`the ${coding} body does not decode`));
    decoder?.on('close', resolve);
    stream.on('data', (chunk: Buffer) => {
      if (failure !== undefined) return;
      wire += chunk.length;
      if (wire > limit) return fail(`the body is larger than ${limit} bytes`);
      if (decoder) decoder.write(chunk);
      else keep(chunk);
    });
    stream.on('end', () => (decoder && !decoder.destroyed ? decoder.end() : resolve()));
    stream.on('error', () => {
      fail('the body was cut off');
      resolve();
    });
    stream.on('close', () => {
      // Closed without 'end': the peer went away mid-body.
      if (!stream.readableEnded) fail('the body was cut off');
      if (!decoder || decoder.destroyed) resolve();
    });
  });

  return async () => {
    await finished;
    if (failure !== undefined) return { ok: false, reason: failure };
    return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
  };
}

/** The decoder of a content coding: undefined for none, null for one sipmock cannot decode. */
function createDecoder(coding: string): Gunzip | ReturnType<typeof createInflate> | ReturnType<typeof createBrotliDecompress> | undefined | null {
  if (coding === '' || coding === 'identity') return undefined;
  if (coding === 'gzip' || coding === 'x-gzip') return createGunzip();
  if (coding === 'deflate') return createInflate();
  if (coding === 'br') return createBrotliDecompress();
  return null;
}
