import { expect } from 'vitest';
import { http, useSipmock, type HttpResult } from '../../helpers/start-server.js';

/** The upstream commit every conformance case of this folder was read from. */
export const ASH_JSON_API = 'ash-project/ash_json_api@50e64166ec4eef104608aab646b66ff10248de20';
export const ASH = 'ash-project/ash@58d1ae3f5b8b2d83cf446d2a943e535fc12b1b0b';

export const JSON_API = 'application/vnd.api+json';
export const SEEDED = '3f6c2a1e-8b4d-4c57-9e21-6a0d5b7c9f13';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const PATH = '/sippet/api/gateways';

export type Doc = { data: { id: string; attributes: Record<string, unknown> }; links: Record<string, string | null>; meta: unknown };
export type ListDoc = {
  data: Array<{ id: string; attributes: Record<string, unknown> }>;
  links: Record<string, string | null>;
  meta: { page: Record<string, number> };
};
export type ErrorDoc = { errors: Array<Record<string, unknown>>; jsonapi: unknown };

type CallOptions = { body?: unknown; raw?: string; headers?: Record<string, string | undefined>; token?: string };

/** A Sippet client on a server of its own, one account per test file unless a token is given. */
export function useSippet(account: string) {
  const sipmock = useSipmock({ providers: ['sippet'] });
  const base = () => `${sipmock.current.url}/sippet`;

  async function call(method: string, path: string, options: CallOptions = {}): Promise<HttpResult> {
    const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const headers: Record<string, string> = { authorization: `Bearer ${options.token ?? account}`, accept: JSON_API };
    if (body !== undefined) headers['content-type'] = JSON_API;
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (value === undefined) delete headers[name];
      else headers[name] = value;
    }
    const response = await http(sipmock.current.url, path, { method, headers, body });
    // Every answer, refusals included, must match the spec's own response schema.
    expect(response.headers.get('sl-violations'), response.headers.get('sl-violations') ?? '').toBeNull();
    return response;
  }

  async function reset(): Promise<void> {
    await http(sipmock.current.url, '/__sipmock/state/sippet', { method: 'DELETE' });
  }

  async function create(attributes: Record<string, unknown>): Promise<string> {
    const response = await call('POST', PATH, { body: { data: { type: 'Gateway', attributes } } });
    expect(response.status, response.text).toBe(201);
    return (response.json as Doc).data.id;
  }

  return { sipmock, base, call, reset, create };
}

/** One AshJsonApi error as the tests expect it: any uuid id, `meta: {}` unless told otherwise. */
export function ashError(fields: Record<string, unknown>, meta: Record<string, unknown> | null = {}): Record<string, unknown> {
  const error: Record<string, unknown> = { id: expect.stringMatching(UUID), ...fields };
  if (meta !== null) error.meta = meta;
  return error;
}

export function errors(...items: Array<Record<string, unknown>>): ErrorDoc {
  return { errors: items, jsonapi: { version: '1.0' } };
}

/** The fallback AshJsonApi gives an Ash error it cannot render: its detail quotes its own id. */
export function somethingWentWrong(result: HttpResult, status = '400'): void {
  const [error] = (result.json as ErrorDoc).errors;
  expect(error).toEqual({
    id: expect.stringMatching(UUID),
    status,
    code: 'something_went_wrong',
    title: 'SomethingWentWrong',
    detail: `Something went wrong. Error id: ${error.id}`,
  });
}
