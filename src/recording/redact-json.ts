import { SECRET_PLACEHOLDERS } from './fixture.js';
import { placeholderFor } from './secret-names.js';
import { PLACEHOLDER } from './secret-values.js';

/** Deeper than any real provider body: a subtree below this is replaced, so no walk or write can overflow the stack. */
export const MAX_REDACTED_DEPTH = 64;
/** A string that holds JSON (`"{\"password\":…}"`) is redacted as JSON up to this length. */
const MAX_EMBEDDED_JSON = 1024 * 1024;

export type RedactedJson = { value: unknown; omitted: string[] };

type JsonOptions = { isSecret(name: string): boolean; string(value: string): string };

/**
 * Replaces secret members at any depth (a placeholder named after the member) and scans every
 * string for secret-looking values. Passwords already masked ("********") or empty, null and
 * booleans stay: they carry no secret and show the provider's rule.
 */
export function redactJson(value: unknown, options: JsonOptions): RedactedJson {
  const omitted = new Set<string>();
  let changes = 0;
  const walk = (node: unknown, depth: number, secretName: string | undefined): unknown => {
    if (depth > MAX_REDACTED_DEPTH) {
      omitted.add(`nested deeper than ${MAX_REDACTED_DEPTH} levels: the subtree is replaced by ${SECRET_PLACEHOLDERS.depth}`);
      changes += 1;
      return SECRET_PLACEHOLDERS.depth;
    }
    if (secretName !== undefined && holdsSecret(node)) {
      changes += 1;
      return secretPlaceholder(secretName, node);
    }
    if (typeof node === 'string') return redactString(node, depth);
    if (Array.isArray(node)) return node.map((item) => walk(item, depth + 1, secretName));
    if (node === null || typeof node !== 'object') return node;
    // fromEntries defines own properties, so a `__proto__` member stays a member. Names are
    // scanned too: a map may be keyed by a token or a URL.
    return Object.fromEntries(Object.entries(node).map(([name, child]) => [options.string(name), walk(child, depth + 1, options.isSecret(name) ? name : undefined)]));
  };
  const redactString = (text: string, depth: number): string => {
    const embedded = parseEmbedded(text);
    const before = changes;
    if (embedded !== undefined) {
      const walked = walk(embedded, depth + 1, undefined);
      if (changes !== before) return JSON.stringify(walked);
    }
    const redacted = options.string(text);
    if (redacted !== text) changes += 1;
    return redacted;
  };
  return { value: walk(value, 0, undefined), omitted: [...omitted] };
}

function holdsSecret(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || typeof value === 'boolean') return false;
  if (typeof value === 'string' && (/^\*+$/.test(value) || PLACEHOLDER.test(value))) return false;
  // An object or array under a secret name is walked instead: it is structure, not the secret.
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint';
}

function secretPlaceholder(name: string, value: unknown): string {
  // An `authorization` member keeps its scheme, as the header does.
  if (name.toLowerCase() === 'authorization' && typeof value === 'string' && /^basic\s/i.test(value)) return `Basic ${SECRET_PLACEHOLDERS.basic}`;
  if (name.toLowerCase() === 'authorization' && typeof value === 'string' && /^bearer\s/i.test(value)) return `Bearer ${SECRET_PLACEHOLDERS.bearer}`;
  return placeholderFor(name);
}

/** The JSON object or array a string holds, if it holds one. */
function parseEmbedded(text: string): unknown {
  const first = text.trimStart()[0];
  if ((first !== '{' && first !== '[') || text.length > MAX_EMBEDDED_JSON) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
