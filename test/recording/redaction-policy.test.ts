import { describe, expect, test } from 'vitest';
import { MAX_REDACTED_DEPTH } from '../../src/recording/redact-json.js';
import { createRedactionPolicy } from '../../src/recording/redaction-policy.js';

const policy = createRedactionPolicy();
const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOjF9.abc_DEF-123';

describe('isSecretName', () => {
  test.each([
    'token', 'apikey', 'api_key', 'apiKey', 'API-Key', 'x-api-key', 'access_token', 'accessToken', 'refresh_token', 'password', 'passwd', 'secret',
    'client_secret', 'clientSecret', 'key', 'auth_password', 'authPassword', 'auth-password', 'sip_password', 'sipPassword', 'jwt', 'credential',
    'credentials', 'private_key', 'sippassword', 'accesstoken', 'session_token', 'Authorization', 'api_key[]',
  ])('%s is secret', (name) => {
    expect(policy.isSecretName(name)).toBe(true);
  });

  test.each(['username', 'auth-user', 'token_type', 'page_token', 'nextPageToken', 'pagetoken', 'sort_key', 'password_min_length', 'monkey', 'name', 'id', 'keys_count', 'tokenized'])('%s is not secret', (name) => {
    expect(policy.isSecretName(name)).toBe(false);
  });

  test('a provider adds its own names, compared without case or separators', () => {
    const own = createRedactionPolicy({ secretFields: ['pin', 'voicemail_code'] });
    expect([own.isSecretName('PIN'), own.isSecretName('voicemailCode'), policy.isSecretName('pin')]).toEqual([true, true, false]);
    expect(own.json({ pin: 1234, voicemailCode: '0000', other: 1 }).value).toEqual({ pin: '<redacted:secret>', voicemailCode: '<redacted:secret>', other: 1 });
  });
});

describe('string', () => {
  test.each([
    ['https://user:pass@example.com/x?a=1', 'https://example.com/x?a=1'],
    ['see https://tok@h.example/ and http://a:b@c/d', 'see https://h.example/ and http://c/d'],
    ['https://h/x?token=abc&page=2&api_key=k&access_token=t', 'https://h/x?token=<redacted:token>&page=2&api_key=<redacted:apikey>&access_token=<redacted:token>'],
    ['/api/gateways?page[number]=2&apikey=deadbeef', '/api/gateways?page[number]=2&apikey=<redacted:apikey>'],
    ['https://h/cb#access_token=abc&state=1', 'https://h/cb#access_token=<redacted:token>&state=1'],
    ['sip:alice:s3cret@sip.example.net;transport=udp', 'sip:alice@sip.example.net;transport=udp'],
    ['<sips:bob:pw@example.org>', '<sips:bob@example.org>'],
    ['sip:101@203.0.113.21:5060', 'sip:101@203.0.113.21:5060'],
    [`token was ${jwt}.`, 'token was <redacted:jwt>.'],
    ['auth: Basic YWRtaW46c2VjcmV0', 'auth: Basic <redacted:basic>'],
    ['Bearer sk_live_4eC39HqLyjWD', 'Bearer <redacted:token>'],
    ['Basic authentication is required; send a Bearer token', 'Basic authentication is required; send a Bearer token'],
    ['set password=hunter2 first', 'set password=<redacted:password> first'],
    ['<redacted:token>', '<redacted:token>'],
  ])('%s → %s', (given, want) => {
    expect(policy.string(given)).toBe(want);
  });

  // ReDoS: the old JWT regex was quadratic in the number of `eyJ` (57 s for 300k chars).
  test.each([
    ['eyJ repeated', 'eyJ'.repeat(100_000)],
    ['eyJa. repeated', 'eyJa.'.repeat(60_000)],
    ['sip:a:b, repeated', 'sip:a:b,'.repeat(40_000)],
    ['?a repeated', '?a'.repeat(150_000)],
    ['://a: repeated', '://a:'.repeat(60_000)],
    ['Bearer repeated', 'Bearer '.repeat(45_000)],
    ['letters', 'a'.repeat(300_000)],
    ['capitals as a member name', { ['A'.repeat(300_000)]: 1 }],
    ['capitals as a query name', `?${'A'.repeat(300_000)}=1`],
  ])('scans 300k chars of hostile %s in linear time', (_name, hostile) => {
    // Linear: doubling the input at most about doubles the time (a quadratic scan quadruples it).
    const doubled = typeof hostile === 'string' ? hostile + hostile : Object.fromEntries(Object.entries(hostile).map(([k, v]) => [k + k, v]));
    const time = (value: string | object) => {
      const started = performance.now();
      if (typeof value === 'string') policy.string(value);
      else policy.json(value);
      return performance.now() - started;
    };
    time(hostile);
    const single = Math.min(time(hostile), time(hostile));
    const double = Math.min(time(doubled), time(doubled));
    expect(single).toBeLessThan(1000);
    expect(double).toBeLessThan(Math.max(single * 3.5, 50));
  });
});

describe('json', () => {
  test('replaces secret members at any depth, keeps masked or empty ones, and scans every string', () => {
    const given = {
      data: { attributes: { sip_password: 'p1', authPassword: 'p2', 'auth-user': '100', client_secret: 's', refresh_token: 'r', api_key: 'k' } },
      credentials: ['user:pass'],
      password: '********',
      passwd: '',
      token: null,
      secret: true,
      links: { self: 'https://h/api/gateways?token=abc&page=1' },
      contact: 'sip:101:pw@h',
      authorization: 'Basic YWRtaW46c2VjcmV0',
      note: '{"password":"inner"}',
    };
    expect(policy.json(given)).toEqual({
      value: {
        data: { attributes: { sip_password: '<redacted:password>', authPassword: '<redacted:password>', 'auth-user': '100', client_secret: '<redacted:secret>', refresh_token: '<redacted:token>', api_key: '<redacted:apikey>' } },
        credentials: ['<redacted:secret>'],
        password: '********',
        passwd: '',
        token: null,
        secret: true,
        links: { self: 'https://h/api/gateways?token=<redacted:token>&page=1' },
        contact: 'sip:101@h',
        authorization: 'Basic <redacted:basic>',
        note: '{"password":"<redacted:password>"}',
      },
      omitted: [],
    });
  });

  test('a body nested 10k deep is cut below the depth bound, and says so', () => {
    let deep: unknown = { password: 'bottom' };
    for (let i = 0; i < 10_000; i += 1) deep = { child: deep };
    const { value, omitted } = policy.json(deep);
    expect(JSON.stringify(value)).toContain('<redacted:depth>');
    expect(JSON.stringify(value)).not.toContain('bottom');
    expect(omitted).toEqual([`nested deeper than ${MAX_REDACTED_DEPTH} levels: the subtree is replaced by <redacted:depth>`]);
  });

  test('keeps a __proto__ member as a member', () => {
    const { value } = policy.json(JSON.parse('{"__proto__": {"password": "x"}, "a": 1}'));
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(JSON.stringify(value)).toBe('{"__proto__":{"password":"<redacted:password>"},"a":1}');
  });
});

describe('body', () => {
  test.each([
    ['application/json', '{"apikey":"k","n":1}', { body: { apikey: '<redacted:apikey>', n: 1 }, omitted: [] }],
    ['application/json', '\uFEFF{"apikey":"k"}', { body: { apikey: '<redacted:apikey>' }, omitted: [] }],
    [undefined, '{"password":"p"}', { body: { password: '<redacted:password>' }, omitted: [] }],
    ['application/x-www-form-urlencoded', 'username=bob&password=p&next=https%3A%2F%2Fu%3Ap%40h%2F', { body: 'username=bob&password=<redacted:password>&next=https%3A%2F%2Fh%2F', omitted: [] }],
    ['application/json', '{"password": "p"', { body: undefined, omitted: ['the application/json body is not valid JSON, so it cannot be redacted: not written'] }],
    ['text/plain', 'password is p', { body: undefined, omitted: ['a text/plain body (13 bytes) cannot be redacted field by field: not written'] }],
    [undefined, 'apikey=k', { body: undefined, omitted: ['a untyped body (8 bytes) cannot be redacted field by field: not written'] }],
    ['application/json', '', { body: undefined, omitted: [] }],
  ])('%s %j', (contentType, text, want) => {
    expect(policy.body(text, contentType)).toEqual(want);
  });

  test('a string value with a text media type is raw text, with a JSON one a JSON string', () => {
    expect(policy.bodyValue('secret words', 'text/plain').body).toBeUndefined();
    expect(policy.bodyValue(`a ${jwt}`, 'application/json')).toEqual({ body: 'a <redacted:jwt>', omitted: [] });
  });
});

describe('headers', () => {
  test('keeps the allowlist only, URLs redacted, challenges reduced to their scheme', () => {
    const response = {
      'content-type': 'application/json',
      location: 'https://u:p@h/x?token=t',
      link: '<https://h/x?apikey=k&page=2>; rel="next"',
      'www-authenticate': 'Bearer realm="api", error_description="token abc expired"',
      'retry-after': '3',
      'x-ratelimit-remaining': '9',
      'ratelimit-reset': '5',
      etag: '"v1"',
      'x-request-id': 'req-1',
      'set-cookie': ['sid=1'],
      'x-secret': 's',
    };
    expect(policy.headers(response, 'response')).toEqual({
      'content-type': 'application/json',
      etag: '"v1"',
      link: '<https://h/x?apikey=<redacted:apikey>&page=2>; rel="next"',
      location: 'https://h/x?token=<redacted:token>',
      'ratelimit-reset': '5',
      'retry-after': '3',
      'www-authenticate': 'Bearer',
      'x-ratelimit-remaining': '9',
      'x-request-id': 'req-1',
    });
  });
});
