// Child-process plumbing for the benchmark: spawn servers in their own process group, find free
// ports, read the RSS of a process tree, and make sure nothing outlives the benchmark.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const live = new Set(); // children we started and have not seen exit

/** A free TCP port on 127.0.0.1 (bind to 0, read the port, release it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `node <args>` as the leader of a new process group, so that stopping it also stops any
 * process it forks. Keeps the last 4 KiB of stderr (and of stdout unless `onStdout` consumes it)
 * for error messages. `quietStdout` sends stdout to /dev/null, so a chatty server does not cost
 * the benchmark process (which also runs the load generator) any CPU.
 */
export function spawnNode(args, { cwd, env, onStdout, quietStdout = false } = {}) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, SCARF_ANALYTICS: 'false', ...env },
    detached: true,
    stdio: ['ignore', quietStdout ? 'ignore' : 'pipe', 'pipe'],
  });
  live.add(child);
  child.tail = '';
  const keep = (chunk) => { child.tail = (child.tail + chunk).slice(-4096); };
  child.stdout?.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout?.on('data', onStdout ?? keep);
  child.stderr.on('data', keep);
  child.exited = new Promise((resolve) => child.once('exit', (code, signal) => {
    live.delete(child);
    resolve({ code, signal });
  }));
  return child;
}

/** SIGTERM the child's process group, then SIGKILL it if it is still there after `graceMs`. */
export async function stop(child, graceMs = 3000) {
  if (!live.has(child)) return;
  signalGroup(child, 'SIGTERM');
  const timer = sleep(graceMs).then(() => 'timeout');
  if ((await Promise.race([child.exited, timer])) === 'timeout') {
    signalGroup(child, 'SIGKILL');
    await child.exited;
  }
}

/** Synchronous last resort: SIGKILL every group we started. Safe to call from an 'exit' handler. */
export function killAll() {
  for (const child of live) signalGroup(child, 'SIGKILL');
}

function signalGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try { child.kill(signal); } catch { /* already gone */ }
  }
}

/** Kill our children on Ctrl-C, SIGTERM, uncaught errors and normal exit. */
export function installCleanup() {
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      process.stderr.write(`\nbench: ${signal}, stopping servers\n`);
      killAll();
      process.exit(130);
    });
  }
  process.once('uncaughtException', (error) => {
    process.stderr.write(`bench: ${error.stack ?? error}\n`);
    killAll();
    process.exit(1);
  });
}

/** VmRSS in bytes of `pid` and every descendant (Linux /proc). 0 where /proc is not available. */
export function treeRss(pid) {
  let total = 0;
  for (const p of descendants(pid)) {
    try {
      const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      if (match) total += Number(match[1]) * 1024;
    } catch { /* exited meanwhile */ }
  }
  return total;
}

/** `pid` and the pids of all its descendants. */
export function descendants(pid) {
  const all = [pid];
  for (let i = 0; i < all.length; i++) {
    let tasks = [];
    try { tasks = readdirSync(`/proc/${all[i]}/task`); } catch { continue; }
    for (const task of tasks) {
      try {
        const kids = readFileSync(`/proc/${all[i]}/task/${task}/children`, 'utf8').trim();
        if (kids) all.push(...kids.split(/\s+/).map(Number));
      } catch { /* gone */ }
    }
  }
  return all;
}

/** Calls `probe` every `everyMs` until it returns a truthy value; rejects after `timeoutMs` or if the child exits. */
export async function waitFor(probe, { child, timeoutMs = 15000, everyMs = 5, what = 'server' } = {}) {
  const deadline = performance.now() + timeoutMs;
  let lastError;
  while (performance.now() < deadline) {
    if (child && !live.has(child)) throw new Error(`${what} exited before it was ready:\n${child.tail}`);
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    await sleep(everyMs);
  }
  throw new Error(`${what} not ready after ${timeoutMs} ms (${lastError?.message ?? 'no 200 yet'})\n${child?.tail ?? ''}`);
}
