/** A media range of an Accept header: `application/*;q=0.5` → { type, subtype, q, hasParams }. */
type MediaRange = { type: string; subtype: string; q: number; hasParams: boolean };

/** "Application/JSON; charset=utf-8" → "application/json". '' for a missing header. */
export function toMediaType(contentType: string | undefined): string {
  if (!contentType) return '';
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

export function hasMediaTypeParameters(contentType: string | undefined): boolean {
  return contentType !== undefined && /;\s*[^\s;=]+=/.test(contentType);
}

/** True when JSON-ish media types (application/json, application/*+json) can be parsed as JSON. */
export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || (mediaType.startsWith('application/') && mediaType.endsWith('+json'));
}

function parseAccept(accept: string): MediaRange[] {
  return accept
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const [range, ...params] = part.split(';').map((p) => p.trim());
      const [type = '', subtype = ''] = range.toLowerCase().split('/');
      let q = 1;
      let hasParams = false;
      for (const param of params) {
        const [name, value] = param.split('=').map((p) => p.trim());
        if (name.toLowerCase() === 'q') q = Number(value);
        else hasParams = true;
      }
      return { type, subtype, q: Number.isFinite(q) ? q : 0, hasParams };
    });
}

/**
 * Picks the first of `offered` that `accept` allows; undefined when none is acceptable.
 * A missing or empty Accept allows anything. With `strictParameters` (JSON:API), a range that
 * names the exact type but carries media type parameters does not count as accepting it.
 */
export function negotiate(accept: string | undefined, offered: string[], strictParameters = false): string | undefined {
  if (offered.length === 0) return undefined;
  if (!accept || accept.trim() === '') return offered[0];
  const ranges = parseAccept(accept).filter((range) => range.q > 0);
  let best: { mediaType: string; q: number } | undefined;
  for (const mediaType of offered) {
    const [type, subtype] = mediaType.split('/');
    for (const range of ranges) {
      const exact = range.type === type && range.subtype === subtype;
      const matches = exact || (range.type === '*' && range.subtype === '*') || (range.type === type && range.subtype === '*');
      if (!matches || (exact && strictParameters && range.hasParams)) continue;
      if (!best || range.q > best.q) best = { mediaType, q: range.q };
    }
  }
  return best?.mediaType;
}
