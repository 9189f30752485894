// sipmock benchmark: cold start (fresh install and warm cache), the first request to every
// operation, and load, side by side with Prism (static and --dynamic), a bare express 5 server and
// a bare node:http server. Only one server is under load at any moment; on a load line the servers
// take turns in one-second slices, so machine drift hits them alike. See bench/README.md.
//
//   node bench/run.js [--quick]
//   env: BENCH_DURATION (s per line, default 8; --quick 3), BENCH_WARMUP (s, default 2; --quick 1),
//        BENCH_QUIET_WAIT (s to wait per line for other processes to go quiet, default 3; 0: don't),
//        BENCH_SLICE (s per turn when the servers of a line take turns, default 1),
//        BENCH_PRISM_VERBOSE=1 (run Prism at its default log level; default: `-v silent`)
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { LINES } from './lines.js';
import { startOtherCpuGauge, waitForQuiet } from './lib/cpu.js';
import { measureFirstRequests, operationRequests, summarizeFirstRequests } from './lib/first-requests.js';
import { runInterleaved } from './lib/load.js';
import { installCleanup, stop, treeRss } from './lib/procs.js';
import { coldStartSummary, evaluate, printChecks, printColdStarts, printFirstRequests, printLines, TARGETS } from './lib/report.js';
import { PRISM_SILENT, ROOT, SERVERS } from './lib/servers.js';

const quick = process.argv.includes('--quick');
const DURATION = Number(process.env.BENCH_DURATION ?? (quick ? 3 : 8));
const WARMUP = Number(process.env.BENCH_WARMUP ?? (quick ? 1 : 2));
const QUIET_WAIT = Number(process.env.BENCH_QUIET_WAIT ?? 3);
const CONNECTIONS = 10;
// Seconds each server gets per turn on a load line (BENCH_SLICE); the turns add up to DURATION each.
const SLICE = Number(process.env.BENCH_SLICE ?? 1);
const COLD_SPAWNS = 3;
const FIRST_REQUEST_SPAWNS = 3;
const log = (text) => process.stdout.write(`${text}\n`);

// Which lines each server runs, and how many cold starts to time (the last spawn takes the load).
// The fresh-install spawns come first: they leave the cache the warm spawns then find.
const PLAN = [
  { key: 'sipmockFresh', spawns: COLD_SPAWNS, lines: [] },
  { key: 'sipmock', spawns: COLD_SPAWNS, lines: LINES },
  { key: 'prismStatic', spawns: COLD_SPAWNS, lines: LINES.filter((l) => l.prism === 'static') },
  { key: 'prismDynamic', spawns: 1, lines: LINES.filter((l) => l.prism === 'dynamic') },
  { key: 'express', spawns: COLD_SPAWNS, lines: LINES.filter((l) => l.express) },
  { key: 'node', spawns: COLD_SPAWNS, lines: LINES.filter((l) => l.node) },
];

/** Spawns sipmock up to its ready line, sends one request per operation, twice; per spawn a summary. */
async function benchFirstRequests() {
  const requests = await operationRequests(ROOT);
  const spawns = [];
  for (let i = 0; i < FIRST_REQUEST_SPAWNS; i++) {
    if (QUIET_WAIT > 0) await waitForQuiet(null, QUIET_WAIT);
    const running = await SERVERS.sipmockReadyOnly.start();
    try {
      const otherCpu = startOtherCpuGauge(running.child.pid);
      const results = await measureFirstRequests(running.base, requests);
      const summary = { ...summarizeFirstRequests(results), otherCores: otherCpu() };
      spawns.push({ summary, results });
      log(`sipmock first requests: ${summary.operations} operations, first max ${summary.maxMs} ms, median ${summary.medianMs} ms (spawn ${i + 1}/${FIRST_REQUEST_SPAWNS}, other processes ${summary.otherCores ?? '?'} cores)`);
    } finally {
      await stop(running.child);
    }
  }
  return spawns;
}

/** Times the server's cold starts; the last spawn stays up for the load lines (none: it is stopped). */
async function coldStarts({ key, spawns, lines }, cold, running) {
  const server = SERVERS[key];
  cold[key] = [];
  if (QUIET_WAIT > 0) await waitForQuiet(null, QUIET_WAIT);
  let last;
  for (let i = 0; i < spawns; i++) {
    if (last) {
      await stop(last.child);
      await sleep(300);
    }
    const otherCpu = startOtherCpuGauge(null);
    last = await server.start();
    const otherCores = otherCpu(last.child.pid);
    cold[key].push({ coldMs: last.coldMs, otherCores, idleRssMiB: Math.round(treeRss(last.child.pid) / 2 ** 20), detail: last.detail });
    log(`${server.label}: cold start ${Math.round(last.coldMs)} ms (spawn ${i + 1}/${spawns}, pid ${last.child.pid}, other processes ${otherCores ?? '?'} cores)`);
  }
  if (lines.length > 0) running[key] = last;
  else await stop(last.child);
}

/** Every line against every server it applies to, the servers taking turns (see runInterleaved). */
async function benchLines(running, results) {
  for (const line of LINES) {
    const servers = PLAN.filter((step) => step.lines.includes(line) && running[step.key])
      .map((step) => ({ key: step.key, base: running[step.key].base, pid: running[step.key].child.pid }));
    const figures = await runInterleaved({ servers, line, connections: CONNECTIONS, warmup: WARMUP, duration: DURATION, slice: SLICE, quietWait: QUIET_WAIT });
    results[line.id] = figures;
    for (const { key } of servers) {
      const f = figures[key];
      log(`  line ${line.id} ${line.name}, ${SERVERS[key].label}: ${f.reqPerSec} req/s, p99 ${f.p99} ms, RSS ${f.rssMiB} MiB, other processes ${f.otherCores ?? '?'} cores`);
    }
  }
}

async function main() {
  installCleanup();
  const started = Date.now();
  log(`sipmock bench: ${CONNECTIONS} connections, warm-up ${WARMUP} s, ${DURATION} s per line; ` +
    `Prism log level ${PRISM_SILENT ? 'silent' : 'default (info)'}; node ${process.version}, ${availableParallelism()} cores, ` +
    `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  const cold = {};
  const results = {};
  let firstRequests;
  const running = {};
  try {
    for (const step of PLAN) {
      await coldStarts(step, cold, running);
      await sleep(500);
      if (step.key === 'sipmock') firstRequests = await benchFirstRequests();
    }
    await benchLines(running, results);
  } finally {
    for (const { child } of Object.values(running)) await stop(child);
  }

  const coldSummary = coldStartSummary(cold);
  printColdStarts(cold, coldSummary, log);
  printFirstRequests(firstRequests, log);
  printLines(LINES, results, log);
  const checks = evaluate(LINES, results, coldSummary, firstRequests);
  printChecks(checks, log);

  const summary = {
    date: new Date(started).toISOString(),
    node: process.version,
    cores: availableParallelism(),
    loadavgAtStart: loadavg(),
    connections: CONNECTIONS,
    warmupSeconds: WARMUP,
    durationSeconds: DURATION,
    sliceSeconds: SLICE,
    quietWaitSeconds: QUIET_WAIT,
    prismSilent: PRISM_SILENT,
    elapsedSeconds: Math.round((Date.now() - started) / 1000),
    targets: TARGETS,
    coldStart: coldSummary,
    coldStartDetail: { fresh: cold.sipmockFresh?.map((r) => r.detail), warm: cold.sipmock?.map((r) => r.detail) },
    firstRequests: firstRequests.map((f) => f.summary),
    firstRequestsDetail: firstRequests.at(-1)?.results,
    lines: Object.fromEntries(LINES.map((l) => [l.id, { name: l.name, method: l.method, path: l.path, expectStatus: l.expectStatus, servers: results[l.id] ?? {} }])),
    checks,
    pass: checks.every((c) => c.pass),
  };
  mkdirSync(new URL('results/', import.meta.url), { recursive: true });
  writeFileSync(new URL('results/latest.json', import.meta.url), `${JSON.stringify(summary, null, 2)}\n`);
  log(`\n(${summary.elapsedSeconds} s; summary written to ${ROOT}bench/results/latest.json)`);
  log(`BENCH_JSON ${JSON.stringify({ ...summary, firstRequestsDetail: undefined })}`);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error}\n`);
  process.exitCode = 1;
}).finally(() => process.exit());
