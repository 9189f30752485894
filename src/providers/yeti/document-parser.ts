import { JSONAPI_ERRORS as E, fail } from './jsonapi-errors.js';
import type { ResourceKind } from './resource-objects.js';
import { isBlank, rubyInteger, rubyToS, underscore } from './ruby.js';

/** What a create or update document carries: raw attribute values, relationship ids (null clears). */
export type ResourceInput = {
  id?: unknown;
  attributes: Record<string, unknown>;
  relationships: Record<string, string | null>;
};

/** Which members a resource takes on create and on update (creatable_fields / updatable_fields). */
export type Writable = { kind: ResourceKind; creatableId: boolean };

type Json = Record<string, unknown>;
const isHash = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Where Yeti raises a Ruby exception that is no JSONAPI error (NoMethodError on a string where a
 * hash belongs...), it answers its generic 500. The mock answers a 400 that says what is wrong
 * instead, so the client sees its mistake (specs/README.md, known limits).
 */
function refuseMalformed(why: string): never {
  fail(E.badRequest(why));
}

/** The JSON:API media-type parser (mime_types.rb): a body that is not a JSON object. */
export function requireHashBody(body: unknown): Json {
  if (!isHash(body)) fail(E.badRequest('Request must be a hash'));
  return body;
}

/** `params.require(:data)`: present (or the singleton false), else 106. */
function requireData(body: unknown): unknown {
  const data = requireHashBody(body).data;
  if (data !== false && isBlank(data)) fail(E.paramMissing('data'));
  return data;
}

/** request_parser.rb parse_add_operation. */
export function parseCreate(body: unknown, writable: Writable): ResourceInput {
  const data = requireData(body);
  if (!isHash(data)) fail(E.invalidDataFormat());
  verifyType(data.type, writable.kind);
  return parseParams(data, writable.kind, writable.creatableId);
}

/** request_parser.rb parse_single_replace_operation: the key is compared with the URL's as text. */
export function parseUpdate(body: unknown, writable: Writable, urlId: string): ResourceInput & { key: string } {
  const data = requireData(body);
  if (!isHash(data)) fail(E.invalidDataFormat());
  if (data.id === null || data.id === undefined) fail(E.missingKey());
  const key = rubyToS(data.id);
  if (key !== urlId) fail(E.keyNotIncludedInUrl(key));
  const { id: _id, ...rest } = data;
  verifyType(rest.type, writable.kind);
  return { ...parseParams(rest, writable.kind, false), key };
}

/** parse_modify_relationship_action for a to-one relationship: `params.fetch(:data)`, then the linkage. */
export function parseRelationshipUpdate(body: unknown, kind: ResourceKind, name: string): string | null {
  const document = requireHashBody(body);
  if (!('data' in document)) fail(E.paramMissing('data'));
  return parseToOne({ data: document.data }, kind, name);
}

function verifyType(type: unknown, kind: ResourceKind): void {
  if (type === null || type === undefined) fail(E.paramMissing('type'));
  if (underscore(rubyToS(type)) !== underscore(kind.type)) fail(E.invalidResource(rubyToS(type)));
}

/** verify_permitted_params (the first member not allowed is a 105), then parse_params. */
function parseParams(data: Json, kind: ResourceKind, idAllowed: boolean): ResourceInput {
  for (const [key, value] of Object.entries(data)) {
    if (key === 'type') continue;
    if (key === 'id' && idAllowed) continue;
    if (key !== 'attributes' && key !== 'relationships') fail(E.paramNotAllowed(key));
    if (!isHash(value)) refuseMalformed(`${key} must be a hash`);
    // The allowed fields are the same list for both members: attributes and relationships alike.
    const unknown = Object.keys(value).find((name) => !kind.attributes.includes(name) && !Object.hasOwn(kind.relationships, name));
    if (unknown !== undefined) fail(E.paramNotAllowed(unknown));
  }
  const input: ResourceInput = { attributes: {}, relationships: {} };
  for (const [key, value] of Object.entries(data)) {
    if (key === 'id') input.id = value;
    if (key === 'attributes') {
      const relationship = Object.keys(value as Json).find((name) => Object.hasOwn(kind.relationships, name));
      // `pop=` on the model with a plain value raises ActiveRecord::AssociationTypeMismatch.
      if (relationship !== undefined) refuseMalformed(`${relationship} is a relationship, not an attribute`);
      input.attributes = { ...(value as Json) };
    }
    if (key !== 'relationships') continue;
    for (const [name, link] of Object.entries(value as Json)) {
      // An attribute named under relationships is neither to-one nor to-many: parse_params skips it.
      if (Object.hasOwn(kind.relationships, name)) input.relationships[name] = parseToOne(link, kind, name);
    }
  }
  return input;
}

/** parse_to_one_relationship + parse_to_one_links_object: the related id as text, or null. */
function parseToOne(link: unknown, kind: ResourceKind, name: string): string | null {
  if (link === null || link === undefined) return null;
  if (!isHash(link)) refuseMalformed(`${name} must be a hash`);
  const linkage = link.data;
  if (linkage === null || linkage === undefined) return null;
  if (!isHash(linkage) || Object.keys(linkage).length !== 2 || !('type' in linkage) || !('id' in linkage)) fail(E.invalidLinksObject());
  const type = underscore(rubyToS(linkage.type));
  if (type !== underscore(kind.relationships[name].type)) fail(E.typeMismatch(type));
  if (linkage.id === null) return null;
  const id = rubyInteger(linkage.id);
  if (id === undefined) fail(E.invalidFieldValue('id', rubyToS(linkage.id)));
  return String(id);
}
