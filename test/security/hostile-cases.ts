/** One hostile request, as bytes on a raw connection: what it changes from a plain request. */
export type HostileCase = {
  family: 'body' | 'query' | 'header' | 'framing';
  name: string;
  query?: string;
  /** Header lines added as they are (duplicates and odd values included); they replace defaults of the same name. */
  headers?: Array<[string, string]>;
  body?: Buffer;
  /** The whole request after the header block, framing included (chunked lies, early close). */
  raw?: string;
  /** No answer is owed: the client closes early or breaks HTTP itself. */
  mayGoUnanswered?: boolean;
};

/** A small seeded generator (mulberry32): the battery is the same on every run. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const json = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));
const nested = (depth: number, open: string, close: string, inner = '1') => json(open.repeat(depth) + inner + close.repeat(depth));

/** Hostile bodies: deep nesting, huge strings, wrong types, a BOM, invalid UTF-8, prototype keys. */
export const BODY_CASES: HostileCase[] = [
  { family: 'body', name: 'arrays nested 10,000 deep', body: nested(10_000, '[', ']') },
  { family: 'body', name: 'objects nested 5,000 deep', body: nested(5_000, '{"a":', '}') },
  { family: 'body', name: 'a 300 KB string', body: json({ data: { type: 'x', attributes: { name: 'x'.repeat(300_000) } }, name: 'y'.repeat(1000) }) },
  { family: 'body', name: '10,000 keys', body: json(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]))) },
  { family: 'body', name: 'a bare number', body: json('42') },
  { family: 'body', name: 'a bare string', body: json('"gateway"') },
  { family: 'body', name: 'null', body: json('null') },
  { family: 'body', name: 'an array', body: json([1, 'two', { three: 3 }]) },
  { family: 'body', name: 'wrong types in every field', body: json({ data: { type: 7, id: [], attributes: { name: { a: 1 }, port: 'x', enabled: 'yes' } }, name: [], gateways: 'all', auth: 5 }) },
  { family: 'body', name: 'a byte order mark', body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json({ name: 'bom' })]) },
  { family: 'body', name: 'invalid UTF-8', body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x3a, 0x22, 0xa0, 0xa1, 0x22, 0x7d]) },
  { family: 'body', name: 'prototype keys', body: json('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"data":{"__proto__":{"x":1},"attributes":{"__proto__":{"y":1}}}}') },
  { family: 'body', name: 'numbers past every range', body: json('{"a":1e999,"b":-1e999,"c":123456789012345678901234567890,"d":-0,"e":1e-999}') },
  { family: 'body', name: 'truncated JSON', body: json('{"data":{"attributes":{"name":"x"') },
  { family: 'body', name: 'NUL bytes and control characters', body: json({ name: '\u0000\u0001\n\r\u2028', 'key\nwith newline': 1 }) },
];

/** Hostile queries: prototype keys, brackets, huge and odd numbers. */
export const QUERY_CASES: HostileCase[] = [
  { family: 'query', name: 'prototype keys', query: '__proto__[polluted]=1&constructor[prototype][polluted]=1&__proto__=x&hasOwnProperty=1&toString=1' },
  { family: 'query', name: 'nested brackets', query: 'page[[]]=1&page[size][x]=2&filter[a][b][c]=3&[]=4&a[=5&b]=6' },
  { family: 'query', name: 'huge numbers', query: 'page[offset]=1e999&page[limit]=99999999999999999999&page_size=1e308&page=-1e999&limit=NaN&offset=Infinity' },
  { family: 'query', name: 'odd numbers', query: 'page[offset]=-0&page[limit]=0x10&page_size=1.5&page=%20&limit=&offset=--1' },
  { family: 'query', name: 'repeated names', query: Array.from({ length: 200 }, (_, i) => `page[limit]=${i}`).join('&') },
  { family: 'query', name: 'broken percent escapes', query: 'a=%&b=%zz&c=%E0%A4%A&%=1&filter[name]=%00' },
  { family: 'query', name: 'a long value', query: `filter[name]=${'x'.repeat(8_000)}` },
];

/** Hostile headers: oversized, duplicated, and odd Content-Type, Accept and Authorization values. */
export const HEADER_CASES: HostileCase[] = [
  { family: 'header', name: 'a 12 KB header', headers: [['x-padding', 'p'.repeat(12_000)]] },
  { family: 'header', name: 'headers past the size node accepts', headers: [['x-padding', 'p'.repeat(20_000)]] },
  { family: 'header', name: 'two Content-Types', headers: [['content-type', 'application/json'], ['content-type', 'text/plain']], body: json({}) },
  { family: 'header', name: 'two Authorizations', headers: [['authorization', 'Bearer a'], ['authorization', 'Bearer b']] },
  { family: 'header', name: 'two Hosts', headers: [['host', '127.0.0.1'], ['host', 'evil.example']] },
  { family: 'header', name: 'Content-Type with odd parameters', headers: [['content-type', 'application/json;;; charset=utf-7; boundary']], body: json({}) },
  { family: 'header', name: 'Content-Type text/plain', headers: [['content-type', 'text/plain']], body: json({ a: 1 }) },
  { family: 'header', name: 'Content-Type multipart', headers: [['content-type', 'multipart/form-data; boundary=x']], body: Buffer.from('--x\r\n\r\nhello\r\n--x--') },
  { family: 'header', name: 'Content-Type form', headers: [['content-type', 'application/x-www-form-urlencoded']], body: Buffer.from('a=1&b=2') },
  { family: 'header', name: 'Content-Type */*', headers: [['content-type', '*/*']], body: json({}) },
  { family: 'header', name: 'Accept with a broken quality', headers: [['accept', 'application/json;q=abc, */*;q=-1, text/html;q=2']] },
  { family: 'header', name: 'Accept text/html only', headers: [['accept', 'text/html']] },
  { family: 'header', name: 'a long Accept', headers: [['accept', Array.from({ length: 500 }, (_, i) => `type/sub${i}`).join(', ')]] },
  { family: 'header', name: 'a bare Bearer', headers: [['authorization', 'Bearer']] },
  { family: 'header', name: 'Basic that is not base64', headers: [['authorization', 'Basic !!!not-base64!!!']] },
  { family: 'header', name: 'Basic without a colon', headers: [['authorization', `Basic ${Buffer.from('nocolon').toString('base64')}`]] },
  { family: 'header', name: 'an 8 KB token', headers: [['authorization', `Bearer ${'t'.repeat(8_000)}`]] },
  { family: 'header', name: 'a JWT-looking token', headers: [['authorization', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.']] },
  { family: 'header', name: 'an odd Prefer', headers: [['prefer', 'code=999, example=__proto__, dynamic=maybe, code=']] },
];

/** Hostile framing: chunked lies, bad lengths, early close. */
export const FRAMING_CASES: HostileCase[] = [
  { family: 'framing', name: 'a chunk longer than what is sent, then close', raw: 'Transfer-Encoding: chunked\r\n\r\nffff\r\n{"a":1}', mayGoUnanswered: true },
  { family: 'framing', name: 'a chunk size that is not hex', raw: 'Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n', mayGoUnanswered: true },
  { family: 'framing', name: 'Content-Length and Transfer-Encoding both', raw: 'Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n', mayGoUnanswered: true },
  { family: 'framing', name: 'a Content-Length that is not a number', raw: 'Content-Length: abc\r\n\r\n{}', mayGoUnanswered: true },
  { family: 'framing', name: 'a negative Content-Length', raw: 'Content-Length: -5\r\n\r\n{}', mayGoUnanswered: true },
  { family: 'framing', name: 'a body cut short, then close', raw: 'Content-Length: 100\r\n\r\n{"data":', mayGoUnanswered: true },
  { family: 'framing', name: 'bytes after the body', raw: 'Content-Length: 2\r\n\r\n{}GARBAGE / HTTP/9\r\n\r\n' },
  { family: 'framing', name: 'a chunked body with a trailer and extensions', raw: 'Transfer-Encoding: chunked\r\n\r\n2;ext=1\r\n{}\r\n0\r\nx-trailer: 1\r\n\r\n' },
];
