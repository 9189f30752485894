import { beforeEach, expect } from 'vitest';
import { http, useSipmock, type HttpResult } from '../../helpers/start-server.js';

/**
 * Upstream sources the conformance suite is derived from. Each case names the file it follows.
 * - JR: cerebris/jsonapi-resources, branch release-0-9 at 190d1b3d (v0.9.12 + the media_type fix).
 * - YETI: yeti-switch/yeti-web at 3ec29c9f.
 * - RAILS: ActiveModel/ActiveRecord casting and validation rules the Yeti model relies on.
 */
export const JR = 'cerebris/jsonapi-resources@190d1b3d';
export const YETI = 'yeti-switch/yeti-web@3ec29c9f';

export const JSON_API = 'application/vnd.api+json';
export const API = '/yeti/api/rest/admin';

/** A fresh yeti-only server for the calling test file; its state is reset before every test. */
export function useYeti() {
  const sipmock = useSipmock({ providers: ['yeti'] });
  let jwt: string | undefined;
  beforeEach(async () => {
    await http(sipmock.current.url, '/__sipmock/state/yeti', { method: 'DELETE' });
  });

  async function token(): Promise<string> {
    if (jwt) return jwt;
    const response = await http(sipmock.current.url, `${API}/auth`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ auth: { username: 'admin', password: '111111' } }),
    });
    jwt = (response.json as { jwt: string }).jwt;
    return jwt;
  }

  /**
   * One call with the admin's JWT, JSON:API headers unless `headers` replaces them. A string body
   * is sent as is (malformed JSON), bytes too (fetch then adds no Content-Type of its own);
   * anything else is JSON-encoded.
   */
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string | undefined> = {}): Promise<HttpResult> {
    const all: Record<string, string | undefined> = { authorization: await token(), accept: JSON_API, ...(body === undefined ? {} : { 'content-type': JSON_API }), ...headers };
    const sent = Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== undefined));
    const payload = body === undefined || typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
    const response = await http(sipmock.current.url, `${API}${path}`, { method, headers: sent, body: payload });
    expect(response.text, 'no JavaScript undefined leaks into an answer').not.toContain('undefined');
    expect(response.headers.get('sl-violations'), 'every answer matches the spec').toBeNull();
    return response;
  }

  /** The absolute URL a link of this server carries for an admin path. */
  const url = (path: string) => `${sipmock.current.url}${API}${path}`;
  return { sipmock, call, url, get: (path: string) => call('GET', path) };
}

/** A jsonapi-resources error document with one 400 error. */
export const badRequest = (code: string, title: string, detail: string) => ({ errors: [{ title, detail, code, status: '400' }] });

/** A jsonapi-resources ValidationErrors entry (yeti renders it 422, config/initializers/jsonapi_resources.rb). */
export const invalid = (name: string, message: string, member = 'attributes') => ({
  title: message,
  detail: `${name} - ${message}`,
  code: '100',
  source: { pointer: `/data/${member}/${name}` },
  status: '422',
});

/** The attributes every create in the yeti request spec sends (spec/requests/api/rest/admin/registrations_spec.rb). */
export const required = (name: string) => ({ name, domain: 'example.com', username: 'qwe.asd', contact: 'sip:contact123@example.com' });

export const registration = (attributes: Record<string, unknown>, relationships?: Record<string, unknown>) => ({
  data: { type: 'registrations', attributes, ...(relationships ? { relationships } : {}) },
});

export const data = (response: HttpResult) => (response.json as { data: any }).data;
