// A consumer's test, run by test/package/package.test.ts against the packed tarball: it imports
// sipmock by name, is type-checked with tsc --strict, then runs with node.
import assert from 'node:assert/strict';
import { PROVIDERS, defineProvider, formatCoverage, startSipmock, type CoverageReport, type JournalEntry, type OverrideSpec, type RunningSipmock } from 'sipmock';

const auth = { authorization: `Basic ${Buffer.from('bc949800-7b40-43cf-8438-a85facfcbdd1:PT0123456789abcdef').toString('base64')}` };

const sipmock: RunningSipmock = await startSipmock({ providers: ['signalwire'] });
try {
  assert.ok(PROVIDERS.some((provider) => provider.slug === 'signalwire'));
  assert.equal(typeof defineProvider, 'function');
  const list = `${sipmock.baseUrl('signalwire')}/api/fabric/resources/sip_gateways`;
  assert.equal((await fetch(list, { headers: auth })).status, 200);

  const spec: OverrideSpec = { provider: 'signalwire', operationId: 'list_sip_gateways', respond: { status: 503 }, times: 1 };
  const failing = sipmock.override(spec);
  assert.equal((await fetch(list, { headers: auth })).status, 503);
  const entry: JournalEntry = await sipmock.journal.waitFor({ status: '5xx' }, { timeoutMs: 2000 });
  assert.equal(entry.source, 'override');
  assert.equal(entry.overrideId, failing.id);
  assert.equal((await fetch(list, { headers: auth })).status, 200);
  failing.remove();

  await sipmock.reset();
  assert.deepEqual(sipmock.journal.entries(), []);

  // The coverage counters outlive reset(): the report covers the whole run.
  const report: CoverageReport = sipmock.coverage({ min: { operations: 10 }, ignore: ['delete_sip_gateway:404'] });
  assert.equal(report.requests, 3);
  assert.equal(report.ok, true);
  assert.deepEqual(report.providers[0].operations.find((op) => op.operationId === 'list_sip_gateways')?.undocumentedStatuses, [{ status: 503, count: 1 }]);
  assert.match(formatCoverage(report, 'junit'), /<skipped message="ignored by --coverage-ignore"\/>/);

  // The types are real, not `any`: a fault that does not exist does not compile.
  // @ts-expect-error 'explode' is no fault
  const wrong: OverrideSpec = { provider: 'signalwire', operationId: 'list_sip_gateways', respond: { fault: 'explode' } };
  assert.ok(wrong);
} finally {
  await sipmock.close();
}
console.log('consumer test passed');
