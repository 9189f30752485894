import { describe, expect, test } from 'vitest';
import { makeRealistic } from '../../src/mock/realistic-values.js';

const schema = {
  type: 'object',
  properties: {
    uri: { type: 'string' },
    contact: { type: 'string', pattern: '^sip:\\S+$' },
    name: { type: 'string', maxLength: 200 },
    short_name: { type: 'string', maxLength: 3 },
    encryption: { type: 'string', enum: ['required', 'optional'] },
    created_at: { type: 'string', format: 'date-time' },
    host: { type: 'string', format: 'hostname' },
    ipOrDomain: { type: 'string' },
    inbound_acl: { type: 'array', items: { type: 'string' } },
    port: { type: 'integer' },
    self: { type: 'string', pattern: '^https?://\\S+$' },
    id: { type: 'string', pattern: '^[0-9]+$' },
  },
};

const generated = {
  uri: 'lorem ipsum',
  contact: 'sip:xx',
  name: 'dolor sit',
  short_name: 'abc',
  encryption: 'optional',
  created_at: '1941-10-31T05:30:34.0Z',
  host: 'qui.ea',
  ipOrDomain: 'amet',
  inbound_acl: ['cillum', 'esse'],
  port: 49520,
  self: "https://P'YZ:",
  id: '42',
};

describe('makeRealistic', () => {
  test.each([
    ['uri', /^sip:[a-z0-9]+@[a-z0-9.-]+\.[a-z]+$/],
    ['contact', /^sip:[a-z0-9]+@[a-z0-9.-]+$/],
    ['name', /^.+ (PBX|SIP Trunk|Gateway|Edge)$/],
    ['created_at', /^2025-\d\d-\d\dT\d\d:\d\d:\d\dZ$|^2026-01-01T00:00:00Z$/],
    ['ipOrDomain', /^\d{1,3}(\.\d{1,3}){3}$/],
    ['self', /^https:\/\/api\.[a-z0-9.-]+\/[a-z0-9]{8}$/],
  ])('gives %s a realistic value', (key, want) => {
    const body = makeRealistic(generated, schema, 'seed-1') as Record<string, unknown>;
    expect(body[key]).toMatch(want);
  });

  test('gives array items the value their field name calls for', () => {
    const body = makeRealistic(generated, schema, 'seed-1') as { inbound_acl: string[] };
    for (const entry of body.inbound_acl) expect(entry).toMatch(/^\d{1,3}(\.\d{1,3}){3}\/32$/);
  });

  test('leaves enums, non-strings, unknown formats, patterns it cannot meet and too-long replacements alone', () => {
    const body = makeRealistic(generated, schema, 'seed-1') as Record<string, unknown>;
    expect(body).toMatchObject({ encryption: 'optional', port: 49520, host: 'qui.ea', id: '42', short_name: 'abc' });
  });

  test('gives the same body for the same seed and another for another seed', () => {
    expect(makeRealistic(generated, schema, 'a')).toEqual(makeRealistic(generated, schema, 'a'));
    expect(makeRealistic(generated, schema, 'a')).not.toEqual(makeRealistic(generated, schema, 'b'));
  });
});
