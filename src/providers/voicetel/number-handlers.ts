import type { OperationHandler } from '../types.js';
import { findGateway, isSystemRoute, json, numberStore } from './routes.js';

type RouteBody = { numbers: Array<{ number: number; route: number }> };
type RoutedNumber = { number: string; route: number };

/**
 * A 10-digit NANP number (area code and exchange start with 2-9). The mock has no number
 * inventory, so every such number counts as the account's own; anything else is "Failed".
 */
const NANP = /^[2-9][0-9]{2}[2-9][0-9]{6}$/;

/** `POST /v2.1/numbers/route/`: points DIDs at a user gateway or a system route. */
export const numberHandlers: Record<string, OperationHandler> = {
  numbersRoute(request, context) {
    const state = context.state;
    const routed: RoutedNumber[] = [];
    const failed: Array<RoutedNumber & { message: string }> = [];
    for (const { number, route } of (request.body as RouteBody).numbers) {
      const id = String(number);
      if (!isSystemRoute(route) && !findGateway(state, route)) {
        failed.push({ number: id, route, message: 'Invalid Route' });
        continue;
      }
      if (!NANP.test(id)) {
        failed.push({ number: id, route, message: 'Failed' });
        continue;
      }
      // Routing a number elsewhere frees the gateway it pointed at for removal.
      numberStore(state).upsert({ id, route });
      routed.push({ number: id, route });
    }
    if (failed.length > 0) {
      return json(409, {
        statusCode: '409',
        status: 'Error',
        message: 'Route result',
        numbers_success: routed.length > 0 ? routed : null,
        numbers_failed: failed,
      });
    }
    return json(200, { statusCode: '200', status: 'Success', message: 'Route results', numbers: routed });
  },
};
