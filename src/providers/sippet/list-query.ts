import { MockError } from '../../errors.js';
import type { RoutedRequest } from '../types.js';
import type { GatewayRecord } from './gateway.js';

/** Ash's offset pagination for the Gateway read action: 25 a page unless `page[limit]` says otherwise. */
const DEFAULT_LIMIT = 25;

type PageParams = { count?: number; limit: number; offset?: number };

export type ListPage = {
  records: GatewayRecord[];
  links: { first: string; self: string; prev?: string; next?: string; last?: string };
  meta: { page: { limit: number; offset: number; total?: number } };
};

/** A query value as the client sent it (the validator may have coerced it to a number or boolean). */
function param(request: RoutedRequest, name: string): string | undefined {
  const value = request.query[name];
  return value === undefined ? undefined : String(value);
}

/**
 * Applies `filter[<attribute>]` (equality), `sort` and `page[...]` to the stored gateways, with
 * the links AshJsonApi's serializer builds for an offset-paginated index.
 */
export function listGateways(records: GatewayRecord[], request: RoutedRequest, linkBase: string): ListPage {
  const filtered = records.filter(matchesFilters(request));
  const sorted = sortRecords(filtered, param(request, 'sort'));
  const limit = Number(param(request, 'page[limit]') ?? DEFAULT_LIMIT);
  const offset = Number(param(request, 'page[offset]') ?? 0);
  const total = param(request, 'page[count]') === 'true' ? sorted.length : undefined;
  const page = sorted.slice(offset, offset + limit);

  const kept = keptQuery(request.url);
  const link = (params: PageParams) => `${linkBase}?${encodeQuery(kept, params)}`;
  // AshJsonApi leaves an offset of 0 out of every link but `last`.
  const links: ListPage['links'] = { first: link({ limit }), self: link({ count: total, limit, offset: offset || undefined }) };
  // AshJsonApi points `last` at total - limit, which is negative on a short list: clamp it to 0.
  if (total !== undefined) links.last = link({ limit, offset: Math.max(total - limit, 0) });
  if (offset > 0) links.prev = link({ limit, offset: Math.max(offset - limit, 0) || undefined });
  const lastPage = total !== undefined && offset + limit >= total;
  if (page.length === limit && !lastPage) links.next = link({ limit, offset: offset + limit });

  const meta: ListPage['meta'] = { page: { limit, offset } };
  if (total !== undefined) meta.page.total = total;
  return { records: page, links, meta };
}

/**
 * Exact-match filters on the attributes the spec declares a `filter[...]` parameter for. Any
 * other filter key is refused: the validator ignores undeclared parameters, AshJsonApi does not.
 */
function matchesFilters(request: RoutedRequest): (record: GatewayRecord) => boolean {
  const declared = new Set((request.operation?.source.request?.query ?? []).map((p) => p.name));
  const filters: Array<[string, string]> = [];
  for (const name of Object.keys(request.query)) {
    if (name !== 'filter' && !name.startsWith('filter[')) continue;
    if (!declared.has(name)) throw unknownFilter(name, param(request, name)!);
    filters.push([name.slice('filter['.length, -1), param(request, name)!]);
  }
  return (record) =>
    filters.every(([attribute, wanted]) => {
      const value = record[attribute];
      if (value === null || value === undefined) return false;
      return typeof value === 'boolean' ? String(value) === wanted : value === wanted;
    });
}

function unknownFilter(name: string, value: string): MockError {
  const field = /^filter\[([^\]]*)\]/.exec(name)?.[1];
  const message = field === undefined ? `Invalid filter: ${value}` : `Invalid filter: no such attribute ${field} on Gateway`;
  return new MockError('MOCK_ERR_VALIDATION', { summary: `unknown filter ${name}` }, [
    { location: 'query', path: ['filter'], rule: 'business', code: 'invalid_filter', message },
  ]);
}

/**
 * Ash sorts a field ascending with nils last and descending with nils first, so descending is
 * the exact reverse. Equal records keep their stored order.
 */
function sortRecords(records: GatewayRecord[], sort: string | undefined): GatewayRecord[] {
  if (!sort) return records;
  const keys = sort.split(',').map((part) => ({ field: part.replace(/^[-+]/, ''), direction: part.startsWith('-') ? -1 : 1 }));
  return [...records].sort((a, b) => {
    for (const { field, direction } of keys) {
      const order = compareValues(a[field], b[field]);
      if (order !== 0) return order * direction;
    }
    return 0;
  });
}

function compareValues(a: unknown, b: unknown): number {
  const aNil = a === null || a === undefined;
  const bNil = b === null || b === undefined;
  if (aNil || bNil) return aNil === bNil ? 0 : aNil ? 1 : -1;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const order = compareValues(a[i], b[i]);
      if (order !== 0) return order;
    }
    return a.length - b.length;
  }
  const [x, y] = typeof a === 'boolean' ? [Number(a), Number(b)] : [String(a), String(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The request's query without its `page` parameters, one value per name (the last, as Plug keeps). */
function keptQuery(url: URL): Map<string, string> {
  const kept = new Map<string, string>();
  for (const [name, value] of url.searchParams) {
    if (name !== 'page' && !name.startsWith('page[')) kept.set(name, value);
  }
  return kept;
}

/**
 * Plug.Conn.Query.encode as AshJsonApi uses it: keys in sorted order (Elixir map order), brackets
 * written as is, names and values form-encoded; `page[count]` carries the total.
 */
function encodeQuery(kept: Map<string, string>, page: PageParams): string {
  const entries = [...kept];
  if (page.count !== undefined) entries.push(['page[count]', String(page.count)]);
  entries.push(['page[limit]', String(page.limit)]);
  if (page.offset !== undefined) entries.push(['page[offset]', String(page.offset)]);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.map(([name, value]) => `${encodeName(name)}=${formEncode(value)}`).join('&');
}

function encodeName(name: string): string {
  return name.replace(/[^[\]]+/g, formEncode);
}

/** Elixir's URI.encode_www_form: only unreserved characters stay, a space becomes `+`. */
function formEncode(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}
