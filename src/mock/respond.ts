import { MockError } from '../errors.js';
import type { Operation, ResponseContent } from '../openapi/operation.js';
import type { MockResponse } from '../providers/types.js';
import { negotiate } from './media-type.js';
import type { Preferences } from './preferences.js';
import { generateFromSchema } from './prism-adapter.js';
import { makeRealistic } from './realistic-values.js';

/** Serialized example bodies, computed once: most answers are a documented example. */
const serialized = new WeakMap<ResponseContent, Map<string, Buffer>>();

/**
 * Answers from the spec alone: the documented response for the preferred (or success) status,
 * with the named example, the first example, or data Prism generates from the schema.
 */
export function respondFromSpec(operation: Operation, preferences: Preferences, accept: string | undefined): MockResponse {
  const status = preferences.code ?? operation.successStatus;
  const response = operation.responses.get(status);
  if (!response) {
    throw new MockError('MOCK_ERR_PREFER_CODE', {
      code: status,
      operationId: operation.operationId,
      codes: [...operation.responses.keys()].join(', '),
    });
  }
  if (response.contents.length === 0) return { status };
  const mediaType = negotiate(accept, response.contents.map((c) => c.mediaType)) ?? response.contents[0].mediaType;
  const content = response.contents.find((c) => c.mediaType === mediaType)!;
  const headers = { 'content-type': contentTypeHeader(mediaType) };

  if (preferences.example !== undefined) {
    if (!content.examples.has(preferences.example)) {
      throw new MockError('MOCK_ERR_PREFER_EXAMPLE', {
        example: preferences.example,
        operationId: operation.operationId,
        code: status,
        examples: [...content.examples.keys()].join(', ') || '(none)',
      });
    }
    return { status, headers, body: toBuffer(content, preferences.example) };
  }
  const firstExample = content.examples.keys().next();
  if (!preferences.dynamic && !firstExample.done) return { status, headers, body: toBuffer(content, firstExample.value) };
  if (!content.schema) return { status, headers, body: Buffer.from('null') };
  // A seeded body is the same every time: generate it once (a bounded cache, cleared when full).
  const seededKey = preferences.dynamic && preferences.seed !== undefined ? `${status} ${preferences.seed}` : undefined;
  const cachedBody = seededKey === undefined ? undefined : seededBodies.get(content)?.get(seededKey);
  if (cachedBody) return { status, headers, body: cachedBody };
  const body = generateBody(operation, content, status, preferences);
  if (seededKey === undefined) return { status, headers, body };
  let bySeed = seededBodies.get(content);
  if (!bySeed || bySeed.size >= SEEDED_BODIES_LIMIT) {
    bySeed = new Map();
    seededBodies.set(content, bySeed);
  }
  const serializedBody = Buffer.from(JSON.stringify(body));
  bySeed.set(seededKey, serializedBody);
  return { status, headers, body: serializedBody };
}

const seededBodies = new WeakMap<ResponseContent, Map<string, Buffer>>();
const SEEDED_BODIES_LIMIT = 1000;

function generateBody(operation: Operation, content: ResponseContent, status: number, preferences: Preferences): unknown {
  const generated = generateFromSchema(operation.source, content.schema!, {
    dynamic: preferences.dynamic === true,
    seed: preferences.seed,
  });
  if (!generated.ok) throw new MockError('MOCK_ERR_INTERNAL', { why: `could not generate a ${status} body: ${generated.error.message}` });
  if (!preferences.dynamic) return generated.value;
  // Prism's dynamic data is valid but lorem ipsum; keep the realistic version only while it stays valid.
  const realistic = makeRealistic(generated.value, content.schema, preferences.seed);
  const valid = operation.validateResponse(status, content.mediaType, realistic).length === 0;
  return valid ? realistic : generated.value;
}

/** The content type we answer with: JSON types get their charset only where the type allows it. */
export function contentTypeHeader(mediaType: string): string {
  return mediaType === 'application/json' ? 'application/json; charset=utf-8' : mediaType;
}

function toBuffer(content: ResponseContent, key: string): Buffer {
  let byKey = serialized.get(content);
  if (!byKey) {
    byKey = new Map();
    serialized.set(content, byKey);
  }
  let buffer = byKey.get(key);
  if (!buffer) {
    buffer = Buffer.from(JSON.stringify(content.examples.get(key)));
    byKey.set(key, buffer);
  }
  return buffer;
}
