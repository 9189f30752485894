import { MockError } from '../../errors.js';
import type { AccountState } from '../../state/account-state.js';
import type { OperationHandler, RoutedRequest } from '../types.js';
import { voicetelV22Error } from './errors.js';
import { gatewayKey, parseGateway } from './gateway-address.js';
import {
  DEFAULT_LIMIT,
  INVALID_GATEWAY,
  SYSTEM_ROUTES,
  findGateway,
  gatewayStore,
  hasNumbersRouted,
  isSystemRoute,
  json,
  numberStore,
  routeHolding,
  userGateways,
  type GatewayRecord,
} from './routes.js';

type GatewayBody = { gateway?: string; prefix?: string; limit?: number };

/**
 * VoiceTel v2.2's gateway endpoints (REST style, `{status: "success", data}`), over the same
 * account state as v2.1: a v2.2 gateway id is a v2.1 route.
 */
export const v22GatewayHandlers: Record<string, OperationHandler> = {
  gatewaysListV22(_request, context) {
    const system = SYSTEM_ROUTES.map(({ route, name }) => ({ id: route, gateway: name, prefix: '', limit: null, system: true }));
    return success(200, { gateways: [...system, ...userGateways(context.state).map(toEntry)] });
  },

  gatewaysCreate(request, context) {
    const state = context.state;
    const body = request.body as GatewayBody;
    const address = parseGateway(body.gateway!);
    // One message for an unroutable address and one the account already has, as v2.1's update.
    if (!address || routeHolding(state, gatewayKey(address))) return voicetelV22Error(409, INVALID_GATEWAY);
    const record: GatewayRecord = {
      id: gatewayStore(state).nextId(),
      gateway: body.gateway!,
      prefix: body.prefix ?? '',
      limit: body.limit ?? DEFAULT_LIMIT,
    };
    gatewayStore(state).insert(record);
    return success(201, toEntry(record));
  },

  gatewaysGet(request, context) {
    const route = Number(request.pathParams.id);
    const system = SYSTEM_ROUTES.find((entry) => entry.route === route);
    if (system) return success(200, { id: route, gateway: system.name, prefix: '', limit: null, system: true });
    return success(200, toEntry(userGateway(context.state, request)));
  },

  gatewaysPut(request, context) {
    const state = context.state;
    const record = userGateway(state, request);
    const body = request.body as GatewayBody;
    if (body.gateway !== undefined) {
      const address = parseGateway(body.gateway);
      if (!address || routeHolding(state, gatewayKey(address), record.id)) return voicetelV22Error(400, INVALID_GATEWAY);
    }
    const updated: GatewayRecord = {
      ...record,
      gateway: body.gateway ?? record.gateway,
      prefix: body.prefix ?? record.prefix ?? '',
      limit: body.limit ?? record.limit ?? DEFAULT_LIMIT,
    };
    gatewayStore(state).update(updated);
    return success(200, toEntry(updated));
  },

  gatewaysDelete(request, context) {
    const state = context.state;
    const record = userGateway(state, request);
    if (hasNumbersRouted(state, Number(record.id))) return voicetelV22Error(409, 'Cannot remove gateway: DIDs are still routed to it');
    gatewayStore(state).remove(record.id);
    return { status: 204 };
  },

  gatewaysNumbers(request, context) {
    const state = context.state;
    const route = Number(request.pathParams.id);
    if (!isSystemRoute(route)) userGateway(state, request);
    const numbers = numberStore(state)
      .list()
      .filter((record) => record.route === route)
      .map((record) => ({ number: record.id, translated: record.id, forward: false, forwardTo: null, cnam: false, carrier: 0, smsEnabled: false, faxEnabled: false }));
    return success(200, { numbers });
  },
};

/** The user gateway the path names; system routes and routes the account lacks are not found. */
function userGateway(state: AccountState, request: RoutedRequest): GatewayRecord {
  const record = findGateway(state, Number(request.pathParams.id));
  if (!record) throw new MockError('MOCK_ERR_NOT_FOUND', { resource: 'Gateway', id: request.pathParams.id });
  return record;
}

function toEntry(record: GatewayRecord) {
  return { id: Number(record.id), gateway: record.gateway, prefix: record.prefix ?? '', limit: record.limit ?? DEFAULT_LIMIT, system: false };
}

export function success(status: number, data: unknown) {
  return json(status, { status: 'success', data });
}
