// The stateful path at scale: 10,000 gateways stored in one SignalWire account, then list pages of
// 50 (first page and a page deep in the set through its page_token), and the server's RSS.
// Targets (issue 4): RSS under 250 MB with 10,000 gateways, list p99 under 20 ms at 10 connections.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { installCleanup, spawnNode, stop, treeRss } from './lib/procs.js';
import { ROOT } from './lib/servers.js';

const PROJECT = 'bc949800-7b40-43cf-8438-a85facfcbdd1';
const AUTH = `Basic ${Buffer.from(`${PROJECT}:PT0123`).toString('base64')}`;
const COUNT = Number(process.env.BENCH_GATEWAYS ?? 10_000);
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const MiB = 1024 * 1024;

installCleanup();
const child = spawnNode(['dist/cli/bin.js', 'serve', '--port', '0', '--quiet', '--providers', 'signalwire'], {
  cwd: ROOT,
  onStdout: (chunk) => {
    const match = /sipmock ready (\S+)/.exec(chunk);
    if (match) ready(match[1]);
  },
});
let ready;
const base = await new Promise((resolve) => (ready = resolve));

const now = '2026-01-01T00:00:00Z';
const gateways = Array.from({ length: COUNT }, (_, i) => ({
  id: randomUUID(),
  project_id: PROJECT,
  display_name: `Gateway ${i}`,
  type: 'sip_gateway',
  created_at: now,
  updated_at: now,
  sip_gateway: { id: randomUUID(), uri: `sip:gw${i}@carrier.example.net`, name: `Gateway ${i}`, ciphers: [], codecs: ['PCMU'], encryption: 'default' },
}));
const started = performance.now();
const put = await fetch(`${base}/__sipmock/state/signalwire?account=${PROJECT}`, {
  method: 'PUT',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ gateways }),
});
if (put.status !== 200) throw new Error(`seeding failed: ${put.status} ${await put.text()}`);
const seedMs = Math.round(performance.now() - started);

const list = `${base}/signalwire/api/fabric/resources/sip_gateways?page_size=50`;
const deep = `${list}&page_number=100&page_token=PA${gateways[4999].id}`;
const results = {};
for (const [name, url] of [['list first 50', list], ['list 50 at offset 5,000', deep]]) {
  const check = await fetch(url, { headers: { authorization: AUTH } });
  const body = await check.json();
  if (check.status !== 200 || body.data.length !== 50) throw new Error(`${name}: ${check.status}, ${body.data?.length} items`);
  await autocannon({ url, headers: { authorization: AUTH }, connections: 10, duration: 2 });
  const r = await autocannon({ url, headers: { authorization: AUTH }, connections: 10, duration: DURATION });
  results[name] = { reqPerSec: Math.round(r.requests.mean), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
}
const rssMiB = Math.round(treeRss(child.pid) / MiB);
await stop(child);

console.log(`\nsipmock stateful: ${COUNT} gateways stored in ${seedMs} ms (PUT /__sipmock/state, validated against the spec)`);
for (const [name, r] of Object.entries(results)) {
  console.log(`  ${name.padEnd(26)} ${String(r.reqPerSec).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  ${r.p99 < 20 ? 'PASS' : 'FAIL'} (p99 < 20 ms)`);
}
console.log(`  RSS after load            ${rssMiB} MiB  ${rssMiB < 250 ? 'PASS' : 'FAIL'} (< 250 MB)`);
console.log(`BENCH_STATEFUL_JSON ${JSON.stringify({ gateways: COUNT, seedMs, rssMiB, lines: results })}`);
process.exit(0);
