import type { AccountState } from '../../state/account-state.js';
import type { StoredRecord } from '../../state/collection.js';
import type { MockResponse } from '../types.js';
import { gatewayKey, parseGateway } from './gateway-address.js';

/**
 * A user gateway: the id is its route number as a string, the gateway as the client sent it.
 * v2.2 also gives it a dial prefix and a concurrent-call limit (v2.1 shows neither).
 */
export type GatewayRecord = StoredRecord & { gateway: string; prefix?: string; limit?: number };
/** A DID routed somewhere: the id is the number, `route` a user gateway's route or a system route. */
export type NumberRecord = StoredRecord & { route: number };

/** Every account has these routes; they are computed, never stored. There is no route 7. */
export const SYSTEM_ROUTES: ReadonlyArray<{ route: number; name: string }> = [
  { route: 1, name: 'USER' },
  { route: 2, name: 'T30' },
  { route: 3, name: 'VOICE_BRIDGE' },
  { route: 4, name: 'DID' },
  { route: 5, name: 'T38' },
  { route: 6, name: 'RTC_BRIDGE' },
  { route: 8, name: 'SDN' },
];

/** Routes 1-8 belong to VoiceTel (7 included, though it is not listed): no user gateway lives there. */
export const LAST_SYSTEM_ROUTE = 8;
/** v2.2's documented default concurrent-call limit of a gateway. */
export const DEFAULT_LIMIT = 23;
export const INVALID_GATEWAY = 'Gateway should be a routable IP or Hostname and optional port';
/** User gateways get routes from here upward; a removed route number is never handed out again. */
export const FIRST_USER_ROUTE = 1000;

export function isSystemRoute(route: number): boolean {
  return SYSTEM_ROUTES.some((system) => system.route === route);
}

export function gatewayStore(state: AccountState) {
  return state.collection<GatewayRecord>('gateways');
}

export function numberStore(state: AccountState) {
  return state.collection<NumberRecord>('numbers');
}

/** The user gateway on `route`, or undefined for a system route or a route the account does not have. */
export function findGateway(state: AccountState, route: number): GatewayRecord | undefined {
  if (route <= LAST_SYSTEM_ROUTE) return undefined;
  return gatewayStore(state).get(String(route));
}

/** The account's user gateways in route order (records seeded through the control API may come in any order). */
export function userGateways(state: AccountState): GatewayRecord[] {
  return gatewayStore(state)
    .list()
    .sort((a, b) => Number(a.id) - Number(b.id));
}

/** The route already holding this address (same host and port), other than `except`. */
export function routeHolding(state: AccountState, key: string, except?: string): GatewayRecord | undefined {
  return gatewayStore(state)
    .list()
    .find((record) => record.id !== except && keyOf(record.gateway) === key);
}

/** Whether any DID is routed to this route. */
export function hasNumbersRouted(state: AccountState, route: number): boolean {
  return numberStore(state)
    .list()
    .some((record) => record.route === route);
}

function keyOf(gateway: string): string {
  const address = parseGateway(gateway);
  // A record seeded through the control API may hold an address the add would refuse.
  return address ? gatewayKey(address) : gateway.toLowerCase();
}

export function json(status: number, body: unknown): MockResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body };
}
