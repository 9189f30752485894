// How to start each server under test and when it counts as started (cold start).
// start() resolves to { child, base, coldMs, detail }: `base` is the URL the LINES paths go under.
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LINES, PROVIDER_PROBES, requestOf } from '../lines.js';
import { freePort, spawnNode, waitFor } from './procs.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PRISM_BIN = 'node_modules/@stoplight/prism-cli/dist/index.js';
const PRISM_SPEC = 'specs/signalwire.openapi.yaml';
const SIPMOCK_PREFIX = '/signalwire';
// Prism logs several lines per request at its default level, which about halves its throughput,
// while sipmock runs with --quiet; so Prism runs with `-v silent` too. BENCH_PRISM_VERBOSE=1 compares
// with Prism at its default log level instead.
export const PRISM_SILENT = process.env.BENCH_PRISM_VERBOSE !== '1';
// What a fresh `npm ci` leaves: no cache of any earlier run.
const INSTALL_CACHE = fileURLToPath(new URL('../../node_modules/.cache/', import.meta.url));
// sipmock runs as the README's main command (`npm start`) runs it: with the node flags of that script.
const SIPMOCK_BIN = 'dist/cli/bin.js';
/** `node` arguments that start sipmock as `npm start` does, with `serveArgs` after `serve`. */
export const sipmockArgs = (...serveArgs) => [...startScriptFlags(), SIPMOCK_BIN, 'serve', '--port', '0', '--quiet', ...serveArgs];
const SIPMOCK_ARGS = sipmockArgs();
const READY = /sipmock ready (http:\/\/\S+)/;

/** The node flags of package.json's `start` script: `node <flags> dist/cli/bin.js serve`. */
function startScriptFlags() {
  const start = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')).scripts.start;
  const words = start.split(/\s+/);
  return words.slice(words.indexOf('node') + 1, words.indexOf(SIPMOCK_BIN)).filter((word) => word.startsWith('-'));
}

/** Spawns node with `args` and resolves with the first capture of `pattern` on stdout. */
function spawnAndRead(args, pattern) {
  let buffer = '';
  let found;
  const url = new Promise((resolve) => { found = resolve; });
  const child = spawnNode(args, {
    cwd: ROOT,
    onStdout: (chunk) => {
      if (buffer === null) return; // already found: drain and drop
      buffer += chunk;
      const match = pattern.exec(buffer);
      if (match) { buffer = null; found(match[1]); }
      else buffer = buffer.slice(-4096);
    },
  });
  const exited = child.exited.then(() => { throw new Error(`${args.join(' ')} exited:\n${child.tail}`); });
  return { child, url: Promise.race([url, exited]) };
}

/** One request as a readiness probe: true once it answers 200. */
async function answers200(url, request) {
  const response = await fetch(url, { method: request.method, headers: request.headers, body: request.body });
  await response.arrayBuffer();
  return response.status === 200;
}

const firstGet = requestOf(LINES[0]);

export const SERVERS = {
  sipmock: { label: 'sipmock', start: () => startSipmock() },
  /** A fresh install: node_modules/.cache removed before every spawn. */
  sipmockFresh: {
    label: 'sipmock fresh',
    start() {
      rmSync(INSTALL_CACHE, { recursive: true, force: true });
      return startSipmock();
    },
  },
  /** Started up to its ready line only, so that nothing has been answered yet (the first-request line). */
  sipmockReadyOnly: {
    label: 'sipmock',
    async start() {
      const t0 = performance.now();
      const { child, url } = spawnAndRead(SIPMOCK_ARGS, READY);
      const root = await url;
      return { child, base: root, coldMs: performance.now() - t0 };
    },
  },
  prismStatic: prism('prism static', []),
  prismDynamic: prism('prism dynamic', ['--dynamic']),
  express: baseline('express', 'bench/express-baseline.js'),
  node: baseline('node:http', 'bench/node-http-baseline.js'),
};

/** sipmock counts as started once health and one authenticated request per provider answer 200. */
async function startSipmock() {
  const t0 = performance.now();
  const { child, url } = spawnAndRead(SIPMOCK_ARGS, READY);
  const root = await url;
  const readyMs = performance.now() - t0;
  await waitFor(() => answers200(`${root}/__sipmock/health`, { method: 'GET' }), { child, what: 'sipmock health' });
  const healthMs = performance.now() - t0;
  const providers = {};
  await Promise.all(PROVIDER_PROBES.map(async ({ slug, probe }) => {
    await waitFor(async () => (await probe(`${root}/${slug}`)) === 200, { child, what: `sipmock ${slug}` });
    providers[slug] = Math.round(performance.now() - t0);
  }));
  return { child, base: root + SIPMOCK_PREFIX, coldMs: performance.now() - t0, detail: { readyLineMs: Math.round(readyMs), healthMs: Math.round(healthMs), providers } };
}

function baseline(label, script) {
  return {
    label,
    async start() {
      const t0 = performance.now();
      const { child, url } = spawnAndRead([script, '0'], /ready (http:\/\/\S+)/);
      const base = await url;
      await waitFor(() => answers200(base + firstGet.path, firstGet), { child, what: label });
      return { child, base, coldMs: performance.now() - t0 };
    },
  };
}

function prism(label, extraArgs) {
  return {
    label,
    async start() {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const t0 = performance.now();
      const args = [PRISM_BIN, 'mock', '-h', '127.0.0.1', '-p', String(port), ...extraArgs, ...(PRISM_SILENT ? ['-v', 'silent'] : []), PRISM_SPEC];
      const child = spawnNode(args, { cwd: ROOT, quietStdout: true }); // its log lines go to /dev/null
      await waitFor(() => answers200(base + firstGet.path, firstGet), { child, what: label, everyMs: 10 });
      return { child, base, coldMs: performance.now() - t0 };
    },
  };
}
