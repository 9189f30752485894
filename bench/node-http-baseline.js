// The floor of any node server: bare node:http answering a fixed SignalWire gateway body, with the
// same behaviour as express-baseline.js (GET: the body; PATCH: parse JSON, 422 on a bad encryption).
//
//   node bench/node-http-baseline.js [port]     (0 or nothing: a free port; prints "ready <url>")
import { createServer } from 'node:http';
import { GATEWAY, INVALID, ENCRYPTION } from './baseline-bodies.js';

const PATH = /^\/api\/fabric\/resources\/sip_gateways\/[^/?]+$/;
const gatewayBody = Buffer.from(JSON.stringify(GATEWAY));
const invalidBody = Buffer.from(JSON.stringify(INVALID));

function send(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
}

const server = createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  if (!PATH.test(path)) return send(res, 404, Buffer.from('{"error":"not_found"}'));
  if (req.method === 'GET') return send(res, 200, gatewayBody);
  if (req.method !== 'PATCH') return send(res, 405, Buffer.from('{"error":"method"}'));
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(res, 400, Buffer.from('{"error":"invalid_json"}'));
    }
    const encryption = body?.encryption;
    const bad = encryption !== undefined && !ENCRYPTION.has(encryption);
    send(res, bad ? 422 : 200, bad ? invalidBody : gatewayBody);
  });
});

server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`ready http://127.0.0.1:${server.address().port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close(() => process.exit(0)));
