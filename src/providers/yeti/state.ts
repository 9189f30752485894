import type { StoredRecord } from '../../state/collection.js';
import type { CollectionDefinition, OperationHandler, ProviderState, RenderContext } from '../types.js';
import { createHandler, deleteHandler, getHandler, listHandler, updateHandler, type ResourceRules } from './crud.js';
import { nodeRules, popRules, transportProtocolRules } from './pops-and-nodes.js';
import { registrationRules } from './registrations.js';
import { relationshipHandlers } from './relationships.js';
import { KINDS, NO_INCLUDE, toResourceObject, type YetiRecord } from './resources.js';

/**
 * Every account starts with the spec's examples: registration 9 (on UDP, PoP 4, node 7), PoPs 4
 * and 5, nodes 7 and 8 of PoP 4. PoP 5 and node 8 are in use by nothing, so they can be deleted.
 * Registration ids continue after 9.
 */
export const yetiState: ProviderState = {
  collections: {
    registrations: checkedAs('registrations', 'getRegistration'),
    pops: checkedAs('pops', 'getPop'),
    nodes: checkedAs('nodes', 'getNode'),
  },
  seed(state) {
    const pops = state.collection<YetiRecord>('pops');
    pops.set({ id: '4', attributes: { name: 'Frankfurt' } });
    pops.set({ id: '5', attributes: { name: 'Amsterdam' } });
    const nodes = state.collection<YetiRecord>('nodes');
    nodes.set({ id: '7', attributes: { name: 'fra-node-01', 'rpc-endpoint': '203.0.113.10:7080' }, relationships: { pop: '4' } });
    nodes.set({ id: '8', attributes: { name: 'fra-node-02', 'rpc-endpoint': '203.0.113.11:7080' }, relationships: { pop: '4' } });
    const registrations = state.collection<YetiRecord>('registrations');
    registrations.set({
      id: '9',
      attributes: {
        'auth-password': '111111',
        'auth-user': '100',
        contact: 'sip:100@203.0.113.20:5060',
        'display-username': 'Office PBX',
        domain: 'sip.example.net',
        enabled: true,
        expire: 3600,
        'force-expire': false,
        'max-attempts': null,
        name: 'office-pbx-main',
        'route-set': ['sip:edge1.sip.example.net;lr'],
        'retry-delay': 5,
        'sip-interface-name': null,
        username: '100',
        'sip-schema-id': 1,
      },
      relationships: { 'transport-protocol': '1', pop: '4', node: '7' },
    });
    registrations.sequence = 9;
  },
};

export const yetiResourceHandlers: Record<string, OperationHandler> = {
  ...crud(registrationRules, 'Registration'),
  ...relationshipHandlers(registrationRules, 'Registration'),
  ...crud(popRules, 'Pop'),
  ...crud(nodeRules, 'Node'),
  ...relationshipHandlers(nodeRules, 'Node'),
  listTransportProtocols: listHandler(transportProtocolRules),
  getTransportProtocol: getHandler(transportProtocolRules),
};

/** The six operations of a writable resource, by the spec's operationId naming (listPops, replacePop...). */
function crud(rules: ResourceRules, name: string): Record<string, OperationHandler> {
  return {
    [`list${name}s`]: listHandler(rules),
    [`create${name}`]: createHandler(rules),
    [`get${name}`]: getHandler(rules),
    [`update${name}`]: updateHandler(rules),
    [`replace${name}`]: updateHandler(rules),
    [`delete${name}`]: deleteHandler(rules),
  };
}

/**
 * A stored record is checked as the get operation would show it with every relationship's
 * linkage, so a bad relationship id is refused too. Unknown attributes are kept in the rendered
 * object so the spec refuses them, and missing ones show as null so it refuses those.
 */
function checkedAs(type: string, operationId: string): CollectionDefinition {
  const kind = KINDS[type];
  return {
    operationId,
    render(record: StoredRecord, context: RenderContext) {
      const yeti = record as YetiRecord;
      const view = { baseUrl: context.baseUrl, fields: {}, include: new Map(Object.keys(kind.relationships).map((name) => [name, NO_INCLUDE])) };
      const object = toResourceObject(kind, yeti, view);
      if (yeti.attributes && typeof yeti.attributes === 'object') object.attributes = { ...(object.attributes as object), ...yeti.attributes };
      return { data: object };
    },
  };
}
