// The journal's memory at a full ring, worst case: every entry holds a request and a response
// body over the 4 KiB limit. Heap after filling 1000 entries minus heap with the ring off.
//
//   node --expose-gc bench/journal-memory.js
import { startSipmock } from '../dist/index.js';

const auth = { authorization: `Basic ${Buffer.from('bc949800-7b40-43cf-8438-a85facfcbdd1:PT0123').toString('base64')}`, 'content-type': 'application/json' };
const big = 'x'.repeat(8192);

async function heapAfterFilling(journalSize) {
  const sipmock = await startSipmock({ providers: ['signalwire'], journalSize });
  sipmock.override({ provider: 'signalwire', operationId: 'create_sip_gateway', respond: { status: 201, body: { big } } });
  const url = `${sipmock.baseUrl('signalwire')}/api/fabric/resources/sip_gateways`;
  for (let i = 0; i < 1000; i++) await (await fetch(url, { method: 'POST', headers: auth, body: JSON.stringify({ name: big, i }) })).arrayBuffer();
  for (let i = 0; i < 3; i++) globalThis.gc();
  const heap = process.memoryUsage();
  const kept = sipmock.journal.entries().length;
  await sipmock.close();
  return { heap: heap.heapUsed + heap.arrayBuffers, kept };
}

const off = await heapAfterFilling(0);
const on = await heapAfterFilling(1000);
const off2 = await heapAfterFilling(0);
const base = Math.min(off.heap, off2.heap);
process.stdout.write(`full ring (${on.kept} entries, both bodies cut to 4 KiB): ${((on.heap - base) / 2 ** 20).toFixed(1)} MiB over the ring off\n`);
