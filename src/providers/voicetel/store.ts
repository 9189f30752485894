import type { ProviderResources } from '../types.js';
import { FIRST_USER_ROUTE, SYSTEM_ROUTES, type GatewayRecord, type NumberRecord } from './routes.js';

/**
 * What a VoiceTel account stores: its user gateways (by route) and where its DIDs are routed.
 * Each record is checked against the answer that shows it: a gateway as the one user row of a
 * list after the system routes, a number as the one row of a routing result.
 */
export const voicetelCollections: ProviderResources['collections'] = {
  gateways: {
    operationId: 'gatewaysList',
    // User gateways get routes from 1000 upward; a removed route number is never handed out again.
    ids: { sequence: { start: FIRST_USER_ROUTE } },
    render: (record) => ({
      statusCode: '200',
      status: 'Success',
      gateways: [
        ...SYSTEM_ROUTES.map(({ route, name }) => ({ route: String(route), gateway: name })),
        { route: record.id, gateway: (record as GatewayRecord).gateway },
      ],
    }),
    // Recorded successes name the routes they touched.
    replay: {
      gatewaysAdd: (_, body) => ({ upsert: rows(body, 'gateways').map((row) => ({ id: String(row.route), gateway: String(row.IP) })) }),
      gatewaysUpdate: (_, body) => ({ upsert: rows(body, 'gateways').map((row) => ({ id: String(row.route), gateway: String(row.gateway) })) }),
      gatewaysRemove: (_, body) => ({ remove: rows(body, 'routes').map((row) => String(row.route)) }),
    },
  },
  numbers: {
    operationId: 'numbersRoute',
    // A routed number's id is the number itself.
    ids: 'client',
    render: (record) => ({
      statusCode: '200',
      status: 'Success',
      message: 'Route results',
      numbers: [{ number: record.id, route: (record as NumberRecord).route }],
    }),
  },
};

/** A new account has only the system routes, which are computed, never stored. */
export const seedVoiceTel: ProviderResources['seed'] = () => {};

function rows(body: unknown, key: string): Array<Record<string, unknown>> {
  const list = (body as Record<string, unknown> | null)?.[key];
  return Array.isArray(list) ? (list as Array<Record<string, unknown>>) : [];
}
