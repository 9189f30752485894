import type { CoverageRatio, CoverageReport, OperationCoverage, ProviderCoverage } from './coverage-report.js';

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d2330; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border-bottom: 1px solid #dde1e8; padding: .3rem .6rem; text-align: left; vertical-align: top; }
th { background: #f3f5f8; }
.bar { display: inline-block; width: 8rem; height: .7rem; background: #e6e9ef; border-radius: 4px; overflow: hidden; vertical-align: middle; margin-right: .4rem; }
.bar > span { display: block; height: 100%; background: #2f9e61; }
.bar.low > span { background: #d9822b; }
.seen { color: #1f7a48; } .never { color: #b3261e; } .ignored { color: #888; text-decoration: line-through; }
.pass { color: #1f7a48; font-weight: 600; } .fail { color: #b3261e; font-weight: 600; }
code { font-family: ui-monospace, monospace; font-size: 12px; }
`;

/** One self-contained page (inline CSS, no script, no external asset): totals, bars and a table per provider. */
export function toHtml(report: CoverageReport): string {
  const thresholds = report.thresholds.map((t) => `<li class="${t.ok ? 'pass' : 'fail'}">${t.ok ? 'PASS' : 'FAIL'} ${t.metric} ${t.percent}% (minimum ${t.min}%)</li>`).join('');
  const rows = report.providers.map((p) => `<tr><td>${esc(p.provider)}</td><td>${p.requests}</td><td>${bar(p.summary.operations)}</td><td>${bar(p.summary.statuses)}</td><td>${bar(p.summary.fields)}</td><td>${p.rejected}</td></tr>`);
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>sipmock contract coverage</title><style>${STYLE}</style></head><body>`,
    '<h1>sipmock contract coverage</h1>',
    `<p>${report.requests} request(s), generated ${esc(report.generatedAt)}. Operations ${bar(report.summary.operations)} statuses ${bar(report.summary.statuses)} fields ${bar(report.summary.fields)}</p>`,
    thresholds === '' ? '' : `<ul>${thresholds}</ul>`,
    report.ignored.length === 0 ? '' : `<p>Ignored: ${report.ignored.map((i) => `<code>${esc(i)}</code>`).join(', ')}</p>`,
    '<table><thead><tr><th>provider</th><th>requests</th><th>operations</th><th>statuses</th><th>fields</th><th>rejected</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
    ...report.providers.map(toSection),
    '</body></html>',
    '',
  ].join('\n');
}

function toSection(provider: ProviderCoverage): string {
  const rows = provider.operations.map(toRow).join('');
  const rejected = provider.operations.flatMap((op) => op.rejected.map((r) => `<li><code>${esc(op.operationId)}</code> ×${r.count}: ${esc(r.reason)}</li>`));
  const undocumented = provider.operations.flatMap((op) => op.undocumentedStatuses.map((s) => `<li><code>${esc(op.operationId)}</code> answered ${s.status} ×${s.count}</li>`));
  const overrides = provider.overrides.map((o) => `<li><code>${esc(o.id)}</code> ×${o.count} (${o.operationIds.map(esc).join(', ')})</li>`);
  return [
    `<h2>${esc(provider.provider)}: ${esc(provider.title)}</h2>`,
    '<table><thead><tr><th>operation</th><th>calls</th><th>statuses</th><th>fields sent</th><th>never sent</th></tr></thead>',
    `<tbody>${rows}</tbody></table>`,
    list('Requests the spec rejected', rejected),
    list('Undocumented statuses', undocumented),
    list('Overrides that answered', overrides),
    list('Requests matching no operation', provider.unmatched.map((u) => `<li><code>${esc(u.request)}</code> ×${u.count}</li>`)),
  ].join('\n');
}

function toRow(op: OperationCoverage): string {
  const statuses = op.statuses.map((s) => `<span class="${s.ignored ? 'ignored' : s.count > 0 ? 'seen' : 'never'}" title="${s.count} time(s)">${s.status}</span>`).join(' ');
  const declared = op.body.declared.length + op.query.declared.length;
  const sent = op.body.sent.length + op.query.sent.length;
  const never = [...op.body.neverSent, ...op.query.neverSent.map((q) => `?${q}`)];
  const name = `<code${op.ignored ? ' class="ignored"' : ''}>${esc(op.operationId)}</code><br><small>${esc(op.method)} ${esc(op.path)}</small>`;
  return `<tr><td>${name}</td><td>${op.calls}</td><td>${statuses}</td><td>${sent}/${declared}</td><td><small>${never.map(esc).join(', ')}</small></td></tr>`;
}

function list(title: string, items: string[]): string {
  return items.length === 0 ? '' : `<h3>${title}</h3><ul>${items.join('')}</ul>`;
}

function bar(ratio: CoverageRatio): string {
  const width = Math.max(0, Math.min(100, ratio.percent));
  return `<span class="bar${ratio.percent < 50 ? ' low' : ''}"><span style="width:${width}%"></span></span>${ratio.percent}% <small>(${ratio.covered}/${ratio.total})</small>`;
}

function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
