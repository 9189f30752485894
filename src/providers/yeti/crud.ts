import type { HandlerContext, MockResponse, OperationHandler } from '../types.js';
import { parseCreate, parseUpdate, type ResourceInput } from './document-parser.js';
import { toIntegerKey } from './filters.js';
import { JSONAPI_ERRORS as E, YetiErrors, fail, type ResourceError } from './jsonapi-errors.js';
import { applyFilters, paginate, sortRecords } from './list-query.js';
import { parseQuery, parseQueryOrFail, type ParsedQuery } from './query-parser.js';
import { toIncluded, toResourceObject, type ResourceKind, type View, type YetiRecord } from './resource-objects.js';
import { resolver, type RecordSource } from './records.js';
import { rubyInteger } from './ruby.js';

const JSON_API = { 'content-type': 'application/vnd.api+json' };

/** A record about to be saved, and why the database would refuse it (Yeti's 500) when it would. */
export type Assignment = { record: YetiRecord; saveFailure?: string };

/** One resource of the admin API: where its records live and the rules of its model. */
export type ResourceRules = {
  kind: ResourceKind;
  source(context: HandlerContext): RecordSource;
  /** Whether a create may send `data.id` (creatable_fields includes :id). */
  creatableId: boolean;
  /** The record a create (no stored record) or an update makes of the document, cast as the model casts. */
  assign?(stored: YetiRecord | undefined, input: ResourceInput, context: HandlerContext): Assignment;
  /** The model's validations of a record about to be saved: 422 errors. */
  validate?(record: YetiRecord, input: ResourceInput, context: HandlerContext, isNew: boolean): ResourceError[];
  /** Why a record cannot be deleted (`restrict_with_error`), when it cannot. */
  blockDelete?(record: YetiRecord, context: HandlerContext): string | undefined;
};

export function listHandler(rules: ResourceRules): OperationHandler {
  return (request, context) => {
    const query = parseQueryOrFail(request, rules.kind, 'index', context.baseUrl);
    const matching = applyFilters(rules.source(context).list(), query.filters);
    const page = paginate(sortRecords(matching, query.sort), query.page, request, context.baseUrl);
    return document(rules.kind, page.items, query.view, context, { links: page.links, meta: page.meta });
  };
}

export function getHandler(rules: ResourceRules): OperationHandler {
  return (request, context) => {
    const query = parseQueryOrFail(request, rules.kind, 'show', context.baseUrl);
    const record = findByKey(rules, context, verifyKey(request.pathParams.id));
    return document(rules.kind, record, query.view, context);
  };
}

export function createHandler(rules: ResourceRules): OperationHandler {
  return (request, context) => {
    const query = parseQuery(request, rules.kind, 'write', context.baseUrl);
    const input = withQueryErrors(query, () => parseCreate(request.body, { kind: rules.kind, creatableId: rules.creatableId }));
    const { record, saveFailure } = rules.assign!(undefined, input, context);
    refuseInvalid(rules.validate?.(record, input, context, true) ?? []);
    if (saveFailure) return internalServerError();
    const collection = context.state.collection<YetiRecord>(rules.kind.type);
    if (record.id === '') record.id = collection.nextId();
    collection.insert(record);
    const created = document(rules.kind, record, query.view, context);
    // render_results sets Location to the created resource's self link.
    const self = (created.body as { data: { links: { self: string } } }).data.links.self;
    return { ...created, status: 201, headers: { ...created.headers, location: self } };
  };
}

/** PATCH and PUT alike: only the attributes and relationships sent change. */
export function updateHandler(rules: ResourceRules): OperationHandler {
  return (request, context) => {
    const query = parseQuery(request, rules.kind, 'write', context.baseUrl);
    const input = withQueryErrors(query, () => parseUpdate(request.body, { kind: rules.kind, creatableId: false }, request.pathParams.id));
    // replace_fields finds the record by the key as text: ActiveRecord casts it (`9abc` finds 9).
    const stored = findByKey(rules, context, toIntegerKey(input.key), input.key);
    const { record, saveFailure } = rules.assign!(stored, input, context);
    refuseInvalid(rules.validate?.(record, input, context, false) ?? []);
    if (saveFailure) return internalServerError();
    context.state.collection<YetiRecord>(rules.kind.type).update(record);
    return document(rules.kind, record, query.view, context);
  };
}

export function deleteHandler(rules: ResourceRules): OperationHandler {
  return (request, context) => {
    const record = findByKey(rules, context, verifyKey(request.pathParams.id));
    const blocked = rules.blockDelete?.(record, context);
    if (blocked) fail({ title: blocked, detail: blocked, code: '100', source: { pointer: '/data' }, status: '422' });
    context.state.collection<YetiRecord>(rules.kind.type).remove(record.id);
    return { status: 204 };
  };
}

/** `verify_key` with the integer key type: Ruby's `Integer()`, else 400 code 103. */
export function verifyKey(id: string): string {
  const key = rubyInteger(id);
  if (key === undefined) fail(E.invalidFieldValue('id', id));
  return String(key);
}

/** The stored id a URL id names, for a replayed delete: Ruby's `Integer()`, or the text as given. */
export function keyOf(id: string): string {
  const key = rubyInteger(id);
  return key === undefined ? id : String(key);
}

/** `find_by_key`: the record, or 404 naming the key as jsonapi-resources holds it. */
export function findByKey(rules: ResourceRules, context: HandlerContext, key: string | undefined, shown = key): YetiRecord {
  const record = key === undefined ? undefined : rules.source(context).get(key);
  if (!record) fail(E.recordNotFound(shown ?? ''));
  return record;
}

/** A 422 error of the model on an attribute or relationship (ValidationErrors#json_api_error). */
export function validationError(member: 'attributes' | 'relationships', name: string, message: string): ResourceError {
  return { title: message, detail: `${name} - ${message}`, code: '100', source: { pointer: `/data/${member}/${name}` }, status: '422' };
}

/** Yeti's uniqueness validation: another record of the collection has the same value. */
export function taken(records: YetiRecord[], record: YetiRecord, attribute: string): ResourceError[] {
  const value = record.attributes[attribute];
  const clash = records.some((other) => other.id !== record.id && other.attributes[attribute] === value);
  return clash ? [validationError('attributes', attribute, 'has already been taken')] : [];
}

/** The generic 500 of jsonapi-resources for an exception that is not its own (production: no meta). */
export function internalServerError(): MockResponse {
  return { status: 500, headers: JSON_API, body: { errors: [E.internalServerError()] } };
}

/** A resource document (one record, a list, or null), with `included` for the request's include. */
export function document(kind: ResourceKind, records: YetiRecord | YetiRecord[] | null, view: View, context: HandlerContext, extra: Record<string, unknown> = {}): MockResponse {
  const list = records === null ? [] : Array.isArray(records) ? records : [records];
  const objects = list.map((record) => toResourceObject(kind, record, view));
  const body: Record<string, unknown> = { data: Array.isArray(records) ? objects : (objects[0] ?? null) };
  const included = toIncluded(kind, list, view, resolver(context));
  // jsonapi-resources leaves `included` out when there is nothing to include.
  if (included.length > 0) body.included = included;
  return { status: 200, headers: JSON_API, body: { ...body, ...extra } };
}

/** Answers the query's collected errors together with the document's, as setup_<action>_action does. */
function withQueryErrors<T>(query: ParsedQuery, parse: () => T): T {
  let parsed: T;
  try {
    parsed = parse();
  } catch (error) {
    if (error instanceof YetiErrors && query.errors.length > 0) fail(...query.errors, ...error.errors);
    throw error;
  }
  if (query.errors.length > 0) fail(...query.errors);
  return parsed;
}

function refuseInvalid(errors: ResourceError[]): void {
  if (errors.length > 0) fail(...errors);
}

