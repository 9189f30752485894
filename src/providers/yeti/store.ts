import type { StoredRecord } from '../../state/collection.js';
import { keyOf } from './crud.js';
import type { IdStrategy } from '../../state/collection.js';
import type { CollectionDefinition, ProviderResources, RenderContext, ReplayRule } from '../types.js';
import { KINDS, NO_INCLUDE, fromResourceObject, relationshipOperation, toResourceObject, type YetiRecord } from './resource-objects.js';

/**
 * Every account starts with the spec's examples: registration 9 (on UDP, PoP 4, node 7), PoPs 4
 * and 5, nodes 7 and 8 of PoP 4. PoP 5 and node 8 are in use by nothing, so they can be deleted.
 * Registration ids continue after 9.
 */
export const yetiCollections: ProviderResources['collections'] = {
  // Registration ids are the database's: increasing integers. PoPs and nodes are named by the client.
  registrations: checkedAs('registrations', 'Registration', { sequence: { start: 1 } }, { 'transport-protocol': false, pop: true, node: true }),
  pops: checkedAs('pops', 'Pop', 'client'),
  nodes: checkedAs('nodes', 'Node', 'client', { pop: false }),
};

export const seedYeti: ProviderResources['seed'] = (state) => {
    const pops = state.collection<YetiRecord>('pops');
    pops.insert({ id: '4', attributes: { name: 'Frankfurt' } });
    pops.insert({ id: '5', attributes: { name: 'Amsterdam' } });
    const nodes = state.collection<YetiRecord>('nodes');
    nodes.insert({ id: '7', attributes: { name: 'fra-node-01', 'rpc-endpoint': '203.0.113.10:7080' }, relationships: { pop: '4' } });
    nodes.insert({ id: '8', attributes: { name: 'fra-node-02', 'rpc-endpoint': '203.0.113.11:7080' }, relationships: { pop: '4' } });
    const registrations = state.collection<YetiRecord>('registrations');
    registrations.insert({
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
};

/**
 * A stored record is checked as the get operation would show it with every relationship's
 * linkage, so a bad relationship id is refused too. Unknown attributes are kept in the rendered
 * object so the spec refuses them, and missing ones show as null so it refuses those.
 */
function checkedAs(type: string, name: string, ids: IdStrategy, relationships: Record<string, boolean> = {}): CollectionDefinition {
  const kind = KINDS[type];
  // A recorded answer carries the resource object as stored after the write.
  const upsert: ReplayRule = (_, body, stored) => {
    const object = (body as { data: Record<string, unknown> }).data;
    return { upsert: [fromResourceObject(object, stored.get(String(object.id)) as YetiRecord | undefined)] };
  };
  return {
    operationId: `get${name}`,
    ids,
    replay: {
      [`create${name}`]: upsert,
      [`update${name}`]: upsert,
      [`replace${name}`]: upsert,
      [`delete${name}`]: (request) => ({ remove: [keyOf(request.pathParams.id)] }),
      ...relationshipReplays(name, relationships),
    },
    render(record: StoredRecord, context: RenderContext) {
      const yeti = record as YetiRecord;
      const view = { baseUrl: context.baseUrl, fields: {}, include: new Map(Object.keys(kind.relationships).map((relationship) => [relationship, NO_INCLUDE])) };
      const object = toResourceObject(kind, yeti, view);
      if (yeti.attributes && typeof yeti.attributes === 'object') object.attributes = { ...(object.attributes as object), ...yeti.attributes };
      return { data: object };
    },
  };
}

/**
 * A replayed relationship change answers 204 without a body: the change is the request's linkage
 * (or none, for a DELETE), applied to the parent the path names. Values: whether DELETE is routed.
 */
function relationshipReplays(name: string, relationships: Record<string, boolean>): Record<string, ReplayRule> {
  const rules: Record<string, ReplayRule> = {};
  for (const [relationship, destroyable] of Object.entries(relationships)) {
    const operation = `${relationshipOperation(name, relationship)}Relationship`;
    const change = (clear: boolean): ReplayRule => (request, _body, stored) => {
      const record = stored.get(keyOf(request.pathParams[`${name.toLowerCase()}_id`])) as YetiRecord | undefined;
      if (!record) return {};
      const linkage = clear ? null : (request.body as { data?: { id?: unknown } | null } | undefined)?.data;
      const id = linkage?.id === undefined || linkage.id === null ? null : keyOf(String(linkage.id));
      return { upsert: [{ ...record, relationships: { ...record.relationships, [relationship]: id } }] };
    };
    rules[`update${operation}`] = change(false);
    rules[`replace${operation}`] = change(false);
    if (destroyable) rules[`delete${operation}`] = change(true);
  }
  return rules;
}
