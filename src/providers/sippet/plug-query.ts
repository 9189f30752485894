/**
 * The query string as Phoenix hands it to AshJsonApi (Plug.Conn.Query): `filter[name][in][]=a`
 * becomes nested maps and lists, and links are written back with Plug's encoder.
 */
export type QueryValue = string | QueryValue[] | QueryMap;
export type QueryMap = { [key: string]: QueryValue };

/** Plug.Conn.Query.decode: brackets nest, `[]` appends to a list, a repeated key keeps its last value. */
export function decodeQuery(search: string): QueryMap {
  const root: QueryMap = {};
  const text = search.startsWith('?') ? search.slice(1) : search;
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const rawKey = equals === -1 ? pair : pair.slice(0, equals);
    const value = decodeComponent(equals === -1 ? '' : pair.slice(equals + 1));
    const segments = toSegments(decodeComponent(rawKey));
    if (segments.length > 0) assign(root, segments[0], segments.slice(1), value);
  }
  return root;
}

/** `a[b][]` → ['a', 'b', '']; a key that does not start with a name is taken whole. */
function toSegments(key: string): string[] {
  const open = key.indexOf('[');
  if (open <= 0 || !key.endsWith(']')) return key === '' ? [] : [key];
  const inner = key.slice(open + 1, -1).split('][');
  return [key.slice(0, open), ...inner];
}

function assign(target: QueryMap, key: string, rest: string[], value: string): void {
  if (rest.length === 0) {
    target[key] = value;
    return;
  }
  const [next, ...after] = rest;
  if (next === '') {
    // `key[]` appends; `key[][name]` appends a map.
    const list = Array.isArray(target[key]) ? (target[key] as QueryValue[]) : [];
    target[key] = list;
    if (after.length === 0) list.push(value);
    else {
      const child: QueryMap = {};
      list.push(child);
      assign(child, after[0], after.slice(1), value);
    }
    return;
  }
  const existing = target[key];
  const child: QueryMap = isMap(existing) ? existing : {};
  target[key] = child;
  assign(child, next, after, value);
}

export function isMap(value: QueryValue | undefined): value is QueryMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * Plug.Conn.Query.encode over an Elixir map: keys in sorted order (small maps iterate sorted),
 * nested keys in brackets, lists as `key[]`, names and values form-encoded.
 */
export function encodeQuery(query: QueryMap): string {
  return encodePairs(query, undefined).join('&');
}

function encodePairs(value: QueryValue, field: string | undefined): string[] {
  if (typeof value === 'string') return field === undefined ? [] : [`${field}=${formEncode(value)}`];
  if (Array.isArray(value)) return value.flatMap((item) => encodePairs(item, `${field}[]`));
  return Object.keys(value)
    .sort(compareBinary)
    .flatMap((key) => encodePairs(value[key], field === undefined ? formEncode(key) : `${field}[${formEncode(key)}]`));
}

/** Erlang compares binaries byte by byte. */
function compareBinary(a: string, b: string): number {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return Buffer.compare(x, y);
}

/** Elixir's URI.encode_www_form: only unreserved characters stay, a space becomes `+`. */
export function formEncode(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}
