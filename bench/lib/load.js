// One load line against several servers: pre-flight requests, discarded warm-ups, then the servers take turns.
import autocannon from 'autocannon';
import { requestOf } from '../lines.js';
import { NOISY_CORES, startOtherCpuGauge, waitForQuiet } from './cpu.js';
import { treeRss } from './procs.js';

const MiB = 1024 * 1024;

/** Sends the line's request once and returns the status (a sanity check before loading). */
export async function preflight(base, line) {
  const request = requestOf(line);
  const response = await fetch(base + request.path, { method: request.method, headers: request.headers, body: request.body });
  await response.arrayBuffer();
  return response.status;
}

function cannon(base, line, connections, duration) {
  const request = requestOf(line);
  return autocannon({
    url: base + request.path,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections,
    duration,
    timeout: 5,
  });
}

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

/**
 * Runs one line against several servers at once, in turns: after a warm-up each, every round gives
 * each server a `slice` of seconds (the order rotates every round), until each had `duration`
 * seconds. A shared machine speeds up and slows down over seconds; taking turns gives every server
 * the same mix of fast and slow moments, so the ratios between them hold even when absolute figures
 * drift. Returns { [key]: figures }: req/s is all requests over all slices' time, p50 and p99 the
 * median over slices. Latencies are whole milliseconds (autocannon's histogram resolution);
 * `unexpected` counts statuses other than the line's expectStatus; `otherCores` is the CPU that
 * processes outside the benchmark and the server used meanwhile (noise), the mean over slices.
 */
export async function runInterleaved({ servers, line, connections, warmup, duration, slice = 1, quietWait }) {
  const preflightStatus = {};
  for (const { key, base } of servers) preflightStatus[key] = await preflight(base, line);
  if (quietWait > 0) {
    const other = await waitForQuiet(null, quietWait);
    if (other > NOISY_CORES) process.stdout.write(`  (machine still busy after ${quietWait} s: other processes use ${other} cores; measuring anyway)\n`);
  }
  if (warmup > 0) for (const { base } of servers) await cannon(base, line, connections, warmup);
  const totals = Object.fromEntries(servers.map(({ key }) => [key, { requests: 0, seconds: 0, expected: 0, non2xx: 0, errors: 0, timeouts: 0, p50: [], p99: [], noise: [] }]));
  const rounds = Math.max(1, Math.round(duration / slice));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < servers.length; i++) {
      const { key, base, pid } = servers[(round + i) % servers.length];
      const otherCpu = startOtherCpuGauge(pid);
      const r = await cannon(base, line, connections, slice);
      const noise = otherCpu();
      const t = totals[key];
      t.requests += r.requests.total;
      t.seconds += r.duration;
      t.expected += r.statusCodeStats?.[line.expectStatus]?.count ?? 0;
      t.non2xx += r.non2xx;
      t.errors += r.errors;
      t.timeouts += r.timeouts;
      t.p50.push(r.latency.p50);
      t.p99.push(r.latency.p99);
      if (noise !== undefined && noise !== null) t.noise.push(noise);
    }
  }
  const figures = {};
  for (const { key, pid } of servers) {
    const t = totals[key];
    figures[key] = {
      reqPerSec: Math.round(t.requests / t.seconds),
      p50: median(t.p50),
      p99: median(t.p99),
      total: t.requests,
      non2xx: t.non2xx,
      unexpected: t.requests - t.expected,
      errors: t.errors,
      timeouts: t.timeouts,
      preflightStatus: preflightStatus[key],
      rssMiB: Math.round(treeRss(pid) / MiB),
      slices: t.p99.length,
      otherCores: t.noise.length ? Math.round((t.noise.reduce((a, b) => a + b, 0) / t.noise.length) * 100) / 100 : undefined,
    };
  }
  return figures;
}
