import type { AccountState } from '../../state/account-state.js';
import type { Collection, StoredRecord } from '../../state/collection.js';
import type { ProviderResources } from '../types.js';

/** What every response shows instead of the password, and what an update sends to keep it. */
export const PASSWORD_MASK = '********';
export const DEFAULT_SIP_PORT = 5060;

export type Gateway = { ipOrDomain: string; port: number; name: string };
export type GatewayInput = { ipOrDomain: string; port?: number; name?: string };
export type Authentication = { username: string; password: string };

/**
 * A stored trunk is the SipTrunk response with the REAL password: it has to be kept to honour the
 * "********" rule, and the state dump (a test tool) shows it. Only `renderTrunk` masks it.
 */
export type TrunkRecord = StoredRecord & {
  name: string;
  gateways: Gateway[];
  authentication: Authentication;
  advanced: Record<string, unknown>;
  isSystem: boolean;
  providerId: string;
  createdAt: string;
  updatedAt: string;
};

export function trunks(state: AccountState) {
  return state.collection<TrunkRecord>('trunks');
}

/**
 * The trunk as Nebrija returns it: the password is never sent back. A stored password that is not
 * a string stays as it is, so the response check refuses it when a test seeds one (PUT).
 */
export function renderTrunk(record: StoredRecord): unknown {
  const trunk = record as TrunkRecord;
  const password = typeof trunk.authentication?.password === 'string' ? PASSWORD_MASK : trunk.authentication?.password;
  return { ...trunk, authentication: { ...trunk.authentication, password } };
}

/** A gateway as stored: the port defaults to 5060 and a missing name is returned as ''. */
export function toGateway(input: GatewayInput): Gateway {
  return { ipOrDomain: input.ipOrDomain, port: input.port ?? DEFAULT_SIP_PORT, name: input.name ?? '' };
}

export const nebrijaCollections: ProviderResources['collections'] = {
  trunks: {
    operationId: 'getSipTrunk',
    ids: 'uuid',
    render: (record) => renderTrunk(record),
    // Recorded answers mask the password: keep the stored one when there is one.
    replay: {
      createSipTrunk: (_, body, stored) => ({ upsert: [fromAnswer(body, stored)] }),
      updateSipTrunk: (_, body, stored) => ({ upsert: [fromAnswer(body, stored)] }),
      deleteSipTrunk: (request) => ({ remove: [request.pathParams.id] }),
    },
  },
};

export const seedNebrija: ProviderResources['seed'] = (state) => {
  // The platform's system trunk and one customer trunk, both from the spec's examples, so the
  // documented requests (which use the customer trunk's id) work against a new account.
  trunks(state).insert({
    id: '0b6c2f3e-8d1a-4c52-9e7f-5a4d3b2c1e90',
    name: 'Nebrija Platform Trunk',
    gateways: [{ ipOrDomain: '198.51.100.24', port: 5060, name: 'Platform Edge' }],
    authentication: { username: 'nebrija_platform', password: 'platform-secret-placeholder' },
    advanced: { transport: 'udp', mediaEncryption: 'disable' },
    isSystem: true,
    providerId: 'ST_8vRbH2cYdE3s',
    createdAt: '2023-11-02T08:00:00Z',
    updatedAt: '2023-11-02T08:00:00Z',
  });
  trunks(state).insert({
    id: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
    name: 'Main Office SIP Trunk',
    gateways: [
      { ipOrDomain: 'sip-gateway.example.com', port: 5060, name: 'Primary Gateway' },
      { ipOrDomain: '203.0.113.10', port: 5060, name: 'Backup Gateway' },
    ],
    authentication: { username: 'office_sip_user', password: 'change-me-placeholder' },
    advanced: {},
    isSystem: false,
    providerId: 'ST_4kTz9pQwLmNx',
    createdAt: '2024-01-15T09:30:00Z',
    updatedAt: '2024-01-15T09:30:00Z',
  });
};

function fromAnswer(body: unknown, stored: Collection): TrunkRecord {
  const trunk = body as TrunkRecord;
  const previous = stored.get(trunk.id) as TrunkRecord | undefined;
  return { ...trunk, authentication: { ...trunk.authentication, password: previous?.authentication.password ?? trunk.authentication.password } };
}
