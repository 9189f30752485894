// One load line against one server: a pre-flight request, a discarded warm-up, the measured run.
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

/**
 * Runs one line and returns its figures. Latencies are whole milliseconds (autocannon's histogram
 * resolution). `unexpected` counts responses whose status is not the line's expectStatus;
 * `otherCores` is the CPU that processes outside the benchmark used meanwhile (noise).
 */
export async function runLine({ base, pid, line, connections, warmup, duration, quietWait }) {
  const preflightStatus = await preflight(base, line);
  if (quietWait > 0) {
    const other = await waitForQuiet(pid, quietWait);
    if (other > NOISY_CORES) process.stdout.write(`  (machine still busy after ${quietWait} s: other processes use ${other} cores; measuring anyway)\n`);
  }
  if (warmup > 0) await cannon(base, line, connections, warmup);
  const otherCpu = startOtherCpuGauge(pid);
  const r = await cannon(base, line, connections, duration);
  const otherCores = otherCpu();
  const expected = r.statusCodeStats?.[line.expectStatus]?.count ?? 0;
  return {
    reqPerSec: Math.round(r.requests.mean),
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    unexpected: r.requests.total - expected,
    errors: r.errors,
    timeouts: r.timeouts,
    preflightStatus,
    rssMiB: Math.round(treeRss(pid) / MiB),
    otherCores, // CPU (in cores) used by unrelated processes during the measured run
  };
}
