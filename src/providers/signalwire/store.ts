import type { AccountState } from '../../state/account-state.js';
import type { StoredRecord } from '../../state/collection.js';
import type { ProviderResources } from '../types.js';

/** A stored gateway is SignalWire's own SipGatewayResponse: the Fabric resource around the gateway. */
export type GatewayRecord = StoredRecord & {
  project_id: string;
  display_name: string;
  type: 'sip_gateway';
  created_at: string;
  updated_at: string;
  sip_gateway: { id: string; uri: string; name: string; ciphers: string[]; codecs: string[]; encryption: string };
};

export function gateways(state: AccountState) {
  return state.collection<GatewayRecord>('gateways');
}

export const signalwireCollections: ProviderResources['collections'] = {
  gateways: {
    operationId: 'get_sip_gateway',
    ids: 'uuid',
    render: (record) => record,
    // A recorded answer is the stored record itself.
    replay: {
      create_sip_gateway: (_, body) => ({ upsert: [body as GatewayRecord] }),
      update_sip_gateway: (_, body) => ({ upsert: [body as GatewayRecord] }),
      delete_sip_gateway: (request) => ({ remove: [request.pathParams.id] }),
    },
  },
};

export const seedSignalWire: ProviderResources['seed'] = (state) => {
  // One gateway, the spec's example, so the documented requests work against a new account.
  const now = '2024-05-06T12:20:00Z';
  gateways(state).insert({
    id: '0823a606-0aff-4c90-9eba-f88ba118fe05',
    project_id: state.account,
    display_name: 'Office PBX',
    type: 'sip_gateway',
    created_at: now,
    updated_at: now,
    sip_gateway: {
      id: 'cce59cad-104d-4c28-ada4-98cfd102ae09',
      uri: 'sip:pbx@sip.example.net',
      name: 'Office PBX',
      ciphers: ['AEAD_AES_256_GCM_8'],
      codecs: ['OPUS', 'PCMU'],
      encryption: 'required',
    },
  });
};
