// The journal's cost on the GET line: the same build served with the journal at its default
// (1000 entries) and off (--journal-size 0), alternated, two runs each. Needs `npm run build`.
// It reports req/s and the server's CPU time per request (from /proc), which other processes on
// a shared machine disturb much less than req/s.
//
//   node bench/journal-cost.js        env: BENCH_DURATION (s per run, default 5)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { LINES, requestOf } from './lines.js';

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const line = LINES.find((l) => l.id === 'a');
const request = requestOf(line);

async function start(journalSize) {
  const child = spawn(process.execPath, ['dist/cli/bin.js', 'serve', '--port', '0', '--quiet', '--providers', 'signalwire', '--journal-size', String(journalSize)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const ready = /sipmock ready (\S+)/.exec(output);
      if (ready) resolve(ready[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
  return { child, url };
}

async function run(journalSize) {
  const { child, url } = await start(journalSize);
  try {
    const options = { url: `${url}/signalwire${request.path}`, method: request.method, headers: request.headers, connections: 10 };
    await autocannon({ ...options, duration: 1 });
    const cpuBefore = cpuSeconds(child.pid);
    const result = await autocannon({ ...options, duration: DURATION });
    const cpu = cpuSeconds(child.pid) - cpuBefore;
    const journal = await (await fetch(`${url}/__sipmock/health`)).json();
    if (result.non2xx > 0) throw new Error(`${result.non2xx} answers were not 2xx`);
    return { reqPerSec: Math.round(result.requests.average), cpuMicros: Math.round((cpu / result.requests.total) * 1e6), ok: journal.status };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

/** utime + stime of a process, in seconds (Linux). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const figures = { on: [], off: [] };
for (let i = 0; i < 2; i++) {
  figures.on.push(await run(1000));
  figures.off.push(await run(0));
}
const mean = (list, key) => list.reduce((sum, f) => sum + f[key], 0) / list.length;
const show = (list, key) => list.map((f) => f[key]).join(', ');
const rate = 1 - mean(figures.on, 'reqPerSec') / mean(figures.off, 'reqPerSec');
const cpu = mean(figures.on, 'cpuMicros') / mean(figures.off, 'cpuMicros') - 1;
process.stdout.write(
  `GET line: journal on ${show(figures.on, 'reqPerSec')} req/s, ${show(figures.on, 'cpuMicros')} µs CPU/request; ` +
    `off ${show(figures.off, 'reqPerSec')} req/s, ${show(figures.off, 'cpuMicros')} µs CPU/request; ` +
    `req/s ${(rate * 100).toFixed(1)}% lower, CPU per request ${(cpu * 100).toFixed(1)}% higher\n`,
);
