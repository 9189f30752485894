// The journal's cost on the GET line: the same build served with the journal at its default
// (1000 entries) and off (--journal-size 0), alternated, two runs each. Needs `npm run build`.
//
//   node bench/journal-cost.js        env: BENCH_DURATION (s per run, default 5)
import { spawn } from 'node:child_process';
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
    const result = await autocannon({ ...options, duration: DURATION });
    const journal = await (await fetch(`${url}/__sipmock/health`)).json();
    if (result.non2xx > 0) throw new Error(`${result.non2xx} answers were not 2xx`);
    return { reqPerSec: Math.round(result.requests.average), ok: journal.status };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const figures = { on: [], off: [] };
for (let i = 0; i < 2; i++) {
  figures.on.push((await run(1000)).reqPerSec);
  figures.off.push((await run(0)).reqPerSec);
}
const mean = (list) => list.reduce((a, b) => a + b, 0) / list.length;
const cost = 1 - mean(figures.on) / mean(figures.off);
process.stdout.write(`GET line: journal on ${figures.on.join(', ')} req/s; off ${figures.off.join(', ')} req/s; cost ${(cost * 100).toFixed(1)}%\n`);
