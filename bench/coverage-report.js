// The coverage report's cost (issue 12), without HTTP, on the built package (npm run build first):
//   1. recording: CPU per request of the coverage counters on the hot path (a list with a query,
//      a create with a JSON body, a refused create, an override's 503, mixed);
//   2. building the report from 100,000 recorded exchanges (all five providers' models, every format);
//   3. offline: `sipmock coverage` on a 100,000-line journal file (read, parse, count, build), in process.
//
//   node bench/coverage-report.js [exchanges]
import { mkdtemp, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toProviderModel } from '../dist/coverage/coverage-model.js';
import { CoverageRecorder } from '../dist/coverage/coverage-recorder.js';
import { buildCoverageReport } from '../dist/coverage/coverage-report.js';
import { COVERAGE_FORMATS, formatCoverage } from '../dist/coverage/coverage-files.js';
import { runCli } from '../dist/cli/index.js';
import { PROVIDERS } from '../dist/providers/registry.js';
import { DEFAULT_SPECS_DIR } from '../dist/providers/spec-path.js';
import { mountProvider } from '../dist/server/mounted-provider.js';

const N = Number(process.argv[2] ?? 100_000);
const GATEWAY = { name: 'Office PBX', uri: 'sip:pbx@sip.example.net', encryption: 'required', ciphers: ['AEAD_AES_256_GCM_8'], codecs: ['OPUS', 'PCMU'] };
const violation = { side: 'request', location: 'body', path: ['uri'], rule: 'required', message: 'is required' };
const SAMPLES = [
  { operationId: 'list_sip_gateways', method: 'GET', path: '/api/fabric/resources/sip_gateways', status: 200, source: 'state', query: { page_size: '10' }, body: undefined, violations: [] },
  { operationId: 'create_sip_gateway', method: 'POST', path: '/api/fabric/resources/sip_gateways', status: 201, source: 'state', query: {}, body: GATEWAY, violations: [] },
  { operationId: 'create_sip_gateway', method: 'POST', path: '/api/fabric/resources/sip_gateways', status: 422, source: 'error', query: {}, body: { name: 'x' }, errorCode: 'MOCK_ERR_VALIDATION', violations: [violation] },
  { operationId: 'list_sip_gateways', method: 'GET', path: '/api/fabric/resources/sip_gateways', status: 503, source: 'override', query: {}, body: undefined, overrideId: 'ovr_1', violations: [] },
].map((sample) => ({ provider: 'signalwire', ...sample }));

const models = (await Promise.all(PROVIDERS.map((definition) => mountProvider(definition, DEFAULT_SPECS_DIR)))).map(toProviderModel);

const recorder = new CoverageRecorder();
for (let i = 0; i < 20_000; i++) recorder.record(SAMPLES[i % SAMPLES.length]);
recorder.clear();
const cpu = process.cpuUsage();
for (let i = 0; i < N; i++) recorder.record(SAMPLES[i % SAMPLES.length]);
const used = process.cpuUsage(cpu);
console.log(`coverage record: ${((used.user + used.system) / N).toFixed(3)} µs CPU per request (mixed list/create/refused/override, ${N} requests)`);

const times = [];
for (let run = 0; run < 5; run++) {
  const started = performance.now();
  const report = buildCoverageReport(models, recorder, { min: 'operations=80' });
  for (const format of COVERAGE_FORMATS) formatCoverage(report, format);
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
console.log(`coverage report from ${N} exchanges: ${times[2].toFixed(1)} ms median of 5 (5 providers, build + all 4 formats; the counters do not grow with the journal)`);

const dir = await mkdtemp(join(tmpdir(), 'sipmock-bench-coverage-'));
const file = join(dir, 'journal.ndjson');
const stream = createWriteStream(file);
for (let i = 0; i < N; i++) {
  const sample = SAMPLES[i % SAMPLES.length];
  const entry = {
    id: i + 1, time: new Date().toISOString(), provider: sample.provider, operationId: sample.operationId, method: sample.method, path: sample.path, query: sample.query, account: 'acc',
    request: { headers: { 'content-type': 'application/json', authorization: 'Basic <redacted:basic>' }, body: sample.body },
    response: { status: sample.status, headers: sample.errorCode ? { 'x-sipmock-error': sample.errorCode } : {}, body: { data: [] } },
    durationMs: 0.4, source: sample.source, violations: sample.violations, ...(sample.overrideId ? { overrideId: sample.overrideId } : {}),
  };
  if (!stream.write(`${JSON.stringify(entry)}\n`)) await new Promise((resolve) => stream.once('drain', resolve));
}
await new Promise((resolve) => stream.end(resolve));
const sink = { write: () => true };
const offline = performance.now();
const code = await runCli(['coverage', file, '--format', 'json'], { stdout: sink, stderr: sink });
console.log(`sipmock coverage on a ${N}-line journal file: ${(performance.now() - offline).toFixed(0)} ms (exit ${code}; read, parse, count, load the specs, build)`);
await rm(dir, { recursive: true, force: true });
