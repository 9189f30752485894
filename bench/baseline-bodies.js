// The fixed bodies both baselines (bare express, bare node:http) answer with.
export const GATEWAY = {
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
export const INVALID = {
  errors: [{
    type: 'validation_error',
    code: 'invalid_parameter',
    message: 'Encryption must be one of: "required", "optional", "default"',
    attribute: 'encryption',
    url: 'https://signalwire.com/docs/apis/error-codes#invalid_parameter',
  }],
};
export const ENCRYPTION = new Set(['required', 'optional', 'default']);
