import type { CoverageRatio, CoverageReport, ProviderCoverage } from './coverage-report.js';

/** Markdown for a CI step summary: the totals, a table per provider, then what was never exercised. */
export function toMarkdown(report: CoverageReport): string {
  const lines = ['# sipmock contract coverage', ''];
  lines.push(`${report.requests} request(s). Operations ${show(report.summary.operations)}, statuses ${show(report.summary.statuses)}, request fields ${show(report.summary.fields)}.`, '');
  for (const threshold of report.thresholds) {
    lines.push(`- ${threshold.ok ? 'PASS' : 'FAIL'} ${threshold.metric} ${threshold.percent}% (minimum ${threshold.min}%)`);
  }
  if (report.thresholds.length > 0) lines.push('');
  if (report.ignored.length > 0) lines.push(`Ignored: ${report.ignored.map(code).join(', ')}`, '');
  lines.push('| provider | requests | operations | statuses | fields | rejected |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const p of report.providers) {
    lines.push(`| ${cell(p.provider)} | ${p.requests} | ${show(p.summary.operations)} | ${show(p.summary.statuses)} | ${show(p.summary.fields)} | ${p.rejected} |`);
  }
  for (const provider of report.providers) lines.push('', ...toProviderSection(provider));
  return `${lines.join('\n')}\n`;
}

function toProviderSection(provider: ProviderCoverage): string[] {
  const lines = [`## ${cell(provider.provider)}: ${cell(provider.title)}`, '', '| operation | calls | statuses seen | never seen | fields sent |', '| --- | ---: | --- | --- | ---: |'];
  for (const op of provider.operations) {
    const seen = op.statuses.filter((s) => s.count > 0).map((s) => `${s.status}×${s.count}`);
    const never = op.statuses.filter((s) => s.count === 0).map((s) => (s.ignored ? `~~${s.status}~~` : String(s.status)));
    const declared = op.body.declared.length + op.query.declared.length;
    const sent = op.body.sent.length + op.query.sent.length;
    const name = op.ignored ? `~~${code(op.operationId)}~~ (ignored)` : code(op.operationId);
    lines.push(`| ${name} | ${op.calls} | ${seen.join(' ') || '—'} | ${never.join(' ') || '—'} | ${sent}/${declared} |`);
  }
  const rejected = provider.operations.flatMap((op) => op.rejected.map((r) => `- ${code(op.operationId)} ×${r.count}: ${cell(r.reason)}`));
  if (rejected.length > 0) lines.push('', '**Requests the spec rejected**', '', ...rejected);
  const undocumented = provider.operations.flatMap((op) => op.undocumentedStatuses.map((s) => `- ${code(op.operationId)} answered ${s.status} ×${s.count}`));
  if (undocumented.length > 0) lines.push('', '**Undocumented statuses**', '', ...undocumented);
  if (provider.overrides.length > 0) lines.push('', '**Overrides that answered**', '', ...provider.overrides.map((o) => `- ${code(o.id)} ×${o.count} (${o.operationIds.map(code).join(', ')})`));
  if (provider.unmatched.length > 0) lines.push('', '**Requests matching no operation**', '', ...provider.unmatched.map((u) => `- ${code(u.request)} ×${u.count}`));
  return lines;
}

function show(ratio: CoverageRatio): string {
  return `${ratio.percent}% (${ratio.covered}/${ratio.total})`;
}

/** Table cells and list items: pipes, markup and line breaks would break the table or inject markup. */
function cell(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]<>|#~]/g, (c) => `\\${c}`);
}

function code(value: string): string {
  return `\`${value.replace(/[\r\n]+/g, ' ').replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}
