import { beforeAll, describe, expect, test } from 'vitest';
import { yeti } from '../../../src/providers/yeti/index.js';
import { http, useSipmock } from '../../helpers/start-server.js';

// jsonapi-resources 0.9 refuses a filter its resource does not declare with 400, code 102
// (cerebris/jsonapi-resources release-0-9, lib/jsonapi/error_codes.rb FILTER_NOT_ALLOWED).
const sipmock = useSipmock({ providers: [yeti.slug] });
const JSON_API = 'application/vnd.api+json';
let headers: Record<string, string>;

beforeAll(async () => {
  const login = await http(sipmock.current.url, '/yeti/api/rest/admin/auth', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ auth: { username: 'admin', password: '111111' } }) });
  headers = { authorization: (login.json as { jwt: string }).jwt, accept: JSON_API };
});

describe('Yeti filters named after Object.prototype members', () => {
  test.each(['hasOwnProperty', '__proto__', 'valueOf', 'constructor', 'toString', 'isPrototypeOf'])('filter[%s] is refused like any unknown filter (400, code 102)', async (name) => {
    const response = await http(sipmock.current.url, `/yeti/api/rest/admin/registrations?filter[${name}]=x`, { headers });
    expect(response.status).toBe(400);
    expect((response.json as { errors: Array<{ code: string }> }).errors[0].code).toBe('102');
  });

  test('fields[__proto__] does not change what a list shows', async () => {
    const response = await http(sipmock.current.url, '/yeti/api/rest/admin/registrations?fields[__proto__]=name', { headers });
    expect(response.status).toBeLessThan(500);
  });
});
