import type { CoverageReport, OperationCoverage, ProviderCoverage } from './coverage-report.js';

/**
 * JUnit XML: a test suite per provider and a test case per operation and documented status. A
 * status the client was answered passes; one it never was fails (that is what the report is
 * for); one the user ignored is skipped.
 */
export function toJunitXml(report: CoverageReport): string {
  const suites = report.providers.map(toSuite);
  const totals = suites.reduce((all, suite) => ({ tests: all.tests + suite.tests, failures: all.failures + suite.failures, skipped: all.skipped + suite.skipped }), { tests: 0, failures: 0, skipped: 0 });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="sipmock coverage" tests="${totals.tests}" failures="${totals.failures}" skipped="${totals.skipped}" errors="0" time="0">`,
    ...suites.map((suite) => suite.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

function toSuite(provider: ProviderCoverage): { xml: string; tests: number; failures: number; skipped: number } {
  const cases = provider.operations.flatMap((operation) => operation.statuses.map((status) => toCase(provider.provider, operation, status.status, status.count, status.ignored === true)));
  const failures = cases.filter((c) => c.verdict === 'failure').length;
  const skipped = cases.filter((c) => c.verdict === 'skipped').length;
  const summary = provider.summary;
  const properties = [
    `      <property name="operations" value="${summary.operations.percent}"/>`,
    `      <property name="statuses" value="${summary.statuses.percent}"/>`,
    `      <property name="fields" value="${summary.fields.percent}"/>`,
  ];
  const xml = [
    `  <testsuite name="${attr(`sipmock.${provider.provider}`)}" tests="${cases.length}" failures="${failures}" skipped="${skipped}" errors="0" time="0">`,
    '    <properties>',
    ...properties,
    '    </properties>',
    ...cases.map((c) => c.xml),
    '  </testsuite>',
  ].join('\n');
  return { xml, tests: cases.length, failures, skipped };
}

function toCase(slug: string, operation: OperationCoverage, status: number, count: number, ignored: boolean): { xml: string; verdict: 'pass' | 'failure' | 'skipped' } {
  const open = `    <testcase classname="${attr(`${slug}.${operation.operationId}`)}" name="${attr(`${operation.operationId} ${status}`)}" time="0"`;
  if (ignored) return { verdict: 'skipped', xml: `${open}>\n      <skipped message="${attr('ignored by --coverage-ignore')}"/>\n    </testcase>` };
  if (count > 0) return { verdict: 'pass', xml: `${open}/>` };
  const message = `${operation.method} ${operation.path} never answered ${status}`;
  return { verdict: 'failure', xml: `${open}>\n      <failure message="${attr(message)}" type="not-exercised">${text(`${message} (${operation.calls} call(s) to ${operation.operationId})`)}</failure>\n    </testcase>` };
}

/** Characters XML 1.0 cannot carry at all (most control characters, lone surrogates), dropped. */
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function text(value: string): string {
  return value.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
