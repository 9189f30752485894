import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { captureBody, type CapturedBody } from './body-capture.js';
import { createRedactionPolicy } from './redaction-policy.js';
import type { RecordEvent } from './record-proxy.js';
import { headerValue, toRecordedBody, type Exchange } from './to-fixture.js';

/** RFC 9110 §7.6.1: headers for one connection only, never forwarded. */
const SHOWN = createRedactionPolicy();

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

export type ForwardOptions = {
  /** Where requests go, userinfo included. */
  upstream: string;
  /** The upstream as messages show it. */
  shown: string;
  timeoutMs: number;
  /** The most bytes of a body kept for the fixture, on the wire and decoded. */
  limit: number;
  emit(event: RecordEvent): void;
};

/**
 * Streams one request to the upstream and its answer back unchanged; resolves with the exchange
 * (bodies decoded and bounded), or undefined when there is none to record.
 */
export function forward(req: IncomingMessage, res: ServerResponse, options: ForwardOptions): Promise<Exchange | undefined> {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', 'http://recorder');
  const target = new URL(`${options.upstream}${url.pathname}${url.search}`);
  // A path may carry a secret (a JWT as an id): messages show it redacted.
  const path = SHOWN.string(url.pathname);
  const requestBody = captureBody(req, req.headers, options.limit);
  // A client that goes away mid-answer is not an error of the proxy.
  res.on('error', () => undefined);
  return new Promise((resolve) => {
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const upstreamRequest = send(target, { method, headers: withoutHopByHop(req.headers, ['host']) });
    upstreamRequest.setTimeout(options.timeoutMs, () => upstreamRequest.destroy(new UpstreamTimeout(options.timeoutMs)));
    req.on('error', () => upstreamRequest.destroy());
    req.pipe(upstreamRequest);

    upstreamRequest.on('error', (error) => {
      const timeout = error instanceof UpstreamTimeout;
      const status = timeout ? 504 : 502;
      const message = timeout
        ? `The upstream ${options.shown} did not answer ${method} ${path} within ${options.timeoutMs / 1000} s`
        : `Failed to forward ${method} ${path} to ${options.shown}: ${SHOWN.string(error.message)}. Is the upstream running?`;
      options.emit({ kind: 'upstream-error', method, path, status, message });
      if (res.headersSent) res.destroy(error);
      else res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: timeout ? 'gateway_timeout' : 'bad_gateway', message }));
      resolve(undefined);
    });

    upstreamRequest.on('response', (upstreamResponse) => {
      const status = upstreamResponse.statusCode ?? 502;
      const responseBody = captureBody(upstreamResponse, upstreamResponse.headers, options.limit);
      try {
        res.writeHead(status, upstreamResponse.statusMessage, withoutHopByHop(upstreamResponse.headers));
      } catch {
        // A status line or header node refuses to send on: answer 502 rather than crash.
        res.writeHead(502, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ error: 'bad_gateway', message: `the upstream ${options.shown} sent a header that cannot be forwarded` }));
        upstreamResponse.destroy();
        return resolve(undefined);
      }
      upstreamResponse.pipe(res);
      res.on('close', () => upstreamResponse.destroy());
      upstreamResponse.on('end', () => {
        Promise.all([requestBody(), responseBody()]).then(([sent, received]) => {
          resolve({
            request: { method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, ...toBody(sent, req.headers) },
            response: { status, headers: upstreamResponse.headers, ...toBody(received, upstreamResponse.headers) },
          });
        }, () => resolve(undefined));
      });
      upstreamResponse.on('close', () => {
        if (!upstreamResponse.readableEnded) resolve(undefined);
      });
    });
  });
}

function toBody(captured: CapturedBody, headers: IncomingHttpHeaders): { body: unknown; omitted?: string } {
  if (!captured.ok) return { body: undefined, omitted: `${captured.reason}: not written` };
  return toRecordedBody(captured.text, headerValue(headers, 'content-type'));
}

class UpstreamTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

function withoutHopByHop(headers: IncomingHttpHeaders, also: string[] = []): IncomingHttpHeaders {
  // Connection may name more headers that are for this hop only.
  const named = (headerValue(headers, 'connection') ?? '').split(',').map((h) => h.trim().toLowerCase());
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name) && !named.includes(name) && !also.includes(name)));
}
