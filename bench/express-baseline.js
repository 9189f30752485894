// The ceiling for sipmock's stack: bare express 5 answering a fixed SignalWire gateway body.
// GET answers the body; PATCH parses the JSON body, answers 422 with a fixed error when
// `encryption` is not one of the enum values, else the body. No spec, no auth, no logging.
//
//   node bench/express-baseline.js [port]     (0 or nothing: a free port; prints "ready <url>")
import express from 'express';
import { GATEWAY, INVALID, ENCRYPTION } from './baseline-bodies.js';

const PATH = '/api/fabric/resources/sip_gateways/:id';

const app = express();
app.get(PATH, (req, res) => {
  res.json(GATEWAY);
});
app.patch(PATH, express.json(), (req, res) => {
  const encryption = req.body?.encryption;
  if (encryption !== undefined && !ENCRYPTION.has(encryption)) {
    res.status(422).json(INVALID);
    return;
  }
  res.json(GATEWAY);
});

const server = app.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`ready http://127.0.0.1:${server.address().port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close(() => process.exit(0)));
