// The stateful path at scale: gateways stored in one SignalWire account (seeded through the public
// control API, PUT /__sipmock/state), then list pages of 50 (the first page, the middle and the last
// page, through their page_token), and the server's RSS. Two sizes, each in a server of its own:
// - 10,000 stored (issue 4): list p99 < 20 ms, RSS under 250 MB;
// - 100,000 stored (issue 11): list p99 ≤ 10 ms on any page; its RSS is reported, no target.
// BENCH_GATEWAYS=<n> runs one size, with the targets of the nearest of the two.
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { installCleanup, spawnNode, stop, treeRss } from './lib/procs.js';
import { ROOT, sipmockArgs } from './lib/servers.js';

const PROJECT = 'bc949800-7b40-43cf-8438-a85facfcbdd1';
const AUTH = `Basic ${Buffer.from(`${PROJECT}:PT0123`).toString('base64')}`;
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const MiB = 1024 * 1024;
const MB = 1_000_000;
const SIZES = [
  { count: 10_000, p99Ms: 20, below: true, rssMB: 250, issue: 4 },
  { count: 100_000, p99Ms: 10, rssMB: undefined, issue: 11 },
];
const chosen = process.env.BENCH_GATEWAYS === undefined ? SIZES : [sizeFor(Number(process.env.BENCH_GATEWAYS))];

installCleanup();
const summary = [];
for (const size of chosen) summary.push(await measure(size));
console.log(`BENCH_STATEFUL_JSON ${JSON.stringify(summary)}`);
process.exit(0);

function sizeFor(count) {
  if (!Number.isSafeInteger(count) || count < 100) throw new Error(`BENCH_GATEWAYS must be a whole number of at least 100 so that it has a middle and a last page; got ${process.env.BENCH_GATEWAYS}`);
  const nearest = count <= 30_000 ? SIZES[0] : SIZES[1];
  return { ...nearest, count };
}

async function measure({ count, p99Ms, below = false, rssMB, issue }) {
  const p99Target = below ? `< ${p99Ms} ms` : `≤ ${p99Ms} ms`;
  const p99Pass = (p99) => (below ? p99 < p99Ms : p99 <= p99Ms);
  const { child, base } = await start();
  const now = '2026-01-01T00:00:00Z';
  const gateways = Array.from({ length: count }, (_, i) => ({
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
  const pageAt = (offset) => `${list}&page_number=${offset / 50}&page_token=PA${gateways[offset - 1].id}`;
  const middle = Math.floor(count / 100) * 50;
  const last = Math.floor((count - 1) / 50) * 50;
  const lines = {};
  const pages = [['list first 50', list, 0], [`list 50 at offset ${middle.toLocaleString('en')}`, pageAt(middle), middle], [`list 50 at offset ${last.toLocaleString('en')}`, pageAt(last), last]];
  for (const [name, url, offset] of pages) {
    const check = await fetch(url, { headers: { authorization: AUTH } });
    const body = await check.json();
    if (check.status !== 200 || body.data.length !== Math.min(50, count - offset)) throw new Error(`${name}: ${check.status}, ${body.data?.length} items`);
    await autocannon({ url, headers: { authorization: AUTH }, connections: 10, duration: 2 });
    const r = await autocannon({ url, headers: { authorization: AUTH }, connections: 10, duration: DURATION });
    lines[name] = { reqPerSec: Math.round(r.requests.mean), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
  }
  const rss = treeRss(child.pid);
  await stop(child);

  const checks = Object.entries(lines).flatMap(([name, r]) => [
    { name: `${name}: p99`, target: p99Target, actual: `${r.p99} ms`, pass: p99Pass(r.p99) },
    { name: `${name}: status 200 on every response (sanity)`, target: '0 other', actual: `${r.non2xx} other`, pass: r.non2xx === 0 },
  ]);
  if (rssMB !== undefined) checks.push({ name: 'RSS after load', target: `< ${rssMB} MB`, actual: `${Math.round(rss / MB)} MB`, pass: rss < rssMB * MB });
  console.log(`\nsipmock stateful (issue ${issue}): ${count.toLocaleString('en')} gateways stored in ${seedMs} ms (PUT /__sipmock/state, validated against the spec)`);
  for (const [name, r] of Object.entries(lines)) {
    const other = r.non2xx === 0 ? '' : `  FAIL: ${r.non2xx} answers were not 200`;
    console.log(`  ${name.padEnd(28)} ${String(r.reqPerSec).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  ${p99Pass(r.p99) ? 'PASS' : 'FAIL'} (p99 ${p99Target})${other}`);
  }
  const rssText = `${Math.round(rss / MB)} MB (${Math.round(rss / MiB)} MiB)`;
  console.log(`  ${'RSS after load'.padEnd(28)} ${rssText}${rssMB === undefined ? '  (no target at this size)' : `  ${rss < rssMB * MB ? 'PASS' : 'FAIL'} (< ${rssMB} MB)`}`);
  return { gateways: count, issue, seedMs, rssMiB: Math.round(rss / MiB), rssMB: Math.round(rss / MB), lines, checks, pass: checks.every((c) => c.pass) };
}

async function start() {
  let ready;
  const url = new Promise((resolve) => (ready = resolve));
  const child = spawnNode(sipmockArgs('--providers', 'signalwire'), {
    cwd: ROOT,
    onStdout: (chunk) => {
      const match = /sipmock ready (\S+)/.exec(chunk);
      if (match) ready(match[1]);
    },
  });
  const exited = child.exited.then(() => {
    throw new Error(`sipmock exited before it was ready:\n${child.tail}`);
  });
  return { child, base: await Promise.race([url, exited]) };
}
