import { MockError } from '../../errors.js';
import type { StoredRecord } from '../../state/collection.js';

/** A gateway's attributes, exactly as the API returns them. */
export type GatewayAttributes = {
  name: string;
  provider: string;
  username: string | null;
  password: string | null;
  realm: string | null;
  proxy: string | null;
  register: boolean;
  from_domain: string | null;
  from_user: string | null;
  inbound_acl: string[];
};

/** A stored gateway: its id and its attributes, flat. */
export type GatewayRecord = StoredRecord & GatewayAttributes;

/** The attributes in the order the API documents them. */
export const ATTRIBUTES = [
  'name',
  'provider',
  'username',
  'password',
  'realm',
  'proxy',
  'register',
  'from_domain',
  'from_user',
  'inbound_acl',
] as const satisfies ReadonlyArray<keyof GatewayAttributes>;

/** What create fills in for an attribute it was not given. */
export const DEFAULTS: Omit<GatewayAttributes, 'name' | 'provider'> = {
  username: null,
  password: null,
  realm: null,
  proxy: null,
  register: false,
  from_domain: null,
  from_user: null,
  inbound_acl: [],
};

/** Attribute names `sort` and `filter` accept: the spec's list, which leaves out `password`. */
export const PUBLIC_FIELDS: readonly string[] = ['id', ...ATTRIBUTES.filter((name) => name !== 'password')];

/** Names a sparse fieldset accepts: the public attributes and the `organisation` relationship. */
export const FIELD_NAMES: readonly string[] = [...PUBLIC_FIELDS, 'organisation'];

/** The Ash type of each filterable attribute, which decides how a filter operand is cast. */
export const FILTERABLE: Record<string, 'string' | 'boolean' | 'array' | 'uuid'> = Object.fromEntries(
  PUBLIC_FIELDS.map((name) => [name, name === 'id' ? 'uuid' : name === 'register' ? 'boolean' : name === 'inbound_acl' ? 'array' : 'string']),
);

export const MEDIA_TYPE = { 'content-type': 'application/vnd.api+json' };

/** Every account starts with the spec's own example gateway, so documented requests work as they are. */
export const SEED_GATEWAY: GatewayRecord = {
  id: '3f6c2a1e-8b4d-4c57-9e21-6a0d5b7c9f13',
  name: 'Vonage UK trunk',
  provider: 'vonage',
  username: 'sippet-uk-01',
  password: 'example-sip-password',
  realm: 'sip.example.net',
  proxy: '203.0.113.10:5060',
  register: true,
  from_domain: 'sip.example.net',
  from_user: '442079460123',
  inbound_acl: ['203.0.113.0/24'],
};

/**
 * A Gateway resource object as AshJsonApi serializes it. `fields` is the sparse fieldset: only
 * those attributes are rendered (`id` is the primary key and never an attribute).
 */
export function toResource(record: GatewayRecord, baseUrl: string, fields?: readonly string[]) {
  const names = fields ? ATTRIBUTES.filter((name) => fields.includes(name)) : ATTRIBUTES;
  return {
    id: record.id,
    type: 'Gateway',
    attributes: Object.fromEntries(names.map((name) => [name, record[name]])),
    // No relationship route is published, so the organisation carries neither links nor linkage.
    relationships: { organisation: { links: {}, meta: {} } },
    links: { self: `${baseUrl}/api/gateways/${record.id}` },
    meta: {},
  };
}

/** A single-resource document; `self` is the URL the client asked for, query included. */
export function toDocument(record: GatewayRecord, baseUrl: string, self: string, fields?: readonly string[]) {
  // Every controller assigns the route's metadata, `%{}` by default, as the top-level meta.
  return { data: toResource(record, baseUrl, fields), jsonapi: { version: '1.0' }, links: { self }, meta: {} };
}

/**
 * The control API's check for a record given to PUT /__sipmock/state/sippet: the response schema
 * cannot require attributes (sparse fieldsets leave some out), so completeness is checked here.
 */
export function renderStored(record: StoredRecord, baseUrl: string) {
  const missing = ATTRIBUTES.filter((name) => !(name in record));
  const unknown = Object.keys(record).filter((name) => name !== 'id' && !(ATTRIBUTES as readonly string[]).includes(name));
  if (missing.length > 0 || unknown.length > 0) {
    const why = missing.length > 0 ? `lacks ${missing.join(', ')}` : `has unknown attributes ${unknown.join(', ')}`;
    throw new MockError('MOCK_ERR_STATE_INVALID', { provider: 'sippet', why: `gateway "${record.id}" ${why}` });
  }
  const gateway = record as GatewayRecord;
  return toDocument(gateway, baseUrl, `${baseUrl}/api/gateways/${gateway.id}`);
}
