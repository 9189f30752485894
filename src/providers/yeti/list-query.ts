import { MockError } from '../../errors.js';
import type { RoutedRequest } from '../types.js';
import type { View, YetiRecord } from './resource-objects.js';

/** A filter: its name in `filter[<name>]` and whether a record passes it. */
export type Filter = (record: YetiRecord, value: string) => boolean;

const DEFAULT_PAGE_SIZE = 50;

/** The view a request asks for: `fields[<type>]` and `include`, both already checked by the spec. */
export function readView(request: RoutedRequest, baseUrl: string): View {
  // Keys come from the client (`fields[__proto__]`): a null-prototype object cannot be hijacked.
  const fields: Record<string, string[]> = Object.create(null);
  for (const [name, value] of Object.entries(request.query)) {
    const type = /^fields\[(.+)\]$/.exec(name)?.[1];
    if (type) fields[type] = String(value).split(',');
  }
  const include = request.query.include === undefined ? [] : String(request.query.include).split(',');
  return { baseUrl, fields, include: new Set(include) };
}

/**
 * Applies every `filter[...]` of the query. A filter the resource does not declare is refused as
 * jsonapi-resources does (400, code 102), since the spec's parameter list does not stop it.
 */
export function applyFilters(records: YetiRecord[], query: RoutedRequest['query'], filters: Record<string, Filter>): YetiRecord[] {
  let result = records;
  for (const [parameter, value] of Object.entries(query)) {
    const name = /^filter\[(.+)\]$/.exec(parameter)?.[1];
    if (name === undefined) continue;
    // `filter[constructor]` or `filter[__proto__]` must not find an inherited member.
    const filter = Object.hasOwn(filters, name) ? filters[name] : undefined;
    if (!filter) {
      throw new MockError('MOCK_ERR_VALIDATION', { summary: `filter ${name} is not allowed` }, [
        { location: 'query', path: [parameter], rule: 'business', code: '102', message: `${name} is not allowed.` },
      ]);
    }
    result = result.filter((record) => filter(record, String(value)));
  }
  return result;
}

/** `filter[id]=9,12`: any of the listed ids. */
export const byId: Filter = (record, value) => value.split(',').includes(record.id);

/** The string filters of a `name` attribute: Yeti's exact `name` and its ransack `name_*` family. */
export function nameFilters(): Record<string, Filter> {
  const name = (record: YetiRecord) => String(record.attributes.name ?? '');
  const lower = (record: YetiRecord) => name(record).toLowerCase();
  const list = (value: string) => value.split(',');
  return {
    name: (record, value) => list(value).includes(name(record)),
    name_eq: (record, value) => name(record) === value,
    name_not_eq: (record, value) => name(record) !== value,
    // ransack's cont/start/end are ILIKE on PostgreSQL: case-insensitive.
    name_cont: (record, value) => lower(record).includes(value.toLowerCase()),
    name_start: (record, value) => lower(record).startsWith(value.toLowerCase()),
    name_end: (record, value) => lower(record).endsWith(value.toLowerCase()),
    name_in: (record, value) => list(value).includes(name(record)),
    name_not_in: (record, value) => !list(value).includes(name(record)),
    name_cont_any: (record, value) => list(value).some((part) => lower(record).includes(part.toLowerCase())),
  };
}

/**
 * `sort=name,-id`: attributes (or `id`), `-` for descending; id ascending by default and as the
 * last tie-breaker. NULLs sort last ascending and first descending, as in PostgreSQL.
 */
export function sortRecords(records: YetiRecord[], sort: string | undefined): YetiRecord[] {
  const keys = (sort === undefined ? [] : String(sort).split(',')).map((field) => ({
    field: field.replace(/^-/, ''),
    direction: field.startsWith('-') ? -1 : 1,
  }));
  keys.push({ field: 'id', direction: 1 });
  const valueOf = (record: YetiRecord, field: string) => (field === 'id' ? Number(record.id) : record.attributes[field]);
  return [...records].sort((a, b) => {
    for (const { field, direction } of keys) {
      const order = compareValues(valueOf(a, field), valueOf(b, field));
      if (order !== 0) return order * direction;
    }
    return 0;
  });
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const order = compareValues(a[i], b[i]);
      if (order !== 0) return order;
    }
    return a.length - b.length;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export type Page = {
  items: YetiRecord[];
  links: { first: string; prev?: string; next?: string; last: string };
  meta: { 'total-count': number };
};

/**
 * The paged paginator: `page[number]` (1-based) and `page[size]` (default 50; the spec caps it at
 * 1000). Links repeat the query's fields, filter, include and sort, as Rails' `to_query` writes
 * them: CGI-escaped, pairs sorted.
 */
export function paginate(records: YetiRecord[], request: RoutedRequest, baseUrl: string): Page {
  const number = request.query['page[number]'] === undefined ? 1 : Number(request.query['page[number]']);
  const size = request.query['page[size]'] === undefined ? DEFAULT_PAGE_SIZE : Number(request.query['page[size]']);
  const pageCount = Math.ceil(records.length / size);
  const kept: string[] = [];
  for (const [name, value] of request.url.searchParams) {
    if (name === 'include' || name === 'sort' || /^(fields|filter)\[.+\]$/.test(name)) kept.push(`${cgiEscape(name)}=${cgiEscape(value)}`);
  }
  const link = (page: number) =>
    `${baseUrl}${request.path}?${[...kept, `page%5Bnumber%5D=${page}`, `page%5Bsize%5D=${size}`].sort().join('&')}`;
  const links: Partial<Page['links']> = { first: link(1) };
  if (number > 1) links.prev = link(number - 1);
  if (number < pageCount) links.next = link(number + 1);
  links.last = link(Math.max(pageCount, 1));
  return { items: records.slice((number - 1) * size, number * size), links: links as Page['links'], meta: { 'total-count': records.length } };
}

/** Ruby's CGI.escape: everything but `A-Za-z0-9_.-~` percent-encoded, spaces as `+`. */
function cgiEscape(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

