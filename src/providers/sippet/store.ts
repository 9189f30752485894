import type { AccountState } from '../../state/account-state.js';
import type { Collection } from '../../state/collection.js';
import type { ProviderResources } from '../types.js';
import { DEFAULTS, SEED_GATEWAY, renderStored, type GatewayAttributes, type GatewayRecord } from './gateway.js';

export function gateways(state: AccountState) {
  return state.collection<GatewayRecord>('gateways');
}

/** One collection of gateways; a new account holds the spec's example gateway. */
export const sippetCollections: ProviderResources['collections'] = {
  gateways: {
    operationId: 'getGateway',
    ids: 'uuid',
    render: (record, context) => renderStored(record, context.baseUrl),
    // A recorded document carries the record; merged into the stored one, as a sparse answer may omit attributes.
    replay: {
      createGateway: (_, body, stored) => ({ upsert: [fromDocument(body, stored)] }),
      updateGateway: (_, body, stored) => ({ upsert: [fromDocument(body, stored)] }),
      deleteGateway: (request) => ({ remove: [request.pathParams.id] }),
    },
  },
};

export const seedSippet: ProviderResources['seed'] = (state) => {
  gateways(state).insert(structuredClone(SEED_GATEWAY));
};

function fromDocument(body: unknown, stored: Collection): GatewayRecord {
  const { id, attributes } = (body as { data: { id: string; attributes: Partial<GatewayAttributes> } }).data;
  return { ...DEFAULTS, ...(stored.get(id) as GatewayRecord | undefined), ...attributes, id } as GatewayRecord;
}
