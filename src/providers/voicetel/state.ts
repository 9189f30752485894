import type { ProviderState } from '../types.js';
import { SYSTEM_ROUTES, type GatewayRecord, type NumberRecord } from './routes.js';

/**
 * What a VoiceTel account stores: its user gateways (by route) and where its DIDs are routed.
 * Each record is checked against the answer that shows it: a gateway as the one user row of a
 * list after the system routes, a number as the one row of a routing result.
 */
export const voicetelState: ProviderState = {
  collections: {
    gateways: {
      operationId: 'gatewaysList',
      render: (record) => ({
        statusCode: '200',
        status: 'Success',
        gateways: [
          ...SYSTEM_ROUTES.map(({ route, name }) => ({ route: String(route), gateway: name })),
          { route: record.id, gateway: (record as GatewayRecord).gateway },
        ],
      }),
    },
    numbers: {
      operationId: 'numbersRoute',
      render: (record) => ({
        statusCode: '200',
        status: 'Success',
        message: 'Route results',
        numbers: [{ number: record.id, route: (record as NumberRecord).route }],
      }),
    },
  },
  // A new account has only the system routes, which are computed, never stored.
  seed() {},
};
