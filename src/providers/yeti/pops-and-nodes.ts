import type { HandlerContext } from '../types.js';
import { taken, validationError, type ResourceRules } from './crud.js';
import type { ResourceInput } from './document-parser.js';
import { stored, transportProtocols } from './records.js';
import { NODES, POPS, TRANSPORT_PROTOCOLS, relatedId, type YetiRecord } from './resource-objects.js';
import { rubyToI, rubyToS } from './ruby.js';

/** A client-chosen id as ActiveRecord casts it into the integer primary key. */
const clientId = (input: ResourceInput) => String(rubyToI(rubyToS(input.id)));

/** PoPs: ids chosen by the client (present and unique), a unique name; no deletion while in use. */
export const popRules: ResourceRules = {
  kind: POPS,
  source: (context) => stored(context, 'pops'),
  creatableId: true,
  assign: (current, input) => ({
    record: current
      ? { ...current, attributes: { ...current.attributes, ...input.attributes } }
      : { id: clientId(input), attributes: { name: input.attributes.name } },
  }),
  validate(record, _input, context, isNew) {
    const pops = stored(context, 'pops');
    return [...idTaken(record, context, 'pops', isNew), ...taken(pops.list(), record, 'name')];
  },
  blockDelete(record, context) {
    if (usedBy(context, 'nodes', 'pop', record.id)) return 'Cannot delete record because dependent nodes exist';
    // Registrations point at PoPs through a foreign key too: refused the same way rather than left dangling.
    if (usedBy(context, 'registrations', 'pop', record.id)) return 'Cannot delete record because dependent registrations exist';
    return undefined;
  },
};

/** Nodes: client-chosen ids, unique name and rpc-endpoint, an existing PoP; no deletion while registrations use them. */
export const nodeRules: ResourceRules = {
  kind: NODES,
  source: (context) => stored(context, 'nodes'),
  creatableId: true,
  assign: (current, input) => ({
    record: current
      ? { ...current, attributes: { ...current.attributes, ...input.attributes }, relationships: { ...current.relationships, ...input.relationships } }
      : {
          id: clientId(input),
          attributes: { name: input.attributes.name, 'rpc-endpoint': input.attributes['rpc-endpoint'] },
          relationships: { pop: input.relationships.pop ?? null },
        },
  }),
  validate(record, _input, context, isNew) {
    const nodes = stored(context, 'nodes').list();
    const pop = relatedId(record, 'pop');
    return [
      ...idTaken(record, context, 'nodes', isNew),
      ...taken(nodes, record, 'name'),
      ...taken(nodes, record, 'rpc-endpoint'),
      // `belongs_to :pop` and `validates :pop, presence: true` (app/models/node.rb) both fail without one.
      ...(pop !== null && stored(context, 'pops').get(pop) ? [] : [validationError('relationships', 'pop', 'must exist'), validationError('relationships', 'pop', "can't be blank")]),
    ];
  },
  blockDelete(record, context) {
    return usedBy(context, 'registrations', 'node', record.id) ? 'Cannot delete record because dependent registrations exist' : undefined;
  },
};

/** The read-only transport protocols (filter by id or exact name). */
export const transportProtocolRules: ResourceRules = {
  kind: TRANSPORT_PROTOCOLS,
  source: () => transportProtocols,
  creatableId: false,
};

function idTaken(record: YetiRecord, context: HandlerContext, type: 'pops' | 'nodes', isNew: boolean) {
  return isNew && stored(context, type).get(record.id) ? [validationError('attributes', 'id', 'has already been taken')] : [];
}

function usedBy(context: HandlerContext, type: 'nodes' | 'registrations', relationship: string, id: string): boolean {
  return stored(context, type)
    .list()
    .some((record) => relatedId(record, relationship) === id);
}
