import { MockError, type Violation } from '../../errors.js';
import type { HandlerContext, RoutedRequest, MockResponse, OperationHandler } from '../types.js';
import { applyFilters, paginate, readView, sortRecords, type Filter } from './list-query.js';
import { toIncluded, toResourceObject, type ResourceKind, type View, type YetiRecord } from './resource-objects.js';
import { resolver, type RecordSource } from './records.js';

const JSON_API = { 'content-type': 'application/vnd.api+json' };

/** What a create or update document carries, with relationship ids normalised. */
export type ResourceInput = {
  id?: string;
  attributes: Record<string, unknown>;
  relationships: Record<string, string | null>;
};

/** One resource of the admin API: where its records live and the rules of its model. */
export type ResourceRules = {
  kind: ResourceKind;
  /** Human name for 404s and logs. */
  label: string;
  source(context: HandlerContext): RecordSource;
  filters: Record<string, Filter>;
  /** The new record a create document describes; an id of '' is assigned once the record is valid. */
  build?(input: ResourceInput, context: HandlerContext): YetiRecord;
  /** The model's validations of a record about to be saved, beyond what the spec checks. */
  validate?(record: YetiRecord, context: HandlerContext, isNew: boolean): Violation[];
  /** Why a record cannot be deleted (`restrict_with_error`), when it cannot. */
  blockDelete?(record: YetiRecord, context: HandlerContext): string | undefined;
};

export function listHandler(rules: ResourceRules): OperationHandler {
  return (request, context) => {
    const view = readView(request, context.baseUrl);
    const matching = applyFilters(rules.source(context).list(), request.query, rules.filters);
    const page = paginate(sortRecords(matching, request.query.sort), request, context.baseUrl);
    const body: Record<string, unknown> = { data: page.items.map((record) => toResourceObject(rules.kind, record, view)) };
    addIncluded(body, rules.kind, page.items, view, context);
    return ok(200, { ...body, links: page.links, meta: page.meta });
  };
}

export function getHandler(rules: ResourceRules): OperationHandler {
  return (request, context) => {
    const record = find(rules, request, context);
    const view = readView(request, context.baseUrl);
    const body: Record<string, unknown> = { data: toResourceObject(rules.kind, record, view) };
    addIncluded(body, rules.kind, [record], view, context);
    return ok(200, body);
  };
}

export function createHandler(rules: ResourceRules): OperationHandler {
  return (request, context) => {
    const record = rules.build!(readInput(request.body), context);
    refuseInvalid(rules.validate?.(record, context, true) ?? []);
    const collection = context.state.collection<YetiRecord>(rules.kind.type);
    if (record.id === '') record.id = collection.nextId();
    collection.insert(record);
    return ok(201, { data: toResourceObject(rules.kind, record, plainView(context)) });
  };
}

/** PATCH and PUT alike: only the attributes and relationships sent change. */
export function updateHandler(rules: ResourceRules): OperationHandler {
  return (request, context) => {
    const input = readInput(request.body);
    const key = normalizeId(request.pathParams.id);
    if (input.id !== key) {
      throw new MockError('MOCK_ERR_VALIDATION', { summary: `data.id ${input.id} is not the URL's ${key}` }, [
        { location: 'body', path: ['data', 'id'], rule: 'business', code: '110', message: `The URL does not support the key ${input.id}` },
      ]);
    }
    const stored = find(rules, request, context);
    const record: YetiRecord = {
      ...stored,
      attributes: { ...stored.attributes, ...input.attributes },
      relationships: { ...stored.relationships, ...input.relationships },
    };
    refuseInvalid(rules.validate?.(record, context, false) ?? []);
    context.state.collection<YetiRecord>(rules.kind.type).update(record);
    return ok(200, { data: toResourceObject(rules.kind, record, plainView(context)) });
  };
}

export function deleteHandler(rules: ResourceRules): OperationHandler {
  return (request, context) => {
    const record = find(rules, request, context);
    const blocked = rules.blockDelete?.(record, context);
    if (blocked) refuseInvalid([{ location: 'body', path: ['data'], rule: 'business', message: blocked }]);
    context.state.collection<YetiRecord>(rules.kind.type).remove(record.id);
    return { status: 204 };
  };
}

/** The record a request's `{id}` names, or Yeti's 404. */
export function find(rules: ResourceRules, request: RoutedRequest, context: HandlerContext): YetiRecord {
  const record = rules.source(context).get(normalizeId(request.pathParams.id));
  if (!record) throw new MockError('MOCK_ERR_NOT_FOUND', { resource: rules.label, id: String(request.pathParams.id) });
  return record;
}

/** Integer ids as jsonapi-resources casts them: `9`, `"9"` and `"09"` are all "9". */
export function normalizeId(id: unknown): string {
  return String(id).replace(/^0+(?=\d)/, '');
}

/** A 422 violation of the model, on an attribute or relationship. */
export function modelViolation(member: 'attributes' | 'relationships', name: string, message: string): Violation {
  return { location: 'body', path: ['data', member, name], rule: 'business', code: '100', message };
}

/** Yeti's uniqueness validation: another record of the collection has the same value. */
export function taken(records: YetiRecord[], record: YetiRecord, attribute: string): Violation[] {
  const value = record.attributes[attribute];
  const clash = records.some((other) => other.id !== record.id && other.attributes[attribute] === value);
  return clash ? [modelViolation('attributes', attribute, 'has already been taken')] : [];
}

function refuseInvalid(violations: Violation[]): void {
  if (violations.length === 0) return;
  throw new MockError('MOCK_ERR_VALIDATION', { summary: violations.map((v) => `${v.path.join('.')} ${v.message}`).join('; ') }, violations);
}

function readInput(body: unknown): ResourceInput {
  const data = (body as { data: { id?: unknown; attributes?: Record<string, unknown>; relationships?: Record<string, { data: { id: unknown } | null }> } }).data;
  const relationships = Object.entries(data.relationships ?? {}).map(([name, { data: linkage }]) => [name, linkage === null ? null : normalizeId(linkage.id)]);
  return {
    id: data.id === undefined ? undefined : normalizeId(data.id),
    attributes: { ...data.attributes },
    relationships: Object.fromEntries(relationships),
  };
}

function addIncluded(body: Record<string, unknown>, kind: ResourceKind, records: YetiRecord[], view: View, context: HandlerContext): void {
  const included = toIncluded(kind, records, view, resolver(context));
  // jsonapi-resources leaves `included` out when there is nothing to include.
  if (included.length > 0) body.included = included;
}

function plainView(context: HandlerContext): View {
  return { baseUrl: context.baseUrl, fields: {}, include: new Set() };
}

function ok(status: number, body: unknown): MockResponse {
  return { status, headers: JSON_API, body };
}
