import type { IncomingMessage } from 'node:http';
import type { ProviderRequest } from '../providers/types.js';

/** The request as a provider sees it: its real path (the mount prefix cut), its query as sent. */
export function toProviderRequest(req: IncomingMessage, slug: string, mountPath: string): ProviderRequest {
  // Express strips the mount path from req.url; originalUrl keeps what the client sent.
  const original = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const url = toUrl(original, req.headers.host);
  const query: Record<string, string> = Object.create(null);
  // url.searchParams is built on first use: a request without a query never pays for it.
  if (url.search !== '') for (const [name, value] of url.searchParams) query[name] = value;
  let path = url.pathname.slice(mountPath.length) || '/';
  // A client that keeps a link's path and puts its own base URL in front (SignalWire's SDK) sends the mount twice.
  if (mountPath !== '' && path.startsWith(`${mountPath}/`)) path = path.slice(mountPath.length);
  return { provider: slug, method: (req.method ?? 'GET').toUpperCase(), path, url, headers: req.headers, query, pathParams: {}, mediaType: '' };
}

/** The request URL; a malformed Host header falls back to loopback rather than failing the request. */
function toUrl(path: string, host: string | undefined): URL {
  try {
    return new URL(path, `http://${host ?? '127.0.0.1'}`);
  } catch {
    return new URL(path, 'http://127.0.0.1');
  }
}

