import type { ProviderRequest } from '../types.js';
import type { PageRequest, ParsedQuery, SortKey } from './query-parser.js';
import type { YetiRecord } from './resource-objects.js';

/** The records that pass every `filter[...]` of the query. */
export function applyFilters(records: YetiRecord[], filters: ParsedQuery['filters']): YetiRecord[] {
  let result = records;
  for (const { filter, value } of filters) result = result.filter((record) => filter(record, value));
  return result;
}

/**
 * `sort=name,-id`: attributes (or `id`), `-` for descending; id ascending by default and as the
 * last tie-breaker. NULLs sort last ascending and first descending, as in PostgreSQL.
 */
export function sortRecords(records: YetiRecord[], sort: SortKey[]): YetiRecord[] {
  const keys: SortKey[] = [...sort, { field: 'id', direction: 1 }];
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
 * The paged paginator's page and links (paginator.rb PagedPaginator#links_page_params). Links
 * repeat the query's fields, filter, include and sort, as Rails' `to_query` writes
 * them: CGI-escaped, pairs sorted.
 */
export function paginate(records: YetiRecord[], { number, size }: PageRequest, request: ProviderRequest, baseUrl: string): Page {
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

