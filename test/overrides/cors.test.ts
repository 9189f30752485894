import { describe, expect, test } from 'vitest';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { http, useSipmock } from '../helpers/start-server.js';

const LIST = '/signalwire/api/fabric/resources/sip_gateways';
const VOICETEL_KEY = '0123456789abcdef0123456789abcdef';

describe('cross-site requests without --cors', () => {
  const sipmock = useSipmock({ providers: ['signalwire', 'voicetel'] });

  test('a cross-site Origin gets the provider 403 naming --cors', async () => {
    const auth = await PROVIDER_CASES.signalwire.credentials('');
    const refused = await http(sipmock.current.url, LIST, { headers: { ...auth, origin: 'https://evil.example' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-sipmock-error')).toBe('MOCK_ERR_CROSS_SITE');
    expect(refused.json).toEqual({ error: expect.stringMatching(/^Forbidden: .*--cors/) });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(sipmock.current.journal.entries({ status: 403 }).at(-1)).toMatchObject({ source: 'error' });
  });

  test('Sec-Fetch-Site: cross-site is refused too; the server own origin and non-browser clients pass', async () => {
    const auth = await PROVIDER_CASES.signalwire.credentials('');
    expect((await http(sipmock.current.url, LIST, { headers: { ...auth, 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await http(sipmock.current.url, LIST, { headers: { ...auth, origin: sipmock.current.url } })).status).toBe(200);
    expect((await http(sipmock.current.url, LIST, { headers: auth })).status).toBe(200);
  });

  test('a no-cors form POST of a VoiceTel gateways/add from another site does not land', async () => {
    const before = await http(sipmock.current.url, `/__sipmock/state/voicetel?account=${VOICETEL_KEY}`);
    const posted = await http(sipmock.current.url, '/voicetel/v2.1/gateways/add/', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
      body: JSON.stringify({ apikey: VOICETEL_KEY, gateways: [{ gateway: '192.0.2.77:5060' }] }),
    });
    expect(posted.status).toBe(403);
    expect(posted.json).toMatchObject({ statusCode: '403', status: 'Error', message: expect.stringContaining('--cors') });
    const after = await http(sipmock.current.url, `/__sipmock/state/voicetel?account=${VOICETEL_KEY}`);
    expect(after.json).toEqual(before.json);
  });

  test('a preflight is refused as a cross-site request', async () => {
    const preflight = await http(sipmock.current.url, LIST, { method: 'OPTIONS', headers: { origin: 'https://app.example', 'access-control-request-method': 'GET' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('--cors', () => {
  const any = useSipmock({ providers: ['signalwire'], cors: true });
  const listed = useSipmock({ providers: ['signalwire'], cors: ['https://app.example'] });

  test('answers a preflight with what a browser SDK may send', async () => {
    const preflight = await http(any.current.url, LIST, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    expect(any.current.journal.entries()).toEqual([]);
  });

  test('sets Access-Control-* on answers, errors included, and exposes sipmock headers', async () => {
    const auth = await PROVIDER_CASES.signalwire.credentials('');
    const ok = await http(listed.current.url, LIST, { headers: { ...auth, origin: 'https://app.example', 'sec-fetch-site': 'cross-site' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://app.example');
    expect(ok.headers.get('vary')).toBe('Origin');
    const unauthorized = await http(listed.current.url, LIST, { headers: { origin: 'https://app.example' } });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('access-control-expose-headers')).toContain('x-sipmock-error');
  });

  test('refuses an origin that is not in the list', async () => {
    const auth = await PROVIDER_CASES.signalwire.credentials('');
    const refused = await http(listed.current.url, LIST, { headers: { ...auth, origin: 'https://other.example' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-sipmock-error')).toBe('MOCK_ERR_CROSS_SITE');
  });
});
