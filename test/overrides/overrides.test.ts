import { beforeEach, describe, expect, test } from 'vitest';
import type { JournalEntry } from '../../src/journal/entry.js';
import type { OverrideView } from '../../src/overrides/override-store.js';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { http, useSipmock } from '../helpers/start-server.js';

const LIST = '/signalwire/api/fabric/resources/sip_gateways';
const OTHER_ACCOUNT = 'a1b2c3d4-0000-4000-8000-000000000001';

describe('/__sipmock/overrides', () => {
  const sipmock = useSipmock({ providers: ['signalwire', 'sippet'] });
  let auth: Record<string, string>;
  const url = () => sipmock.current.url;
  const add = async (spec: unknown) => {
    const response = await http(url(), '/__sipmock/overrides', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(spec) });
    return response;
  };
  beforeEach(async () => {
    auth = await PROVIDER_CASES.signalwire.credentials('');
    await sipmock.current.reset();
  });

  test('answers a status in the documented body, twice, then the real answer follows (times)', async () => {
    const added = await add({ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { status: 500 }, times: 2 });
    expect(added.status).toBe(201);
    const view = added.json as OverrideView;
    expect(view).toMatchObject({ id: expect.stringMatching(/^ovr_/), hits: 0, remaining: 2 });
    expect(added.headers.get('location')).toBe(`/__sipmock/overrides/${view.id}`);
    for (let i = 0; i < 2; i++) {
      const failed = await http(url(), LIST, { headers: auth });
      expect(failed.status).toBe(500);
      // The documented 500 example of list_sip_gateways (specs/signalwire.openapi.yaml).
      expect(failed.json).toEqual({ error: 'Internal Server Error' });
      expect(failed.headers.get('x-sipmock-override')).toBe(view.id);
      expect(failed.headers.get('x-sipmock-undocumented')).toBeNull();
    }
    expect((await http(url(), LIST, { headers: auth })).status).toBe(200);
    const listed = (await http(url(), '/__sipmock/overrides')).json as { overrides: OverrideView[] };
    expect(listed.overrides).toEqual([expect.objectContaining({ id: view.id, hits: 2, remaining: 0 })]);
    const journal = sipmock.current.journal.entries({ operationId: 'list_sip_gateways' });
    expect(journal.map((e) => [e.source, e.overrideId, e.response.status])).toEqual([
      ['override', view.id, 500],
      ['override', view.id, 500],
      ['state', undefined, 200],
    ]);
  });

  test('a sequence answers in turn: two 503s, then the real answer', async () => {
    await add({ provider: 'signalwire', operationId: 'list_sip_gateways', sequence: [{ status: 503 }, { status: 503 }] });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await http(url(), LIST, { headers: auth })).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  test('an undocumented status is rendered in the provider shape and marked, in the answer and the journal', async () => {
    await add({ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { status: 502 } });
    const failed = await http(url(), LIST, { headers: auth });
    expect(failed.status).toBe(502);
    expect(failed.json).toEqual({ error: 'Bad Gateway' });
    expect(failed.headers.get('x-sipmock-undocumented')).toBe('true');
    const [entry] = sipmock.current.journal.entries({ status: 502 });
    expect(entry).toMatchObject({ source: 'override', undocumented: true });
  });

  test('an undocumented status is rendered in the JSON:API shape of Sippet', async () => {
    await add({ provider: 'sippet', method: 'GET', path: '/api/gateways', respond: { status: 504 } });
    const failed = await http(url(), '/sippet/api/gateways', { headers: await PROVIDER_CASES.sippet.credentials('') });
    expect(failed.status).toBe(504);
    expect(failed.json).toMatchObject({ errors: [{ status: '504', code: 'sipmock_override' }] });
  });

  test('a named example, and an explicit body with headers', async () => {
    await add({ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { example: 'invalid-page-token' } });
    const invalid = await http(url(), LIST, { headers: auth });
    expect(invalid.status).toBe(422);
    expect(invalid.json).toMatchObject({ errors: [expect.objectContaining({ code: 'page_token_is_invalid' })] });
    await add({ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { status: 200, body: { data: [] }, headers: { 'x-custom': 'yes' } } });
    const explicit = await http(url(), LIST, { headers: auth });
    expect(explicit.json).toEqual({ data: [] });
    expect(explicit.headers.get('x-custom')).toBe('yes');
  });

  test('the override added last wins, and removing it lets the earlier one answer', async () => {
    await add({ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { status: 500 } });
    const newer = (await add({ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { status: 503 } })).json as OverrideView;
    expect((await http(url(), LIST, { headers: auth })).status).toBe(503);
    expect((await http(url(), `/__sipmock/overrides/${newer.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await http(url(), LIST, { headers: auth })).status).toBe(500);
    expect((await http(url(), `/__sipmock/overrides/${newer.id}`, { method: 'DELETE' })).json).toMatchObject({ error: 'MOCK_ERR_OVERRIDE_NOT_FOUND' });
    expect((await http(url(), '/__sipmock/overrides', { method: 'DELETE' })).status).toBe(204);
    expect((await http(url(), LIST, { headers: auth })).status).toBe(200);
  });

  test('match narrows it to an account, a query subset, a header and a body subset', async () => {
    await add({ provider: 'signalwire', operationId: 'list_sip_gateways', match: { account: OTHER_ACCOUNT, query: { page_size: 5 } }, respond: { status: 503 } });
    expect((await http(url(), `${LIST}?page_size=5`, { headers: auth })).status).toBe(200);
    const other = await PROVIDER_CASES.signalwire.credentials('', OTHER_ACCOUNT);
    expect((await http(url(), `${LIST}?page_size=4`, { headers: other })).status).toBe(200);
    expect((await http(url(), `${LIST}?page_size=5`, { headers: other })).status).toBe(503);

    await add({ provider: 'signalwire', operationId: 'create_sip_gateway', match: { headers: { 'X-Test': 'a' }, body: { name: 'flaky' } }, respond: { status: 500 } });
    const create = (name: string, headers: Record<string, string>) =>
      http(url(), LIST, { method: 'POST', headers: { ...auth, 'content-type': 'application/json', ...headers }, body: JSON.stringify({ name, uri: 'sip:pbx@example.com', encryption: 'optional', ciphers: [], codecs: [] }) });
    expect((await create('flaky', { 'x-test': 'a' })).status).toBe(500);
    expect((await create('flaky', { 'x-test': 'b' })).status).not.toBe(500);
    expect((await create('steady', { 'x-test': 'a' })).status).not.toBe(500);
  });

  test('authentication runs first unless skipAuth says so', async () => {
    await add({ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { status: 503 } });
    expect((await http(url(), LIST)).status).toBe(401);
    await add({ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { status: 503 }, skipAuth: true });
    expect((await http(url(), LIST)).status).toBe(503);
  });

  test('delayMs holds the answer', async () => {
    await add({ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { status: 503 }, delayMs: 150 });
    const started = performance.now();
    expect((await http(url(), LIST, { headers: auth })).status).toBe(503);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    const [entry] = sipmock.current.journal.entries({ status: 503 }) as JournalEntry[];
    expect(entry.durationMs).toBeGreaterThanOrEqual(140);
  });

  test.each([
    [{ operationId: 'list_sip_gateways', respond: { status: 500 } }, /provider must be one of/],
    [{ provider: 'signalwire', operationId: 'nope', respond: { status: 500 } }, /operationId "nope"/],
    [{ provider: 'signalwire', operationId: 'list_sip_gateways' }, /give respond or sequence/],
    [{ provider: 'signalwire', operationId: 'list_sip_gateways', respond: {} }, /at least one of status, example, body or fault/],
    [{ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { status: 700 } }, /HTTP status/],
    [{ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { fault: 'explode' } }, /fault must be one of/],
    [{ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { example: 'missing' } }, /example "missing"/],
    [{ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { status: 500 }, times: 0 }, /times/],
    [{ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { status: 500 }, delay: { min: 9, max: 1 } }, /delay/],
    [{ provider: 'signalwire', method: 'GET', path: '/nowhere', respond: { status: 500 } }, /matches no operation/],
    [{ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { status: 500 }, colour: 'red' }, /unknown field colour/],
    [{ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { status: 500 }, skipAuth: true, match: { account: 'a' } }, /match.account needs authentication/],
  ])('refuses a malformed override with a JSON 400 naming the field (%#)', async (spec, message) => {
    const refused = await add(spec);
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ error: 'MOCK_ERR_OVERRIDE_INVALID', message: expect.stringMatching(message) });
  });

  test('refuses a body that is not JSON', async () => {
    const refused = await http(url(), '/__sipmock/overrides', { method: 'POST', body: '{oops' });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ error: 'MOCK_ERR_CONTROL_BODY' });
  });
});
