import type { HandlerContext } from '../types.js';
import type { Resolver, YetiRecord } from './resource-objects.js';

/** Where a resource's records are read from: an account's collection, or fixed seed data. */
export type RecordSource = { list(): YetiRecord[]; get(id: string): YetiRecord | undefined };

/** Yeti's seed data (`db/seeds/main/class4.sql`): the same in every installation, read-only. There is no 4. */
const TRANSPORT_PROTOCOLS: YetiRecord[] = [
  { id: '1', attributes: { name: 'UDP' } },
  { id: '2', attributes: { name: 'TCP' } },
  { id: '3', attributes: { name: 'TLS' } },
  { id: '5', attributes: { name: 'WS' } },
];
const TRANSPORT_PROTOCOLS_BY_ID = new Map(TRANSPORT_PROTOCOLS.map((record) => [record.id, record]));

export const transportProtocols: RecordSource = {
  list: () => TRANSPORT_PROTOCOLS,
  get: (id) => TRANSPORT_PROTOCOLS_BY_ID.get(id),
};

/** The account's records of one type: registrations, pops or nodes. */
export function stored(context: HandlerContext, type: 'registrations' | 'pops' | 'nodes'): RecordSource {
  return context.state.collection<YetiRecord>(type);
}

/** Finds the related resources of `included` in the account (or the fixed transport protocols). */
export function resolver(context: HandlerContext): Resolver {
  return (type, id) => (type === 'transport-protocols' ? transportProtocols.get(id) : context.state.collection<YetiRecord>(type).get(id));
}
