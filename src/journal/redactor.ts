import { SECRET_PLACEHOLDERS } from '../recording/fixture.js';
import { createRedactionPolicy, redactAuthorization } from '../recording/redaction-policy.js';

/**
 * What the journal needs from the shared redaction policy (src/recording/redaction-policy.ts): the
 * journal keeps every header a client sent, so it redacts values rather than allowlisting names.
 */
export type JournalRedactor = {
  headers(headers: Readonly<Record<string, string | string[] | number | undefined>>): Record<string, string>;
  query(query: Readonly<Record<string, string>>): Record<string, string>;
  /** A parsed JSON body: secret members replaced, wherever they are. */
  body(body: unknown): unknown;
  /** A body that is not JSON, or was cut short: secret `"name": "value"` pairs and JWTs replaced. */
  text(text: string): string;
};

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
const REDACTED = SECRET_PLACEHOLDERS.bearer;

/** A redactor for one provider: its own secret fields (`definition.secretFields`) and the generic names. */
export function createJournalRedactor(secretFields: readonly string[]): JournalRedactor {
  const policy = createRedactionPolicy({ secretFields });
  const isSecret = (name: string) => policy.isSecretName(name);
  const redactString = (value: string) => policy.string(value);
  const quotedPair = /"([^"\\]{1,64})"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

  const body = (value: unknown): unknown => policy.json(value).value;

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
