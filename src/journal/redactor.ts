import { SECRET_PLACEHOLDERS } from '../recording/fixture.js';
import { redactAuthorization, redactString } from '../recording/redact.js';

/**
 * What the journal needs from a redaction policy. It is one seam on purpose: the shared policy of
 * src/recording (fixtures, HAR, logs) can replace `createJournalRedactor` without touching the journal.
 */
export type JournalRedactor = {
  headers(headers: Readonly<Record<string, string | string[] | number | undefined>>): Record<string, string>;
  query(query: Readonly<Record<string, string>>): Record<string, string>;
  /** A parsed JSON body: secret members replaced, wherever they are. */
  body(body: unknown): unknown;
  /** A body that is not JSON, or was cut short: secret `"name": "value"` pairs and JWTs replaced. */
  text(text: string): string;
};

/** Names that carry a secret in any provider: passwords, tokens, keys, cookies. */
const SECRET_NAME = /passw(or)?d|^pass$|secret|token|api[-_]?key|jwt|credential|cookie/i;
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
const REDACTED = SECRET_PLACEHOLDERS.bearer;

/** A redactor for one provider: its own secret fields (`definition.secretFields`) and the generic names. */
export function createJournalRedactor(secretFields: readonly string[]): JournalRedactor {
  const fields = new Set(secretFields.map((name) => name.toLowerCase()));
  const isSecret = (name: string) => fields.has(name.toLowerCase()) || SECRET_NAME.test(name);
  const quotedPair = /"([^"\\]{1,64})"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

  const body = (value: unknown): unknown => {
    if (typeof value === 'string') return redactString(value);
    if (Array.isArray(value)) return value.map(body);
    if (value === null || typeof value !== 'object') return value;
    const redacted: Record<string, unknown> = {};
    for (const [name, member] of Object.entries(value)) {
      // A secret name over an object is structure (Yeti's `auth: {login, password}`): walk it.
      redacted[name] = isSecret(name) && member !== null && typeof member !== 'object' && member !== '' ? REDACTED : body(member);
    }
    return redacted;
  };

  return {
    headers(headers) {
      const kept: Record<string, string> = {};
      for (const [rawName, rawValue] of Object.entries(headers)) {
        if (rawValue === undefined) continue;
        const name = rawName.toLowerCase();
        const value = Array.isArray(rawValue) ? rawValue.join(', ') : String(rawValue);
        if (name === 'authorization' || name === 'proxy-authorization') kept[name] = redactAuthorization(value);
        else if (SECRET_HEADERS.has(name) || isSecret(name)) kept[name] = REDACTED;
        else kept[name] = redactString(value);
      }
      return kept;
    },
    query(query) {
      const kept: Record<string, string> = {};
      for (const [name, value] of Object.entries(query)) kept[name] = isSecret(name) ? REDACTED : redactString(value);
      return kept;
    },
    body,
    text(text) {
      const pairs = text.replace(quotedPair, (pair, name: string) => (isSecret(name) ? `"${name}":"${REDACTED}"` : pair));
      return redactString(pairs);
    },
  };
}
