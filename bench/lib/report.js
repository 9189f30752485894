// Turns the raw figures into the printed tables, the target verdicts and the JSON summary.
import { NOISY_CORES } from './cpu.js';

// Issue 11's targets, as /work/shared/interfaces.md "Targets clarified" reads them.
export const TARGETS = {
  prismStaticRatio: 3, // sipmock req/s ≥ 3x Prism static on every static-comparable line
  prismDynamicRatio: 5, // ≥ 5x Prism --dynamic on the dynamic line (the line's prismRatio wins)
  expressShare: 0.7, // ≥ 70% of bare express req/s
  nodeShareGet: 0.5, // GET (line a) ≥ 50% of bare node:http req/s
  p99Ms: 8, // p99 < 8 ms at 10 connections
  coldFreshMs: 700, // fresh install (node_modules/.cache empty): all five providers answering ≤ 700 ms (median)
  coldWarmMs: 500, // warm cache: ≤ 500 ms (median)
  firstRequestMs: 20, // the first request to every operation after `ready` ≤ 20 ms (median over spawns of the max)
  rssMiB: 150, // RSS after load, dynamic generation included, ≤ 150 MiB
};

const SERVER_ROWS = [
  ['sipmockFresh', 'sipmock fresh'], ['sipmock', 'sipmock'], ['prismStatic', 'prism static'],
  ['prismDynamic', 'prism dynamic'], ['express', 'express'], ['node', 'node:http'],
];
const pad = (value, width) => String(value).padStart(width);
const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);
const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
const fmtRatio = (r, suffix = 'x') => (r === null ? 'n/a' : `${r.toFixed(2)}${suffix}`);

/** Cold starts: { server: [ms, ...] } → printed lines and medians. */
export function coldStartSummary(cold) {
  const out = {};
  for (const [key, runs] of Object.entries(cold)) {
    out[key] = {
      medianMs: Math.round(median(runs.map((r) => r.coldMs))),
      runsMs: runs.map((r) => Math.round(r.coldMs)),
      noiseCores: runs.map((r) => r.otherCores),
      idleRssMiB: runs.at(-1).idleRssMiB,
    };
  }
  return out;
}

export function printColdStarts(cold, summary, log) {
  log('\nCold start (spawn → first 200; sipmock: health + one authenticated GET per provider), RSS just after start');
  for (const [key, label] of SERVER_ROWS) {
    if (!summary[key]) continue;
    log(`  ${label.padEnd(14)} median ${pad(summary[key].medianMs, 5)} ms   runs: ${summary[key].runsMs.join(', ')} ms   idle RSS ${summary[key].idleRssMiB} MiB   noise ${summary[key].noiseCores.join(', ')}`);
    if (summary[key].noiseCores.some((n) => n > NOISY_CORES)) log(`  WARNING: other processes used more than ${NOISY_CORES} cores during some ${label} cold starts`);
  }
  for (const key of ['sipmockFresh', 'sipmock']) {
    const last = cold[key]?.at(-1)?.detail;
    if (last) log(`  ${key === 'sipmock' ? 'sipmock' : 'sipmock fresh'}, last spawn: ready line ${last.readyLineMs} ms, health 200 ${last.healthMs} ms; ${Object.entries(last.providers).map(([s, ms]) => `${s} ${ms}`).join(', ')} ms`);
  }
}

/** spawns: [{ summary }] from bench/lib/first-requests.js, one per spawn. */
export function printFirstRequests(spawns, log) {
  if (!spawns?.length) return;
  log('\nFirst request to every operation after `ready` (one at a time, client-side ms), then the same again warm');
  for (const [i, { summary: s }] of spawns.entries()) {
    log(`  spawn ${i + 1}: ${s.operations} operations   first: max ${s.maxMs}, median ${s.medianMs}   warm: max ${s.warmMaxMs}, median ${s.warmMedianMs}   noise ${s.otherCores ?? '?'}`);
    log(`           slowest first: ${s.slowest.join('; ')}   statuses ${JSON.stringify(s.statuses)}`);
  }
}

function firstRequestMax(spawns) {
  return spawns?.length ? median(spawns.map((s) => s.summary.maxMs)) : undefined;
}

/** results: { [lineId]: { [serverKey]: figures } } */
export function printLines(lines, results, log) {
  for (const line of lines) {
    const row = results[line.id] ?? {};
    log(`\nLine ${line.id}: ${line.name}  (${line.method} ${line.path}, expect ${line.expectStatus})`);
    log(`  ${'server'.padEnd(14)} ${pad('req/s', 7)} ${pad('p50 ms', 7)} ${pad('p99 ms', 7)} ${pad('RSS MiB', 8)} ${pad('non2xx', 8)} ${pad('unexpected', 10)} ${pad('errors', 6)} ${pad('noise', 6)}`);
    for (const [key, label] of SERVER_ROWS) {
      const f = row[key];
      if (!f) continue;
      log(`  ${label.padEnd(14)} ${pad(f.reqPerSec, 7)} ${pad(f.p50, 7)} ${pad(f.p99, 7)} ${pad(f.rssMiB, 8)} ${pad(f.non2xx, 8)} ${pad(f.unexpected, 10)} ${pad(f.errors + f.timeouts, 6)} ${pad(f.otherCores ?? '?', 6)}`);
      if (f.preflightStatus !== line.expectStatus) log(`  WARNING: ${label} answered ${f.preflightStatus} to the pre-flight request, expected ${line.expectStatus}`);
      else if (f.unexpected > 0) log(`  WARNING: ${label} answered ${f.unexpected} of ${f.total} requests with another status than ${line.expectStatus}`);
    }
    const noisy = Object.values(row).some((f) => f.otherCores > NOISY_CORES);
    if (noisy) log(`  WARNING: other processes used more than ${NOISY_CORES} cores during this line; its figures are unreliable`);
    const r = lineRatios(line, row);
    log(`  sipmock/${line.prism === 'dynamic' ? 'prism dynamic' : 'prism static'} ${fmtRatio(r.prism)}   sipmock/express ${fmtRatio(r.express)}   sipmock/node:http ${fmtRatio(r.node)}`);
  }
}

function lineRatios(line, row) {
  const prismKey = line.prism === 'dynamic' ? 'prismDynamic' : 'prismStatic';
  return {
    prism: line.prism ? ratio(row.sipmock?.reqPerSec, row[prismKey]?.reqPerSec) : null,
    express: line.express ? ratio(row.sipmock?.reqPerSec, row.express?.reqPerSec) : null,
    node: line.node ? ratio(row.sipmock?.reqPerSec, row.node?.reqPerSec) : null,
  };
}

/** Every target as { name, target, actual, pass }. */
export function evaluate(lines, results, coldSummary, firstRequests) {
  const checks = [];
  for (const line of lines) {
    const row = results[line.id] ?? {};
    const sip = row.sipmock;
    const r = lineRatios(line, row);
    if (line.prism) {
      const want = line.prismRatio ?? (line.prism === 'dynamic' ? TARGETS.prismDynamicRatio : TARGETS.prismStaticRatio);
      checks.push({ name: `line ${line.id}: req/s vs prism ${line.prism}`, target: `≥ ${want}x`, actual: fmtRatio(r.prism), pass: r.prism !== null && r.prism >= want });
    }
    if (line.express) {
      checks.push({ name: `line ${line.id}: req/s vs bare express`, target: `≥ ${TARGETS.expressShare * 100}%`, actual: r.express === null ? 'n/a' : `${Math.round(r.express * 100)}%`, pass: r.express !== null && r.express >= TARGETS.expressShare });
    }
    if (line.node && line.method === 'GET') {
      checks.push({ name: `line ${line.id}: req/s vs bare node:http`, target: `≥ ${TARGETS.nodeShareGet * 100}%`, actual: r.node === null ? 'n/a' : `${Math.round(r.node * 100)}%`, pass: r.node !== null && r.node >= TARGETS.nodeShareGet });
    }
    checks.push({ name: `line ${line.id}: p99 latency`, target: `< ${TARGETS.p99Ms} ms`, actual: sip ? `${sip.p99} ms` : 'n/a', pass: !!sip && sip.p99 < TARGETS.p99Ms });
    checks.push({ name: `line ${line.id}: sipmock status ${line.expectStatus} on every response (sanity)`, target: '0 unexpected', actual: sip ? `${sip.unexpected} unexpected` : 'n/a', pass: !!sip && sip.unexpected === 0 && sip.preflightStatus === line.expectStatus });
  }
  const coldCheck = (name, key, limit) => {
    const ms = coldSummary[key]?.medianMs;
    checks.push({ name, target: `≤ ${limit} ms`, actual: ms === undefined ? 'n/a' : `${ms} ms`, pass: ms !== undefined && ms <= limit });
  };
  coldCheck('cold start, fresh install, all five providers (median)', 'sipmockFresh', TARGETS.coldFreshMs);
  coldCheck('cold start, warm cache, all five providers (median)', 'sipmock', TARGETS.coldWarmMs);
  const first = firstRequestMax(firstRequests);
  checks.push({ name: 'first request, slowest operation (median of spawns)', target: `≤ ${TARGETS.firstRequestMs} ms`, actual: first === undefined ? 'n/a' : `${first} ms`, pass: first !== undefined && first <= TARGETS.firstRequestMs });
  const rss = Math.max(...lines.map((l) => results[l.id]?.sipmock?.rssMiB ?? Infinity));
  checks.push({ name: 'sipmock RSS after load, dynamic included (max)', target: `≤ ${TARGETS.rssMiB} MiB`, actual: `${rss} MiB`, pass: rss <= TARGETS.rssMiB });
  return checks;
}

export function printChecks(checks, log) {
  log('\nTargets');
  for (const c of checks) log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.name.padEnd(58)} ${c.target.padEnd(14)} got ${c.actual}`);
  const failed = checks.filter((c) => !c.pass).length;
  log(`  ${failed === 0 ? 'all targets met' : `${failed} of ${checks.length} targets missed`}`);
}
