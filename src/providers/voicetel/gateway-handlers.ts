import type { AccountState } from '../../state/account-state.js';
import type { OperationHandler } from '../types.js';
import { gatewayKey, parseGateway } from './gateway-address.js';
import {
  INVALID_GATEWAY,
  SYSTEM_ROUTES,
  findGateway,
  gatewayStore,
  hasNumbersRouted,
  json,
  routeHolding,
  userGateways,
} from './routes.js';

type AddBody = { gateways: Array<{ gateway: string }> };
type UpdateBody = { gateways: Array<{ route: number; gateway: string }> };
type RemoveBody = { routes: Array<{ route: number }> };
type UpdateFailure = { gateway: string; route: number; message: string };

const INVALID_ROUTE = 'Invalid number or route';

/** The gateway operations of VoiceTel v2.1: batches that succeed item by item (200, or 409 with both lists). */
export const gatewayHandlers: Record<string, OperationHandler> = {
  gatewaysList(_request, context) {
    const system = SYSTEM_ROUTES.map(({ route, name }) => ({ route: String(route), gateway: name }));
    const user = userGateways(context.state).map((record) => ({ route: record.id, gateway: record.gateway }));
    return json(200, { statusCode: '200', status: 'Success', gateways: [...system, ...user] });
  },

  gatewaysAdd(request, context) {
    const state = context.state;
    const added: string[] = [];
    const failed: string[] = [];
    for (const { gateway } of (request.body as AddBody).gateways) {
      const address = parseGateway(gateway);
      // A gateway sent twice in one request is refused the second time: by then it is on the account.
      if (!address || routeHolding(state, gatewayKey(address))) {
        failed.push(gateway);
        continue;
      }
      gatewayStore(state).insert({ id: gatewayStore(state).nextId(), gateway });
      added.push(gateway);
    }
    if (failed.length > 0) {
      return json(409, {
        statusCode: '409',
        status: 'Error',
        message: 'At least one one gateway could not be added.',
        added_success: added,
        added_failed: failed,
      });
    }
    const gateways = userGateways(state).map((record) => ({ route: record.id, IP: record.gateway }));
    return json(200, { statusCode: '200', status: 'Success', message: 'Gateways Entered', gateways });
  },

  gatewaysUpdate(request, context) {
    const state = context.state;
    const updated: Array<{ gateway: string; route: number }> = [];
    const failed: UpdateFailure[] = [];
    for (const { route, gateway } of (request.body as UpdateBody).gateways) {
      const failure = updateFailure(state, route, gateway);
      if (failure) {
        failed.push({ gateway, route, message: failure });
        continue;
      }
      // v2.2's prefix and limit stay as they were: v2.1 changes the address only.
      gatewayStore(state).update({ ...findGateway(state, route)!, gateway });
      updated.push({ gateway, route });
    }
    if (failed.length > 0) {
      return json(409, { statusCode: '409', status: 'Error', message: 'Update result', update_success: updated, update_failed: failed });
    }
    return json(200, { statusCode: '200', status: 'Success', message: 'Gateway updated', gateways: updated });
  },

  gatewaysRemove(request, context) {
    const state = context.state;
    const removed: Array<{ route: number }> = [];
    const failed: Array<{ route: number }> = [];
    for (const { route } of (request.body as RemoveBody).routes) {
      // System routes, routes the account does not have, and gateways that still receive DIDs stay.
      if (!findGateway(state, route) || hasNumbersRouted(state, route)) {
        failed.push({ route });
        continue;
      }
      gatewayStore(state).remove(String(route));
      removed.push({ route });
    }
    if (failed.length > 0) {
      return json(409, {
        statusCode: '409',
        status: 'Error',
        message: 'At least one one route could not be removed. Please make sure no DID are routed to gateway.',
        removed_success: removed,
        removed_failed: failed,
      });
    }
    return json(200, { statusCode: '200', status: 'Success', message: 'Gateways Removed', routes: removed });
  },
};

/**
 * Why an update item fails, or undefined when it can be applied. The provider has two messages
 * only, so an address another route already holds gets the gateway message: the mock keeps every
 * host:port on one route, as the add does.
 */
function updateFailure(state: AccountState, route: number, gateway: string): string | undefined {
  if (!findGateway(state, route)) return INVALID_ROUTE;
  const address = parseGateway(gateway);
  if (!address || routeHolding(state, gatewayKey(address), String(route))) return INVALID_GATEWAY;
  return undefined;
}
