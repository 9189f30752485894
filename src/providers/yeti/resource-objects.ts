import type { StoredRecord } from '../../state/collection.js';
import { byId, byName, ransackFilters, type Filter } from './filters.js';

/** The admin API's path prefix, after the provider's base URL. */
export const ADMIN = '/api/rest/admin';

/**
 * A stored Yeti resource: its attributes (dasherized keys) and the ids of its to-one
 * relationships (null when unset). Ids are integers serialised as strings.
 */
export type YetiRecord = StoredRecord & {
  attributes: Record<string, unknown>;
  relationships?: Record<string, string | null>;
};

/** One jsonapi-resources resource class: its type, attributes in declaration order, relationships. */
export type ResourceKind = {
  type: string;
  attributes: readonly string[];
  /** Related type by relationship name; `alwaysLinkage` relationships carry `data` without `include`. */
  relationships: Readonly<Record<string, { type: string; alwaysLinkage?: boolean }>>;
  /** The allowed filters, by unformatted name (`rpc_endpoint_eq`); jsonapi-resources always allows `id`. */
  filters: Readonly<Record<string, Filter>>;
};

export const REGISTRATIONS: ResourceKind = {
  type: 'registrations',
  // Yeti's order (the seed response of its API documentation).
  attributes: [
    'auth-password',
    'auth-user',
    'contact',
    'display-username',
    'domain',
    'enabled',
    'expire',
    'force-expire',
    'max-attempts',
    'name',
    'route-set',
    'retry-delay',
    'sip-interface-name',
    'username',
    'sip-schema-id',
  ],
  relationships: { 'transport-protocol': { type: 'transport-protocols' }, pop: { type: 'pops' }, node: { type: 'nodes' } },
  filters: { id: byId },
};

const nameOf = (record: YetiRecord) => record.attributes.name;

/** yeti-web app/resources/api/rest/admin/pop_resource.rb: `filter :name` and `ransack_filter :name, type: :string`. */
export const POPS: ResourceKind = {
  type: 'pops',
  attributes: ['name'],
  relationships: {},
  filters: { id: byId, name: byName, ...ransackFilters('name', 'string', nameOf) },
};

/** yeti-web app/resources/api/rest/admin/node_resource.rb: ransack filters on pop_id, id, name and rpc_endpoint. */
export const NODES: ResourceKind = {
  type: 'nodes',
  attributes: ['name', 'rpc-endpoint'],
  relationships: { pop: { type: 'pops', alwaysLinkage: true } },
  filters: {
    id: byId,
    ...ransackFilters('pop_id', 'foreign_key', (record) => record.relationships?.pop ?? null),
    ...ransackFilters('id', 'number', (record) => record.id),
    ...ransackFilters('name', 'string', nameOf),
    ...ransackFilters('rpc_endpoint', 'string', (record) => record.attributes['rpc-endpoint']),
  },
};

/** yeti-web app/resources/api/rest/admin/transport_protocol_resource.rb: `filter :name`. */
export const TRANSPORT_PROTOCOLS: ResourceKind = { type: 'transport-protocols', attributes: ['name'], relationships: {}, filters: { id: byId, name: byName } };

export const KINDS: Readonly<Record<string, ResourceKind>> = Object.fromEntries(
  [REGISTRATIONS, POPS, NODES, TRANSPORT_PROTOCOLS].map((kind) => [kind.type, kind]),
);

/** How one response shows its resources: absolute links, sparse fieldsets, included relationships. */
export type View = {
  baseUrl: string;
  /** `fields[<type>]`, by type; a type without an entry shows every field. */
  fields: Record<string, string[]>;
  /** The `include` paths from the resources shown: relationship name → the paths below it. */
  include: IncludeTree;
};

/** `include=node.pop` as { node: { pop: {} } }. */
export interface IncludeTree extends ReadonlyMap<string, IncludeTree> {}

export const NO_INCLUDE: IncludeTree = new Map();

/**
 * A resource object as jsonapi-resources 0.9 serialises it: id, type, links, then the attributes
 * and relationships of the fieldset (each member left out when it would be empty). Relationship
 * `data` appears only for included (or always-linked) relationships.
 */
export function toResourceObject(kind: ResourceKind, record: YetiRecord, view: View): Record<string, unknown> {
  const fieldset = view.fields[kind.type];
  const shown = (name: string) => fieldset === undefined || fieldset.includes(name);
  const self = `${view.baseUrl}${ADMIN}/${kind.type}/${record.id}`;
  const object: Record<string, unknown> = { id: record.id, type: kind.type, links: { self } };
  const attributes = kind.attributes.filter(shown).map((name) => [name, record.attributes?.[name] ?? null]);
  if (attributes.length > 0) object.attributes = Object.fromEntries(attributes);
  const relationships: Record<string, unknown> = {};
  for (const [name, relationship] of Object.entries(kind.relationships)) {
    if (!shown(name)) continue;
    const entry: Record<string, unknown> = { links: { self: `${self}/relationships/${name}`, related: `${self}/${name}` } };
    if (relationship.alwaysLinkage || view.include.has(name)) entry.data = linkage(relationship.type, relatedId(record, name));
    relationships[name] = entry;
  }
  if (Object.keys(relationships).length > 0) object.relationships = relationships;
  return object;
}

/** The operationId stem of a relationship's routes: ('Registration', 'transport-protocol') → RegistrationTransportProtocol. */
export function relationshipOperation(name: string, relationship: string): string {
  return `${name}${relationship.split('-').map((word) => word[0].toUpperCase() + word.slice(1)).join('')}`;
}

/** Finds a stored resource of any type, for `included`. */
export type Resolver = (type: string, id: string) => YetiRecord | undefined;

/**
 * The `included` array: the related resources of every primary resource, for the included
 * relationships of its fieldset, grouped by type in the order the types were met (as
 * jsonapi-resources collects them) and without duplicates.
 */
export function toIncluded(kind: ResourceKind, records: YetiRecord[], view: View, resolve: Resolver): Record<string, unknown>[] {
  const groups = new Map<string, Map<string, Record<string, unknown>>>();
  const visit = (current: ResourceKind, shown: YetiRecord[], tree: IncludeTree) => {
    const fieldset = view.fields[current.type];
    for (const record of shown) {
      for (const [name, relationship] of Object.entries(current.relationships)) {
        const below = tree.get(name);
        if (!below || (fieldset !== undefined && !fieldset.includes(name))) continue;
        const id = relatedId(record, name);
        const related = id === null ? undefined : resolve(relationship.type, id);
        if (!related) continue;
        let group = groups.get(relationship.type);
        if (!group) groups.set(relationship.type, (group = new Map()));
        if (!group.has(related.id)) group.set(related.id, toResourceObject(KINDS[relationship.type], related, { ...view, include: below }));
        // Nested paths (node.pop) include the related resource's own relationships too.
        if (below.size > 0) visit(KINDS[relationship.type], [related], below);
      }
    }
  };
  visit(kind, records, view.include);
  return [...groups.values()].flatMap((group) => [...group.values()]);
}

/** The id a relationship points at, as a string, or null. */
export function relatedId(record: YetiRecord, name: string): string | null {
  const id = record.relationships?.[name];
  return id === null || id === undefined ? null : String(id);
}

function linkage(type: string, id: string | null) {
  return id === null ? null : { type, id };
}

/**
 * The record a recorded resource object describes, over what is stored under its id: attributes
 * as shown, relationships where the object carries linkage (a recorded answer often shows links only).
 */
export function fromResourceObject(object: Record<string, unknown>, stored: YetiRecord | undefined): YetiRecord {
  const attributes = { ...stored?.attributes, ...(object.attributes as Record<string, unknown> | undefined) };
  const relationships: Record<string, string | null> = { ...stored?.relationships };
  for (const [name, member] of Object.entries((object.relationships as Record<string, { data?: { id: unknown } | null }> | undefined) ?? {})) {
    if (member && 'data' in member) relationships[name] = member.data ? String(member.data.id) : null;
  }
  return { id: String(object.id), attributes, relationships };
}
