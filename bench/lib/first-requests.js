// The first request to every operation after `ready`: one request per operation of every served
// spec, sent one at a time to a server that has answered nothing yet, timed on the client from
// send to the last byte. Then the same requests again (warm) for comparison.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIRST_REQUEST_AUTH } from '../lines.js';

const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** One request per operation, built from the spec's own examples (path parameters and bodies). */
export async function operationRequests(root) {
  const { loadSpec } = await import(join(root, 'dist/openapi/load-spec.js'));
  const specs = readdirSync(join(root, 'specs')).filter((f) => f.endsWith('.openapi.yaml'));
  const requests = [];
  for (const file of specs) {
    const slug = file.replace('.openapi.yaml', '');
    const { operations } = await loadSpec(join(root, 'specs', file));
    for (const op of operations) {
      if (!HTTP_METHODS.has(op.method.toUpperCase())) continue;
      requests.push({ slug, operationId: op.iid ?? `${op.method} ${op.path}`, ...toRequest(op) });
    }
  }
  return requests;
}

function toRequest(op) {
  let path = op.path;
  for (const param of op.request?.path ?? []) path = path.replace(`{${param.name}}`, encodeURIComponent(String(paramValue(param))));
  const content = op.request?.body?.contents?.[0];
  const success = op.responses.find((r) => /^2\d\d$/.test(r.code))?.contents?.[0]?.mediaType;
  const headers = {};
  if (success) headers.accept = success;
  let body;
  if (content) {
    headers['content-type'] = content.mediaType;
    body = JSON.stringify(content.examples?.find((e) => 'value' in e)?.value ?? {});
  }
  return { method: op.method.toUpperCase(), path, headers, body };
}

function paramValue(param) {
  const example = param.examples?.find((e) => 'value' in e)?.value ?? param.schema?.examples?.[0] ?? param.schema?.example;
  if (example !== undefined) return example;
  if (param.schema?.enum) return param.schema.enum[0];
  if (param.schema?.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  return param.schema?.type === 'integer' || param.schema?.type === 'number' ? 1 : 'x';
}

async function timed(url, init) {
  const t0 = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  return { ms: performance.now() - t0, status: response.status, text };
}

/**
 * Sends every request once (first), then once more (warm). Credentials come from
 * FIRST_REQUEST_AUTH; a provider whose credential is issued by one of its operations (Yeti's JWT)
 * gets it from that operation's first answer, which is timed like every other.
 */
export async function measureFirstRequests(root, requests) {
  const results = [];
  const auth = {};
  const order = [...requests].sort((a, b) => Number(FIRST_REQUEST_AUTH[b.slug]?.issuedBy === b.path) - Number(FIRST_REQUEST_AUTH[a.slug]?.issuedBy === a.path));
  for (const pass of ['first', 'warm']) {
    for (const request of order) {
      const spec = FIRST_REQUEST_AUTH[request.slug] ?? {};
      const headers = { ...request.headers, ...(spec.issuedBy === request.path ? {} : spec.headers?.(auth[request.slug])) };
      const r = await timed(`${root}/${request.slug}${request.path}`, { method: request.method, headers, body: request.body });
      if (spec.issuedBy === request.path) auth[request.slug] = spec.read(r.text);
      if (pass === 'first') results.push({ slug: request.slug, operationId: request.operationId, method: request.method, status: r.status, firstMs: r.ms });
      else results.find((x) => x.slug === request.slug && x.operationId === request.operationId).warmMs = r.ms;
    }
  }
  return results;
}

/** Max and median of the first and warm times, with the slowest operations named. */
export function summarizeFirstRequests(results) {
  const sorted = (key) => results.map((r) => r[key]).sort((a, b) => a - b);
  const median = (values) => values[Math.floor(values.length / 2)];
  const round = (ms) => Math.round(ms * 10) / 10;
  const first = sorted('firstMs');
  const warm = sorted('warmMs');
  const slowest = [...results].sort((a, b) => b.firstMs - a.firstMs).slice(0, 3).map((r) => `${r.slug} ${r.operationId} ${round(r.firstMs)} ms`);
  const statuses = {};
  for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  return {
    operations: results.length,
    maxMs: round(first.at(-1)), medianMs: round(median(first)),
    warmMaxMs: round(warm.at(-1)), warmMedianMs: round(median(warm)),
    slowest, statuses,
  };
}
