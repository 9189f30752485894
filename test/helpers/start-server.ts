import { afterAll, beforeAll } from 'vitest';
import { startSipmock, type RunningSipmock, type SipmockOptions } from '../../src/server/create-app.js';
import { createLogger } from '../../src/server/logger.js';
import type { ProviderCall } from '../../src/providers/types.js';

/**
 * Starts a real sipmock on an ephemeral port for the enclosing describe block and closes it after.
 * The returned object is filled in by beforeAll; read it inside tests.
 */
export function useSipmock(options: SipmockOptions = {}): { current: RunningSipmock } {
  const holder = {} as { current: RunningSipmock };
  beforeAll(async () => {
    holder.current = await startSipmock({ port: 0, logger: createLogger({ quiet: true }), secret: new Uint8Array(32).fill(7), ...options });
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return holder;
}

export type HttpResult = { status: number; headers: Headers; text: string; json: unknown };

/** One HTTP exchange with the running server; the body is read whole and parsed when it is JSON. */
export async function http(baseUrl: string, path: string, init: RequestInit = {}): Promise<HttpResult> {
  const response = await fetch(`${baseUrl}${path}`, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A client of one provider at `baseUrl` (its base URL on the mock), as a definition's `auth.example` takes it. */
export function providerCaller(baseUrl: string): ProviderCall {
  return async ({ method, path, headers, body }) => {
    const response = await http(baseUrl, path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: response.json };
  };
}
