import type { ProviderRequest } from '../types.js';
import type { Filter } from './filters.js';
import { JSONAPI_ERRORS as E, fail, type ResourceError } from './jsonapi-errors.js';
import { KINDS, type IncludeTree, type ResourceKind, type View } from './resource-objects.js';
import { csvLine, dasherize, isBlank, rubyToI, underscore } from './ruby.js';
import { isYetiResourceType, singularize } from './yeti-types.js';

export type SortKey = { field: string; direction: 1 | -1 };
export type PageRequest = { number: number; size: number };
export type ParsedQuery = {
  view: View;
  filters: Array<{ filter: Filter; value: string }>;
  sort: SortKey[];
  page: PageRequest;
  /** The collected (not raised) errors; a write action answers them with those of its document. */
  errors: ResourceError[];
};

/** Which parts of the query a jsonapi-resources action reads (request_parser.rb setup_<action>_action). */
export type QueryAction = 'index' | 'show' | 'write' | 'related';

const DEFAULT_PAGE_SIZE = 50;
const MAXIMUM_PAGE_SIZE = 1000;

/**
 * Parses `fields`, `include`, `filter`, `sort` and `page` in jsonapi-resources' order. Fields and
 * sort errors are raised (they end the parse, dropping what was collected); include, filter and
 * page errors are collected and answered together.
 */
export function parseQuery(request: ProviderRequest, kind: ResourceKind, action: QueryAction, baseUrl: string): ParsedQuery {
  const errors: ResourceError[] = [];
  const fields = parseFields(nested(request, 'fields'));
  const include = parseInclude(request.query.include, kind, errors);
  const filters = action === 'write' ? [] : parseFilters(nested(request, 'filter'), kind, include, errors);
  const reads = action === 'index' || action === 'related';
  const sort = reads ? parseSort(request.query.sort, kind) : [];
  const page = reads ? parsePage(nested(request, 'page'), errors) : { number: 1, size: DEFAULT_PAGE_SIZE };
  return { view: { baseUrl, fields, include }, filters, sort, page, errors };
}

/** parseQuery for the actions that answer the collected errors at once (index, show, related). */
export function parseQueryOrFail(request: ProviderRequest, kind: ResourceKind, action: QueryAction, baseUrl: string): ParsedQuery {
  const query = parseQuery(request, kind, action, baseUrl);
  if (query.errors.length > 0) fail(...query.errors);
  return query;
}

/** A query parameter as Rails nests it: absent, a scalar (`fields=x`) or a hash (`fields[type]=x`). */
type Nested = { kind: 'absent' } | { kind: 'scalar'; value: string } | { kind: 'hash'; entries: Array<[string, string]> };

function nested(request: ProviderRequest, name: string): Nested {
  const entries: Array<[string, string]> = [];
  let scalar: string | undefined;
  for (const [key, value] of request.url.searchParams) {
    if (key === name) scalar = value;
    else if (key.startsWith(`${name}[`) && key.includes(']')) entries.push([key.slice(name.length + 1, key.indexOf(']')), value]);
  }
  if (entries.length > 0) return { kind: 'hash', entries };
  return scalar === undefined ? { kind: 'absent' } : { kind: 'scalar', value: scalar };
}

function parseFields(fields: Nested): Record<string, string[]> {
  if (fields.kind === 'absent') return {};
  if (fields.kind === 'scalar') fail(E.invalidFieldFormat());
  // Keys come from the client (`fields[__proto__]`): a null-prototype object cannot be hijacked.
  const result: Record<string, string[]> = Object.create(null);
  for (const [type, value] of fields.entries) {
    if (type !== dasherize(type) || !isYetiResourceType(type)) fail(E.invalidResource(type));
    // Ruby's split drops trailing empty strings; an empty value names the field `nil`.
    const names = value === '' ? undefined : value.split(',').reduceRight<string[]>((kept, name) => (kept.length === 0 && name === '' ? kept : [name, ...kept]), []);
    if (names === undefined) fail(E.invalidField(type, 'nil'));
    const kind = modelledKind(type);
    // A Yeti resource this mock does not model: its fields cannot be checked, and it shows nowhere.
    if (!kind) continue;
    const valid = ['id', ...kind.attributes, ...Object.keys(kind.relationships)];
    for (const name of names) if (!valid.includes(name)) fail(E.invalidField(type, name));
    result[type] = names;
  }
  return result;
}

/** The modelled resource `Resource.resource_for` finds for a type (`registration` finds registrations). */
function modelledKind(type: string): ResourceKind | undefined {
  const singular = singularize(underscore(type));
  return Object.values(KINDS).find((kind) => singularize(underscore(kind.type)) === singular);
}

interface MutableTree extends Map<string, MutableTree> {}

function parseInclude(raw: string | undefined, kind: ResourceKind, errors: ResourceError[]): IncludeTree {
  const tree: MutableTree = new Map();
  if (raw === undefined) return tree;
  const paths = csvLine(raw);
  if (!paths) {
    errors.push(E.invalidInclude(kind.type, raw));
    return tree;
  }
  for (const path of paths) {
    if (path === null) continue;
    const problem = checkInclude(kind, path, tree);
    if (problem) {
      errors.push(problem);
      return new Map();
    }
  }
  return tree;
}

/** check_include: each segment must be a relationship, written in the dasherized format. */
function checkInclude(kind: ResourceKind, path: string, tree: MutableTree): ResourceError | undefined {
  const dot = path.indexOf('.');
  const first = dot === -1 ? path : path.slice(0, dot);
  const rest = dot === -1 ? '' : path.slice(dot + 1);
  const relationship = Object.hasOwn(kind.relationships, first) ? kind.relationships[first] : undefined;
  if (!relationship || dasherize(first) !== first) return E.invalidInclude(kind.type, first);
  let subtree = tree.get(first);
  if (!subtree) tree.set(first, (subtree = new Map()));
  return rest === '' ? undefined : checkInclude(KINDS[relationship.type], rest, subtree);
}

function parseFilters(filter: Nested, kind: ResourceKind, include: IncludeTree, errors: ResourceError[]): ParsedQuery['filters'] {
  if (filter.kind === 'absent') return [];
  if (filter.kind === 'scalar') {
    errors.push(E.invalidFiltersSyntax(filter.value));
    return [];
  }
  const applied: ParsedQuery['filters'] = [];
  for (const [key, value] of filter.entries) {
    const name = underscore(key);
    // Names come from the client (`filter[__proto__]`): only a filter of the resource's own counts.
    const own = Object.hasOwn(kind.filters, name) ? kind.filters[name] : undefined;
    if (own) {
      applied.push({ filter: own, value });
      continue;
    }
    if (!name.includes('.')) {
      errors.push(E.filterNotAllowed(name));
      return applied;
    }
    // A filter on an included to-one relationship only filters `included` to-many data upstream: no effect here.
    const [relationshipName, method = ''] = name.split('.');
    const relationship = Object.hasOwn(kind.relationships, dasherize(relationshipName)) ? kind.relationships[dasherize(relationshipName)] : undefined;
    if (!relationship || !Object.hasOwn(KINDS[relationship.type].filters, method) || !include.has(dasherize(relationshipName))) {
      errors.push(E.filterNotAllowed(method));
      return applied;
    }
  }
  return applied;
}

function parseSort(raw: string | undefined, kind: ResourceKind): SortKey[] {
  if (raw === undefined || isBlank(raw)) return [];
  const unescaped = raw.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  const items = csvLine(unescaped);
  if (!items) fail(E.invalidSortCriteria(kind.type, unescaped));
  const sortable = new Set(['id', ...kind.attributes.map(underscore)]);
  return items.map((item) => {
    // `nil.start_with?` raises NoMethodError at Yeti (its generic 500); the mock says what is wrong.
    if (item === null) fail(E.badRequest(`${raw} has an empty sort criterion`));
    const descending = item.startsWith('-');
    const field = underscore(descending ? item.slice(1) : item);
    if (!sortable.has(field)) fail(E.invalidSortCriteria(kind.type, field));
    return { field: dasherize(field), direction: descending ? -1 : 1 };
  });
}

/** PagedPaginator: `page[number]`/`page[size]` read with `to_i`; a scalar `page` is the number. */
function parsePage(page: Nested, errors: ResourceError[]): PageRequest {
  let size = DEFAULT_PAGE_SIZE;
  let number = 1;
  if (page.kind === 'scalar') number = rubyToI(page.value);
  if (page.kind === 'hash') {
    const values = new Map(page.entries);
    if (values.has('size')) size = rubyToI(values.get('size')!);
    if (values.has('number')) number = rubyToI(values.get('number')!);
  }
  if (size < 1) errors.push(E.invalidPageValue('size', size));
  else if (size > MAXIMUM_PAGE_SIZE) errors.push(E.pageSizeTooLarge(MAXIMUM_PAGE_SIZE));
  else if (number < 1) errors.push(E.invalidPageValue('number', number));
  return { number, size };
}
