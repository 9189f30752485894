import { beforeAll, describe, expect, test } from 'vitest';
import type { CoverageReport, OperationCoverage } from '../../src/coverage/coverage-report.js';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { http, useSipmock } from '../helpers/start-server.js';
import { schemaErrors, xmlError } from './coverage-schema.js';

const GATEWAYS = '/signalwire/api/fabric/resources/sip_gateways';
const GATEWAY = { name: 'Office PBX', uri: 'sip:pbx@sip.example.net', encryption: 'required', ciphers: ['AEAD_AES_256_GCM_8'], codecs: ['OPUS'] };

function operation(report: CoverageReport, operationId: string): OperationCoverage {
  const found = report.providers.flatMap((p) => p.operations).find((op) => op.operationId === operationId);
  if (!found) throw new Error(`no ${operationId} in the report`);
  return found;
}

async function coverage(url: string, query = ''): Promise<CoverageReport> {
  const response = await http(url, `/__sipmock/coverage${query}`);
  expect(response.status).toBe(200);
  return response.json as CoverageReport;
}

describe('GET /__sipmock/coverage', () => {
  // A ring of 2 entries: the report must count every request all the same.
  const sipmock = useSipmock({ providers: ['signalwire', 'nebrija'], journalSize: 2 });
  let auth: Record<string, string>;
  const json = () => ({ ...auth, 'content-type': 'application/json' });

  beforeAll(async () => {
    auth = await PROVIDER_CASES.signalwire.credentials('');
    const url = sipmock.current.url;
    expect((await http(url, `${GATEWAYS}?page_size=2&colour=red`, { headers: auth })).status).toBe(200);
    expect((await http(url, GATEWAYS, { headers: auth })).status).toBe(200);
    expect((await http(url, GATEWAYS)).status).toBe(401);
    expect((await http(url, GATEWAYS, { method: 'POST', headers: json(), body: JSON.stringify({ name: 'x' }) })).status).toBe(422);
    expect((await http(url, GATEWAYS, { method: 'POST', headers: json(), body: JSON.stringify(GATEWAY) })).status).toBe(201);
    expect((await http(url, '/signalwire/api/nothing/here', { headers: auth })).status).toBe(404);
    const override = sipmock.current.override({ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { status: 503 }, times: 1 });
    expect((await http(url, GATEWAYS, { headers: auth })).status).toBe(503);
    override.remove();
  });

  test('counts every request from its own counters, past what the journal ring keeps', async () => {
    const report = await coverage(sipmock.current.url);
    expect(sipmock.current.journal.entries()).toHaveLength(2);
    expect(report.requests).toBe(7);
    const signalwire = report.providers.find((p) => p.provider === 'signalwire')!;
    expect(signalwire.requests).toBe(7);
    expect(signalwire.summary.operations).toEqual({ covered: 2, total: 6, percent: 33.3 });
    const nebrija = report.providers.find((p) => p.provider === 'nebrija')!;
    expect(nebrija).toMatchObject({ requests: 0, summary: { operations: { covered: 0, total: 5, percent: 0 } } });
  });

  test('lists per operation the documented statuses seen and never seen, and the undocumented ones', async () => {
    const list = operation(await coverage(sipmock.current.url), 'list_sip_gateways');
    expect(list.calls).toBe(4);
    expect(list.statuses).toEqual([
      { status: 200, count: 2 },
      { status: 401, count: 1 },
      { status: 403, count: 0 },
      { status: 404, count: 0 },
      { status: 422, count: 0 },
      { status: 500, count: 0 },
    ]);
    expect(list.undocumentedStatuses).toEqual([{ status: 503, count: 1 }]);
  });

  test('reports the query parameters and body fields sent, out of those declared', async () => {
    const report = await coverage(sipmock.current.url);
    const list = operation(report, 'list_sip_gateways');
    expect(list.query).toEqual({ declared: ['page_number', 'page_size', 'page_token'], sent: ['page_size'], neverSent: ['page_number', 'page_token'], undeclared: ['colour'] });
    const create = operation(report, 'create_sip_gateway');
    expect(create.body.sent).toEqual(['ciphers', 'codecs', 'encryption', 'name', 'uri']);
    expect(create.body.neverSent).toEqual(create.body.declared.filter((field) => !create.body.sent.includes(field)));
  });

  test('lists the requests the spec rejected with their reason, the overrides and the unmatched requests', async () => {
    const report = await coverage(sipmock.current.url);
    const create = operation(report, 'create_sip_gateway');
    expect(create.rejected).toEqual([{ reason: 'body uri: is required; body encryption: is required; body ciphers: is required; body codecs: is required', count: 1 }]);
    const signalwire = report.providers.find((p) => p.provider === 'signalwire')!;
    expect(signalwire.rejected).toBe(1);
    expect(signalwire.overrides).toEqual([{ id: expect.stringMatching(/^ovr_/), count: 1, operationIds: ['list_sip_gateways'] }]);
    expect(signalwire.unmatched).toEqual([{ request: 'GET /api/nothing/here', count: 1 }]);
  });

  test('conforms to schemas/coverage.schema.json', async () => {
    const report = await coverage(sipmock.current.url, '?min=operations=10&ignore=delete_sip_gateway&ignore=get_sip_gateway:404');
    expect(schemaErrors(report)).toEqual([]);
  });

  test('leaves ignored operations and statuses out of the percentages', async () => {
    const plain = await coverage(sipmock.current.url);
    const ignoring = await coverage(sipmock.current.url, '?ignore=delete_sip_gateway,list_sip_gateways:500');
    const before = plain.providers[0].summary;
    const after = ignoring.providers[0].summary;
    expect(after.operations.total).toBe(before.operations.total - 1);
    expect(after.statuses.total).toBe(before.statuses.total - operation(plain, 'delete_sip_gateway').statuses.length - 1);
    expect(ignoring.ignored).toEqual(['delete_sip_gateway', 'list_sip_gateways:500']);
    expect(operation(ignoring, 'delete_sip_gateway').ignored).toBe(true);
    expect(operation(ignoring, 'list_sip_gateways').statuses.find((s) => s.status === 500)).toEqual({ status: 500, count: 0, ignored: true });
  });

  test('checks thresholds on the summary of all providers', async () => {
    const report = await coverage(sipmock.current.url, '?min=operations=10,statuses=90');
    expect(report.thresholds).toEqual([
      { metric: 'operations', min: 10, percent: report.summary.operations.percent, ok: true },
      { metric: 'statuses', min: 90, percent: report.summary.statuses.percent, ok: false },
    ]);
    expect(report.ok).toBe(false);
  });

  test('answers JUnit XML with a test case per operation and status: failure when never seen, skipped when ignored', async () => {
    const response = await http(sipmock.current.url, '/__sipmock/coverage?format=junit&ignore=list_sip_gateways:403');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(xmlError(response.text)).toBe(true);
    const report = await coverage(sipmock.current.url);
    const pairs = report.providers.flatMap((p) => p.operations).reduce((sum, op) => sum + op.statuses.length, 0);
    expect(response.text.match(/<testcase /g)).toHaveLength(pairs);
    expect(response.text).toContain('<testcase classname="signalwire.list_sip_gateways" name="list_sip_gateways 200" time="0"/>');
    expect(response.text).toMatch(/name="list_sip_gateways 404" time="0">\n\s+<failure message="GET \/api\/fabric\/resources\/sip_gateways never answered 404" type="not-exercised">/);
    expect(response.text).toMatch(/name="list_sip_gateways 403" time="0">\n\s+<skipped message="ignored by --coverage-ignore"\/>/);
  });

  test('answers Markdown and a self-contained HTML page', async () => {
    const markdown = await http(sipmock.current.url, '/__sipmock/coverage?format=markdown');
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(markdown.text).toMatch(/^# sipmock contract coverage\n/);
    expect(markdown.text).toContain('| signalwire | 7 | 33.3% (2/6) |');
    expect(markdown.text).toMatch(/\| `list_sip_gateways` \| 4 \| 200×2 401×1 \| 403 404 422 500 \|/);
    const html = await http(sipmock.current.url, '/__sipmock/coverage?format=html');
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.text).toMatch(/^<!doctype html>/);
    // Self-contained: no script, stylesheet link or image from anywhere.
    expect(html.text).not.toMatch(/<script|<link|<img|src=|href=/i);
    expect(html.text).toMatch(/<span class="bar( low)?"><span style="width:33.3%"><\/span><\/span>33.3%/);
  });

  test('refuses a bad option with a 400 naming it', async () => {
    for (const query of ['?min=branches=80', '?min=operations=120', '?ignore=no_such_operation', '?ignore=list_sip_gateways:abc', '?format=pdf', '?min=a&min=b']) {
      const response = await http(sipmock.current.url, `/__sipmock/coverage${query}`);
      expect(response.status, query).toBe(400);
      expect(response.json, query).toMatchObject({ error: 'MOCK_ERR_COVERAGE_OPTION' });
    }
  });

  test('the package handle gives the same report, and reset() keeps the counters', async () => {
    await sipmock.current.reset();
    const fromApi = sipmock.current.coverage({ ignore: ['delete_sip_gateway'], min: { operations: 50 } });
    const fromHttp = await coverage(sipmock.current.url, '?ignore=delete_sip_gateway&min=operations=50');
    expect({ ...fromApi, generatedAt: '' }).toEqual({ ...fromHttp, generatedAt: '' });
    expect(fromApi.requests).toBe(7);
    expect(fromApi.ok).toBe(false);
  });
});

describe('DELETE /__sipmock/coverage', () => {
  const sipmock = useSipmock({ providers: ['signalwire'] });

  test('clears the counters', async () => {
    const auth = await PROVIDER_CASES.signalwire.credentials('');
    await http(sipmock.current.url, GATEWAYS, { headers: auth });
    expect((await coverage(sipmock.current.url)).requests).toBe(1);
    expect((await http(sipmock.current.url, '/__sipmock/coverage', { method: 'DELETE' })).status).toBe(204);
    const report = await coverage(sipmock.current.url);
    expect(report.requests).toBe(0);
    expect(operation(report, 'list_sip_gateways').calls).toBe(0);
  });
});
