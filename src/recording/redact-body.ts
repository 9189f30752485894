import { isJsonMediaType, toMediaType } from '../mock/media-type.js';
import { placeholderFor } from './secret-names.js';
import { PLACEHOLDER } from './secret-values.js';
import type { RedactedJson } from './redact-json.js';

/** A body as it may be written: `body` undefined when there was none or it was withheld; `omitted` says why, when anything was left out. */
export type RedactedBody = { body: unknown; omitted: string[] };

type BodyOptions = { json(value: unknown): RedactedJson; string(value: string): string; isSecret(name: string): boolean };

const FORM = 'application/x-www-form-urlencoded';

/**
 * A raw body, redacted by its content type. JSON (a byte-order mark is dropped first) and form
 * bodies are parsed and redacted member by member. Any other text (plain, HTML, XML, malformed
 * JSON) cannot be redacted reliably, so it is withheld and the reason given instead.
 */
export function redactBodyText(raw: string, contentType: string | undefined, options: BodyOptions): RedactedBody {
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
  if (text === '') return { body: undefined, omitted: [] };
  const mediaType = toMediaType(contentType);
  if (mediaType === FORM) return { body: redactForm(text, options), omitted: [] };
  const parsed = parseJson(text);
  if (parsed.ok && (mediaType === '' || isJsonMediaType(mediaType))) return withBody(options.json(parsed.value));
  // The parser's message quotes the body: the reason names the media type only.
  if (isJsonMediaType(mediaType)) return withheld(`the ${mediaType} body is not valid JSON, so it cannot be redacted: not written`);
  return withheld(`a ${mediaType || 'untyped'} body (${Buffer.byteLength(text)} bytes) cannot be redacted field by field: not written`);
}

function withBody(redacted: RedactedJson): RedactedBody {
  return { body: redacted.value, omitted: redacted.omitted };
}

function withheld(reason: string): RedactedBody {
  return { body: undefined, omitted: [reason] };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** `a=1&password=x` → `a=1&password=<redacted:password>`, every other value scanned; placeholders stay readable. */
function redactForm(text: string, options: BodyOptions): string {
  return [...new URLSearchParams(text)]
    .map(([name, value]) => {
      const secret = options.isSecret(name) && value !== '' && !PLACEHOLDER.test(value);
      const redacted = secret ? placeholderFor(name) : options.string(value);
      return `${encodeURIComponent(name)}=${PLACEHOLDER.test(redacted) ? redacted : encodeURIComponent(redacted)}`;
    })
    .join('&');
}
