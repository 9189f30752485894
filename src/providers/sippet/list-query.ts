import type { RoutedRequest } from '../types.js';
import { ashErrors, AshErrorList } from './ash-error.js';
import { toFilterPredicate } from './filter.js';
import type { GatewayRecord } from './gateway.js';
import { decodeQuery, encodeQuery, isMap, type QueryMap, type QueryValue } from './plug-query.js';

/** Ash's offset pagination for the Gateway read action: 25 a page unless `page[limit]` says otherwise. */
const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 250;

export type ListPage = {
  records: GatewayRecord[];
  links: { first: string; self: string; prev: string | null; next: string | null; last?: string };
  meta: { page: { limit: number; offset: number; total?: number } };
};

/**
 * Applies `filter`, `sort` and `page[...]` to the stored gateways, with the links AshJsonApi's
 * serializer builds for an offset-paginated index (ash-project/ash_json_api@50e6416
 * lib/ash_json_api/serializer.ex many_links; test/spec_compliance/fetching_data/pagination/offset_test.exs).
 */
export function listGateways(records: GatewayRecord[], request: RoutedRequest, linkBase: string): ListPage {
  const query = decodeQuery(request.url.search);
  const page = isMap(query.page) ? query.page : {};
  const filtered = records.filter(toFilterPredicate(query.filter));
  const sorted = sortRecords(filtered, typeof query.sort === 'string' ? query.sort : undefined);
  const limit = toLimit(page.limit);
  const offset = typeof page.offset === 'string' ? Number(page.offset) : 0;
  const total = page.count === 'true' ? sorted.length : undefined;
  const results = sorted.slice(offset, offset + limit);

  // Each link replaces the whole `page` map; `page[count]=true` rides along when counting.
  const link = (params: { limit: number; offset?: number }) => {
    const pageParams: QueryMap = { limit: String(params.limit) };
    if (params.offset !== undefined) pageParams.offset = String(params.offset);
    if (total !== undefined) pageParams.count = 'true';
    return `${linkBase}?${encodeQuery({ ...query, page: pageParams })}`;
  };
  const pageOf = (at: number) => link({ limit, offset: at === 0 ? undefined : at });
  const links: ListPage['links'] = { first: link({ limit }), self: pageOf(offset), prev: null, next: null };
  // `last` is total - limit as is: on a list shorter than a page AshJsonApi writes a negative offset.
  if (total !== undefined) links.last = link({ limit, offset: total - limit });
  if (offset > 0) links.prev = pageOf(Math.max(offset - limit, 0));
  const noMore = (total !== undefined && offset + limit >= total) || results.length < limit;
  if (!noMore) links.next = pageOf(offset + limit);

  const meta: ListPage['meta'] = { page: { limit, offset } };
  if (total !== undefined) meta.page.total = total;
  return { records: results, links, meta };
}

/**
 * Ash takes the smaller of the asked limit and the action's max_page_size (250 by default,
 * ash-project/ash@58d1ae3f lib/ash/actions/read/read.ex limit/4); a limit of 0 fails Ash's
 * pos_integer page option, an error AshJsonApi has no rendering for.
 */
function toLimit(value: QueryValue | undefined): number {
  if (typeof value !== 'string') return DEFAULT_LIMIT;
  const limit = Number(value);
  if (limit === 0) throw new AshErrorList([ashErrors.somethingWentWrong(400)]);
  return Math.min(limit, MAX_LIMIT);
}

/**
 * Ash sorts a field ascending with nils last and descending with nils first, so descending is
 * the exact reverse. Equal records keep their stored order.
 */
function sortRecords(records: GatewayRecord[], sort: string | undefined): GatewayRecord[] {
  if (!sort) return records;
  const keys = sort.split(',').map((part) => ({ field: part.replace(/^-/, ''), direction: part.startsWith('-') ? -1 : 1 }));
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
