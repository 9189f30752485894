import type { Faker } from '@faker-js/faker';
import { seededFaker } from './faker.js';
import { stableHash } from './stable-hash.js';

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
};

/** Generated dates fall in the year before this fixed day, so seeded bodies are the same on every run. */
const REFERENCE_DATE = '2026-01-01T00:00:00Z';

/** Realistic strings for the field names SIP-gateway APIs use, chosen by (lower-case) name. */
const BY_NAME: Array<[RegExp, (faker: Faker) => string]> = [
  [/(^|_|-)(uri|contact|route)(s|-set)?$/, (f) => `sip:${f.internet.username().toLowerCase().replace(/[^a-z0-9]/g, '')}@${f.internet.domainName()}`],
  [/(^|_|-)(ip|ipordomain|gateway)$/, (f) => f.internet.ipv4()],
  [/(domain|realm|host)$/, (f) => `sip.${f.internet.domainName()}`],
  [/proxy$/, (f) => `${f.internet.ipv4()}:5060`],
  [/password$/, (f) => f.internet.password({ length: 16 })],
  [/(user|username|from_user)$/, (f) => f.internet.username().toLowerCase()],
  [/(^|_|-)(display_)?name$/, (f) => `${f.company.name()} ${f.helpers.arrayElement(['PBX', 'SIP Trunk', 'Gateway', 'Edge'])}`],
  [/(endpoint|url)$/, (f) => `https://${f.internet.domainName()}/rpc`],
  [/acl$/, (f) => `${f.internet.ipv4()}/32`],
  [/^(self|related|first|last|next|prev)$/, (f) => `https://api.${f.internet.domainName()}/${f.string.alphanumeric(8).toLowerCase()}`],
];

/**
 * Replaces the lorem-ipsum strings of schema-generated data with realistic ones (SIP URIs, IPv4
 * hosts, domains, user names, recent timestamps), guided by the schema: values constrained by an
 * enum, const or an unknown format are left alone, and a replacement that breaks a length limit or
 * the field's pattern is dropped. The caller still validates the result and keeps the original if it fails.
 */
export function makeRealistic(value: unknown, schema: object | undefined, seed: string | undefined): unknown {
  const faker = seededFaker(seed === undefined ? Math.floor(Math.random() * 2 ** 31) : stableHash(`realistic:${seed}`));
  return walk(value, schema as Schema | undefined, '', faker);
}

function walk(value: unknown, schema: Schema | undefined, key: string, faker: Faker): unknown {
  const resolved = resolve(value, schema);
  if (Array.isArray(value)) return value.map((item) => walk(item, resolved?.items, key, faker));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, walk(item, resolved?.properties?.[name], name, faker)]));
  }
  if (typeof value !== 'string' || !resolved) return value;
  return realisticString(value, resolved, key.toLowerCase(), faker);
}

function realisticString(value: string, schema: Schema, key: string, faker: Faker): string {
  if (schema.enum || schema.const !== undefined) return value;
  let replacement: string | undefined;
  if (schema.format === 'date-time') replacement = faker.date.recent({ days: 365, refDate: REFERENCE_DATE }).toISOString().replace(/\.\d{3}Z$/, 'Z');
  else if (schema.format === 'ipv4') replacement = faker.internet.ipv4();
  else if (schema.format === 'email') replacement = faker.internet.email().toLowerCase();
  else if (schema.format === undefined) replacement = BY_NAME.find(([pattern]) => pattern.test(key))?.[1](faker);
  if (replacement === undefined) return value;
  const fits =
    replacement.length >= (schema.minLength ?? 0) &&
    replacement.length <= (schema.maxLength ?? Infinity) &&
    (schema.pattern === undefined || new RegExp(schema.pattern, 'u').test(replacement));
  return fits ? replacement : value;
}

/** The sub-schema that describes `value`: allOf merged shallowly, the first fitting anyOf/oneOf branch. */
function resolve(value: unknown, schema: Schema | undefined): Schema | undefined {
  if (!schema) return undefined;
  if (schema.allOf) return schema.allOf.reduce<Schema>((merged, part) => ({ ...merged, ...resolve(value, part), properties: { ...merged.properties, ...resolve(value, part)?.properties } }), { ...schema, allOf: undefined });
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return resolve(value, branches.find((branch) => admits(branch, value)) ?? branches[0]);
  return schema;
}

function admits(schema: Schema, value: unknown): boolean {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length === 0) return true;
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}
