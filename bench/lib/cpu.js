// Noise gauge: how much CPU processes other than the server under test and this benchmark used
// during a measured run. On a shared 2-core machine that is the main reason two runs disagree.
// Linux /proc only; elsewhere it reports null.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { descendants } from './procs.js';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
// Above this much CPU used by unrelated processes during a run, the run counts as noisy.
export const NOISY_CORES = 0.2;

function busyTicks() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = fields; // idle and iowait left out
  return user + nice + system + irq + softirq + (steal ?? 0);
}

function treeTicks(pid) {
  let ticks = 0;
  for (const p of descendants(pid)) {
    try {
      // Fields after the ")" that closes the command name: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(rest[11]) + Number(rest[12]);
    } catch { /* exited meanwhile */ }
  }
  return ticks;
}

/**
 * Starts the gauge; the returned function gives the other processes' CPU use in cores since then.
 * Pass it the pid of a server spawned after the start (a cold start): its whole CPU time is ours.
 */
export function startOtherCpuGauge(serverPid) {
  try {
    const t0 = performance.now();
    const busy0 = busyTicks();
    const server0 = serverPid ? treeTicks(serverPid) : 0;
    const self0 = process.cpuUsage();
    return (newPid) => {
      const seconds = (performance.now() - t0) / 1000;
      const busy = busyTicks() - busy0;
      const server = (serverPid ? treeTicks(serverPid) - server0 : 0) + (newPid ? treeTicks(newPid) : 0);
      const self = process.cpuUsage(self0);
      const selfTicks = ((self.user + self.system) / 1e6) * TICKS_PER_SECOND;
      const other = Math.max(0, busy - server - selfTicks) / TICKS_PER_SECOND / seconds;
      return Math.round(other * 100) / 100;
    };
  } catch {
    return () => null;
  }
}

/**
 * Before a measured run: waits (up to `maxSeconds`) for a one-second window in which other
 * processes use at most NOISY_CORES. Returns the last reading (null where /proc is missing).
 */
export async function waitForQuiet(serverPid, maxSeconds) {
  const deadline = performance.now() + maxSeconds * 1000;
  let other = null;
  do {
    const gauge = startOtherCpuGauge(serverPid);
    await sleep(1000);
    other = gauge();
    if (other === null || other <= NOISY_CORES) return other;
  } while (performance.now() < deadline);
  return other;
}
