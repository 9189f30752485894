import { MockError } from '../../errors.js';

export type Page<T> = { items: T[]; links: { self: string; first: string; next?: string; prev?: string } };

/** Items in list order, with each one's position by id, so a page token is found without a scan. */
export type Ordered<T> = { items: T[]; positions: ReadonlyMap<string, number> };

export function ordered<T extends { id: string }>(items: T[]): Ordered<T> {
  return { items, positions: new Map(items.map((item, index) => [item.id, index])) };
}

/**
 * SignalWire's Fabric list paging: `page_size` (default 50), `page_number` (zero-based) and a
 * cursor `page_token`: `PA<id>` means "the page after the record <id>", `PB<id>` "the page before
 * it". Tokens are only valid with a page number past the first, as SignalWire requires.
 * `selfUrl` is the list's URL without a query: the base URL the request came in on and the real
 * path, so a link works fetched as is and, path and query kept, on a client's own base URL.
 */
export function paginate<T extends { id: string }>({ items, positions }: Ordered<T>, query: Record<string, string>, selfUrl: string): Page<T> {
  const size = query.page_size === undefined ? 50 : Number(query.page_size);
  const number = query.page_number === undefined ? 0 : Number(query.page_number);
  const token = query.page_token;
  let start = 0;
  if (token !== undefined) {
    const index = positions.get(token.slice(2)) ?? -1;
    if (index === -1) throw pageError('page_token_is_invalid', 'Page token is invalid');
    start = token.startsWith('PA') ? index + 1 : Math.max(0, index - size);
  } else if (number > 0) {
    throw pageError('page_token_required', 'Page token is required when page number is greater than 0');
  }
  const page = items.slice(start, start + size);
  const link = (pageNumber: number, pageToken?: string) => {
    const search = new URLSearchParams({ page_number: String(pageNumber), page_size: String(size) });
    if (pageToken) search.set('page_token', pageToken);
    return `${selfUrl}?${search}`;
  };
  const links: Page<T>['links'] = { self: link(number, token), first: link(0) };
  if (start + size < items.length && page.length > 0) links.next = link(number + 1, `PA${page[page.length - 1].id}`);
  if (start > 0 && page.length > 0) links.prev = link(Math.max(0, number - 1), `PB${page[0].id}`);
  return { items: page, links };
}

function pageError(code: string, message: string): MockError {
  return new MockError('MOCK_ERR_VALIDATION', { summary: message }, [
    { location: 'query', path: ['page_token'], rule: 'business', code, message },
  ]);
}
