import type { IncomingHttpHeaders } from 'node:http';

/** One header's value; a repeated header's values are joined with ", " as HTTP allows. */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
