import { ashErrors, type AshError } from './ash-error.js';
import { bodyErrors } from './body-errors.js';
import { inspect } from './elixir-inspect.js';
import { FIELD_NAMES, PUBLIC_FIELDS } from './gateway.js';
import { mediaErrors } from './media.js';
import { decodeQuery, isMap, type QueryMap, type QueryValue } from './plug-query.js';
import type { RoutedRequest } from '../types.js';

/**
 * AshJsonApi's request checks (ash-project/ash_json_api@50e6416 lib/ash_json_api/request.ex
 * `from/7`, and `fetch_pagination_parameters` in controllers/helpers.ex for the index). Every
 * check runs and adds its errors in front of the earlier ones, so the answer lists them newest
 * first; nothing is read or written when any error was found.
 */
export function requestErrors(request: RoutedRequest): AshError[] {
  const query = decodeQuery(request.url.search);
  const route = request.operation?.operationId ?? '';
  const isIndex = route === 'listGateways';
  const stages: AshError[][] = [
    conflictErrors(query, request.pathParams),
    hrefErrors(query, request, isIndex),
    mediaErrors(request.headers),
    bodyErrors(request),
    fieldsErrors(query),
    includeErrors(query),
    isIndex ? filterShapeErrors(query) : [],
    isIndex ? sortErrors(query) : [],
    isIndex ? paginationErrors(query) : [],
  ];
  return stages.reverse().flat();
}

/** A query parameter named like a path parameter (`?id=` on /gateways/{id}): validate_params. */
function conflictErrors(query: QueryMap, pathParams: Record<string, string>): AshError[] {
  const conflict = Object.keys(query).some((name) => name in pathParams);
  return conflict ? [ashErrors.invalidQuery('conflict path and query params')] : [];
}

/**
 * The route's href schema (json_schema.ex href_schema): on the index `page` is an object whose
 * `limit` and `offset` match ^[0-9]*$, `filter` an object or a string, `sort` and `include`
 * strings; on the get route the id must be a uuid; elsewhere only `include` is typed.
 */
function hrefErrors(query: QueryMap, request: RoutedRequest, isIndex: boolean): AshError[] {
  // Checked in the order JsonXema walks the properties (sorted keys), then reversed, as it
  // prepends each failure.
  const errors: AshError[] = [];
  const typed = (path: string[], value: QueryValue | undefined, type: 'string' | 'object') => {
    if (value === undefined || (type === 'string' ? typeof value === 'string' : isMap(value))) return;
    errors.push(ashErrors.invalidQuery(`Expected ${inspect(value)} to be ${type}, at ${inspect(path)}.`, `/${path.join('/')}`));
  };
  if (isIndex && query.filter !== undefined && typeof query.filter !== 'string' && !isMap(query.filter)) {
    errors.push(ashErrors.invalidQuery('No match of any schema, at ["filter"].', '/filter'));
  }
  const id = request.pathParams.id;
  if (request.operation?.operationId === 'getGateway' && id !== undefined && !UUID.test(id)) {
    errors.push(ashErrors.invalidQuery(`String ${inspect(id)} does not validate against format "uuid", at ["id"].`, '/id'));
  }
  typed(['include'], query.include, 'string');
  if (isIndex) {
    typed(['page'], query.page, 'object');
    const page = isMap(query.page) ? query.page : {};
    for (const name of ['limit', 'offset']) {
      const value = page[name];
      if (typeof value !== 'string') typed(['page', name], value, 'string');
      else if (!/^[0-9]*$/.test(value)) {
        errors.push(ashErrors.invalidQuery(`String ${inspect(value)} does not match pattern "^[0-9]*$", at ${inspect(['page', name])}.`, `/page/${name}`));
      }
    }
    typed(['sort'], query.sort, 'string');
  }
  return errors.reverse();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `fields=a,b` names the route's own type (source parameter `fields`); `fields[Gateway]=a,b`
 * names it explicitly; any other type key is `invalid_type`.
 */
function fieldsErrors(query: QueryMap): AshError[] {
  const fields = query.fields;
  if (fields === undefined) return [];
  if (typeof fields === 'string') return invalidFields(fields, 'fields');
  if (!isMap(fields)) return [];
  let errors: AshError[] = [];
  for (const type of Object.keys(fields).sort()) {
    const value = fields[type];
    const found = type === 'Gateway' ? invalidFields(typeof value === 'string' ? value : '', `fields[${type}]`) : [ashErrors.invalidType(type)];
    errors = [...found, ...errors];
  }
  return errors;
}

function invalidFields(value: string, parameter: string): AshError[] {
  return value
    .split(',')
    .filter((name) => !FIELD_NAMES.includes(name))
    .map((name) => ashErrors.invalidField(name, parameter))
    .reverse();
}

/** Gateway declares no include path, so every path given is refused, even an empty one. */
function includeErrors(query: QueryMap): AshError[] {
  if (typeof query.include !== 'string') return [];
  const paths = query.include.split(',').map((path) => path.split('.'));
  return [ashErrors.invalidIncludes(`Invalid includes: ${inspect(paths.reverse())}`)];
}

/** A filter that is neither an object nor a string (`filter[]=x`). */
function filterShapeErrors(query: QueryMap): AshError[] {
  const filter = query.filter;
  return filter === undefined || typeof filter === 'string' || isMap(filter) ? [] : [ashErrors.invalidFilter()];
}

/** parse_sort: attributes only (not relationships); only a `-` prefix means descending, so `+name` is unknown. */
function sortErrors(query: QueryMap): AshError[] {
  const sort = query.sort;
  if (sort === undefined) return [];
  // A list is interpolated into the message as Elixir does with iodata: its items joined.
  if (typeof sort !== 'string') return [ashErrors.invalidSort(`Invalid sort: ${Array.isArray(sort) ? sort.filter((item) => typeof item === 'string').join('') : ''}`)];
  return sort
    .split(',')
    .filter((field) => !PUBLIC_FIELDS.includes(field.startsWith('-') ? field.slice(1) : field))
    .map((field) => ashErrors.invalidSort(`Invalid sort field: ${field}`));
}

/** fetch_pagination_parameters: `page` must use brackets; limit/offset integers, count a boolean. */
function paginationErrors(query: QueryMap): AshError[] {
  const page = query.page;
  if (typeof page === 'string') {
    return [ashErrors.invalidPagination('page parameter must use bracket notation (e.g., page[limit]=10&page[offset]=0)')];
  }
  if (!isMap(page)) return [];
  const errors: AshError[] = [];
  const casts: Array<[string, (value: string) => boolean]> = [
    ['limit', (value) => /^[+-]?[0-9]+$/.test(value)],
    ['offset', (value) => /^[+-]?[0-9]+$/.test(value)],
    ['after', () => true],
    ['before', () => true],
    ['count', (value) => value === 'true' || value === 'false'],
  ];
  for (const [name, casts_] of casts) {
    const value = page[name];
    // The error's own source_parameter is dropped by Splode, so it names `page` and has no detail.
    if (value !== undefined && (typeof value !== 'string' || !casts_(value))) errors.unshift(ashErrors.invalidPagination(''));
  }
  return errors;
}
