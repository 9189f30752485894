import { MockError } from '../errors.js';
import type { Operation, ResponseContent } from '../openapi/operation.js';
import type { MockResponse } from '../providers/types.js';
import { negotiate } from './media-type.js';
import type { Preferences } from './preferences.js';
import { pooledBody } from './dynamic-pool.js';
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
  if (preferences.dynamic && preferences.seed === undefined) {
    const pooled = pooledBody(content, () => {
      const generated = generateBody(operation, content, status, preferences);
      return generated.valid ? Buffer.from(JSON.stringify(generated.value)) : undefined;
    });
    // A body that breaks the spec is not pooled: answered as data, the route reports its violations.
    return { status, headers, body: pooled ?? generateBody(operation, content, status, preferences).value };
  }
  // A seeded body is the same every time, and so is a static one: generate it once (a bounded
  // cache, cleared when full).
  const cacheKey = preferences.dynamic ? `${status} seed ${preferences.seed}` : `${status} static`;
  const cachedBody = generatedBodies.get(content)?.get(cacheKey);
  if (cachedBody) return { status, headers, body: cachedBody };
  const generated = generateBody(operation, content, status, preferences);
  if (!generated.valid) return { status, headers, body: generated.value };
  let byKey = generatedBodies.get(content);
  if (!byKey || byKey.size >= GENERATED_BODIES_LIMIT) {
    byKey = new Map();
    generatedBodies.set(content, byKey);
  }
  const serializedBody = Buffer.from(JSON.stringify(generated.value));
  byKey.set(cacheKey, serializedBody);
  return { status, headers, body: serializedBody };
}

const generatedBodies = new WeakMap<ResponseContent, Map<string, Buffer>>();
const GENERATED_BODIES_LIMIT = 1000;

/** A generated body, and whether it matches the documented schema (only then is it kept). */
function generateBody(operation: Operation, content: ResponseContent, status: number, preferences: Preferences): { value: unknown; valid: boolean } {
  const generated = generateFromSchema(operation.source, content.schema!, {
    dynamic: preferences.dynamic === true,
    seed: preferences.seed,
  });
  if (!generated.ok) throw new MockError('MOCK_ERR_INTERNAL', { why: `could not generate a ${status} body: ${generated.error.message}` });
  const valid = (value: unknown) => operation.validateResponse(status, content.mediaType, value).length === 0;
  if (!preferences.dynamic) return { value: generated.value, valid: valid(generated.value) };
  // Prism's dynamic data is valid but lorem ipsum; keep the realistic version only while it stays valid.
  const realistic = makeRealistic(generated.value, content.schema, preferences.seed);
  if (valid(realistic)) return { value: realistic, valid: true };
  return { value: generated.value, valid: valid(generated.value) };
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
