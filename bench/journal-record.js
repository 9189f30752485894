// The journal's own cost per request, without HTTP: CPU per recorded exchange with the ring at
// its default size and off (the difference is the ring: bodies kept, entries retained, GC).
// Steadier than req/s on a shared machine.
//
//   node bench/journal-record.js 1000 && node bench/journal-record.js 0
import { Journal } from '../dist/journal/journal.js';
import { createJournalRedactor } from '../dist/journal/redactor.js';
const size = Number(process.argv[2] ?? 1000);
const j = new Journal({ size });
const redactor = createJournalRedactor([]);
const N = 300000;
const t0 = process.cpuUsage();
for (let i = 0; i < N; i++) {
  const headers = { host: '127.0.0.1:4010', authorization: 'Basic abc', connection: 'keep-alive', 'user-agent': 'x' };
  const body = Buffer.from(JSON.stringify({ id: i, name: 'gateway', uri: 'sip:pbx@example.com', x: 'y'.repeat(400) }));
  j.record({ provider: 'signalwire', method: 'GET', path: '/api/x/' + i, query: {}, operationId: 'get', account: 'acc', requestHeaders: headers, requestBody: undefined,
    status: 200, responseHeaders: { 'content-type': 'application/json', 'content-length': body.length }, responseBody: body, startedAt: Date.now(), durationMs: 0.3, source: 'state', overrideId: undefined, undocumented: undefined, fault: undefined, violations: [], redactor });
}
const u = process.cpuUsage(t0);
console.log(size, 'µs per record (incl. building the record)', ((u.user + u.system) / N).toFixed(2));
