import { MockError } from '../errors.js';

/** How the client asked sipmock to choose the response (Prism's Prefer convention). */
export type Preferences = {
  code?: number;
  example?: string;
  dynamic?: boolean;
  seed?: string;
};

const KEYS = new Set(['code', 'example', 'dynamic', 'seed']);

/**
 * Reads `Prefer: code=404, example=not-found, dynamic=true, seed=abc`. Without a Prefer header the
 * legacy query parameters `__code`, `__example`, `__dynamic` and `__seed` are read, as Prism does.
 * Unknown preferences are ignored (RFC 7240 lets servers ignore what they do not support);
 * malformed values of the ones we support are an error, so a typo never passes silently.
 */
export function toPreferences(header: string | undefined, query: Record<string, string>): Preferences {
  const entries = header !== undefined ? parseHeader(header) : fromQuery(query);
  const preferences: Preferences = {};
  for (const [key, value] of entries) {
    if (key === 'code') {
      if (!/^[1-5]\d\d$/.test(value)) throw invalid(header ?? value, `code must be three digits, got "${value}"`);
      preferences.code = Number(value);
    } else if (key === 'example') {
      if (value === '') throw invalid(header ?? value, 'example needs a name');
      preferences.example = value;
    } else if (key === 'dynamic') {
      if (value !== 'true' && value !== 'false') throw invalid(header ?? value, `dynamic must be true or false, got "${value}"`);
      preferences.dynamic = value === 'true';
    } else if (key === 'seed') {
      preferences.seed = value;
    }
  }
  return preferences;
}

function parseHeader(header: string): Array<[string, string]> {
  return header
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const at = part.indexOf('=');
      const key = (at === -1 ? part : part.slice(0, at)).trim().toLowerCase();
      const value = at === -1 ? '' : part.slice(at + 1).trim().replace(/^"(.*)"$/, '$1');
      return [key, value] as [string, string];
    })
    .filter(([key]) => KEYS.has(key));
}

function fromQuery(query: Record<string, string>): Array<[string, string]> {
  return [...KEYS].filter((key) => query[`__${key}`] !== undefined).map((key) => [key, query[`__${key}`]]);
}

function invalid(value: string, why: string): MockError {
  return new MockError('MOCK_ERR_PREFER_INVALID', { value, why });
}
