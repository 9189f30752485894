// The ceiling for sipmock's stack: bare express 5 answering a fixed SignalWire gateway body.
// GET answers the body; PATCH parses the JSON body, answers 422 with a fixed error when
// `encryption` is not one of the enum values, else the body. No spec, no auth, no logging.
//
//   node bench/express-baseline.js [port]     (0 or nothing: a free port; prints "ready <url>")
import express from 'express';

const GATEWAY = {
  id: '0823a606-0aff-4c90-9eba-f88ba118fe05',
  project_id: 'bc949800-7b40-43cf-8438-a85facfcbdd1',
  display_name: 'Office PBX',
  type: 'sip_gateway',
  created_at: '2024-05-06T12:20:00Z',
  updated_at: '2024-05-06T12:20:00Z',
  sip_gateway: {
    id: 'cce59cad-104d-4c28-ada4-98cfd102ae09',
    uri: 'sip:pbx@sip.example.net',
    name: 'Office PBX',
    ciphers: ['AEAD_AES_256_GCM_8', 'AES_256_CM_HMAC_SHA1_80'],
    codecs: ['OPUS', 'PCMU'],
    encryption: 'required',
  },
};
const INVALID = {
  errors: [{
    type: 'validation_error',
    code: 'invalid_parameter',
    message: 'Encryption must be one of: "required", "optional", "default"',
    attribute: 'encryption',
    url: 'https://signalwire.com/docs/apis/error-codes#invalid_parameter',
  }],
};
const ENCRYPTION = new Set(['required', 'optional', 'default']);
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
