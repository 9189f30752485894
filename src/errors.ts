/**
 * One catalog of every error sipmock raises. Each entry has the HTTP status it maps to, a message
 * template and a scope:
 * - `provider`: answered on a provider's routes, rendered by that provider's `renderError`, which
 *   must handle every such code (a new one is a compile error in each provider, not a silent 500);
 * - `control`: answered by the control API under /__sipmock, as JSON (src/server/control-errors.ts);
 * - `startup`: stops the start (a bad spec, option or state file); never answered to a client.
 */
export const MOCK_ERRORS = {
  MOCK_ERR_SPEC_UNREADABLE: { scope: 'startup', status: 500, message: 'Failed to load spec {file}: {why}' },
  MOCK_ERR_SPEC_DIALECT: {
    scope: 'startup',
    status: 500,
    message:
      'Failed to load spec {file}: jsonSchemaDialect is {dialect}; OpenAPI 3.1 specs must declare ' +
      'https://json-schema.org/draft/2020-12/schema, or prism-http validates nothing',
  },
  MOCK_ERR_CONFIG: { scope: 'startup', status: 500, message: 'Invalid configuration: {why}' },
  MOCK_ERR_STATE_FILE: {
    scope: 'startup',
    status: 500,
    message: 'Failed to restore state from {file}: {why}. Fix or move the file; sipmock never replaces it silently',
  },
  MOCK_ERR_STATE_INVALID: { scope: 'control', status: 400, message: 'The state for {provider} was refused: {why}' },
  MOCK_ERR_ROUTE_NOT_FOUND: { scope: 'provider', status: 404, message: 'No operation of {provider} matches {method} {path}' },
  MOCK_ERR_METHOD_NOT_ALLOWED: {
    scope: 'provider',
    status: 405,
    message: '{method} is not allowed on {path}; allowed: {allowed}',
  },
  MOCK_ERR_AUTH_MISSING: { scope: 'provider', status: 401, message: 'Missing credentials: {why}' },
  MOCK_ERR_AUTH_INVALID: { scope: 'provider', status: 401, message: 'Invalid credentials: {why}' },
  MOCK_ERR_FORBIDDEN: { scope: 'provider', status: 403, message: 'Forbidden: {why}' },
  MOCK_ERR_BODY_MALFORMED: { scope: 'provider', status: 400, message: 'The request body is not valid JSON: {why}' },
  MOCK_ERR_BODY_MISSING: { scope: 'provider', status: 400, message: 'The request body is required and was empty' },
  MOCK_ERR_BODY_TOO_LARGE: { scope: 'provider', status: 413, message: 'The request body exceeds the limit of {limit} bytes' },
  MOCK_ERR_MEDIA_UNSUPPORTED: {
    scope: 'provider',
    status: 415,
    message: 'Content-Type {contentType} is not supported; send {expected}',
  },
  MOCK_ERR_MEDIA_UNACCEPTABLE: { scope: 'provider', status: 406, message: 'Accept {accept} does not allow {expected}' },
  MOCK_ERR_VALIDATION: { scope: 'provider', status: 422, message: 'The request is invalid: {summary}' },
  MOCK_ERR_NOT_FOUND: { scope: 'provider', status: 404, message: '{resource} {id} was not found' },
  MOCK_ERR_PREFER_INVALID: { scope: 'provider', status: 400, message: 'Invalid Prefer header "{value}": {why}' },
  MOCK_ERR_PREFER_CODE: {
    scope: 'provider',
    status: 400,
    message: 'Prefer code={code} is not documented for {operationId}; documented codes: {codes}',
  },
  MOCK_ERR_PREFER_EXAMPLE: {
    scope: 'provider',
    status: 400,
    message: 'Prefer example={example} does not exist for {operationId} status {code}; examples: {examples}',
  },
  MOCK_ERR_REPLAY_UNMATCHED: {
    scope: 'provider',
    status: 404,
    message: 'No recorded fixture matches {method} {path} ({operationId}); closest: {closest}',
  },
  MOCK_ERR_INTERNAL: { scope: 'provider', status: 500, message: 'Internal error: {why}' },
  MOCK_ERR_STATE_SAVE: {
    scope: 'provider',
    status: 500,
    message: 'The change was rolled back: saving state to {file} failed ({why})',
  },
  MOCK_ERR_ACCOUNT_LIMIT: {
    scope: 'provider',
    status: 503,
    message: 'sipmock holds {max} accounts already (--max-accounts); a new account cannot be created',
  },
  MOCK_ERR_OVERRIDE: {
    scope: 'provider',
    status: 500,
    message: 'Override {id} answers {status}: the status is rendered in the provider\'s own error shape',
  },
  MOCK_ERR_CROSS_SITE: {
    scope: 'provider',
    status: 403,
    message: 'A cross-site request ({why}) was refused: start sipmock with --cors [origins] to serve browser clients',
  },
  MOCK_ERR_RATE_LIMITED: {
    scope: 'provider',
    status: 429,
    message: 'Rate limit exceeded: {limit} requests per {window} s ({rule}); retry after {retryAfter} s (serve --rate-limits)',
  },
  MOCK_ERR_OVERRIDE_INVALID: { scope: 'control', status: 400, message: 'The override was refused: {why}' },
  MOCK_ERR_OVERRIDE_NOT_FOUND: { scope: 'control', status: 404, message: 'No override {id}; GET /__sipmock/overrides lists them' },
  MOCK_ERR_JOURNAL_FILTER: { scope: 'control', status: 400, message: 'Invalid journal filter {name}={value}: {why}' },
  MOCK_ERR_COVERAGE_OPTION: { scope: 'control', status: 400, message: 'Invalid coverage option {name}={value}: {why}' },
  MOCK_ERR_CONTROL_NOT_FOUND: { scope: 'control', status: 404, message: 'No control route {method} {path}; see the README, "Control API"' },
  MOCK_ERR_CONTROL_BODY: { scope: 'control', status: 400, message: 'The control request body is not valid JSON: {why}' },
  MOCK_ERR_CONTROL_UNAUTHORIZED: { scope: 'control', status: 401, message: 'The control API needs Authorization: Bearer <control token>' },
  MOCK_ERR_CONTROL_FORBIDDEN: { scope: 'control', status: 403, message: 'The control API refused the request: {why}' },
  MOCK_ERR_CONTROL_INTERNAL: { scope: 'control', status: 500, message: 'The control API failed: {why}' },
  MOCK_ERR_NO_PROVIDER: { scope: 'control', status: 404, message: 'sipmock serves no provider at {method} {path}; use one of the mounted prefixes' },
} as const satisfies Record<string, { scope: 'provider' | 'control' | 'startup'; status: number; message: string }>;

export type MockErrorCode = keyof typeof MOCK_ERRORS;
type CodesOf<Scope> = { [C in MockErrorCode]: (typeof MOCK_ERRORS)[C]['scope'] extends Scope ? C : never }[MockErrorCode];
/** The codes a provider answers: every provider's `renderError` handles each of them. */
export type ProviderErrorCode = CodesOf<'provider'>;
export type ControlErrorCode = CodesOf<'control'>;

/** A validation failure of one field, in provider-neutral terms. */
export type Violation = {
  /** Where the value came from. */
  location: 'body' | 'query' | 'path' | 'header';
  /** Path segments to the offending value: ['data', 'attributes', 'name'] or ['page[size]']. */
  path: string[];
  /** The JSON Schema keyword (or business rule) that failed: 'required', 'enum', 'unique'... */
  rule: string;
  /** A short English message about the value, without the field name: "is required". */
  message: string;
  /** A provider's own error code, for business rules: 'sip_gateway_uri_must_be_external'. */
  code?: string;
};

/** Each catalog message split once at its `{name}` holes: odd items are names, even ones text. */
const templates = new Map<MockErrorCode, string[]>();

function fillTemplate(code: MockErrorCode, values: Record<string, string>): string {
  let parts = templates.get(code);
  if (!parts) templates.set(code, (parts = MOCK_ERRORS[code].message.split(/\{(\w+)\}/)));
  let message = parts[0];
  for (let i = 1; i < parts.length; i += 2) message += (Object.hasOwn(values, parts[i]) ? values[parts[i]] : `{${parts[i]}}`) + parts[i + 1];
  return message;
}

/** An error with a catalog code, its template values, and the data renderers may need. */
export class MockError extends Error {
  readonly code: MockErrorCode;
  readonly status: number;
  readonly values: Record<string, string>;
  readonly violations: Violation[];

  constructor(code: MockErrorCode, values: Record<string, string | number> = {}, violations: Violation[] = []) {
    const entry = MOCK_ERRORS[code];
    const strings: Record<string, string> = {};
    for (const key in values) strings[key] = String(values[key]);
    // Most MockErrors are answers (a 401, a 422), thrown on the request path thousands of times a
    // second: capturing a stack costs a seventh of such a request. Bugs and startup errors keep theirs.
    const limit = Error.stackTraceLimit;
    if (code !== 'MOCK_ERR_INTERNAL' && entry.scope !== 'startup') Error.stackTraceLimit = 0;
    try {
      super(fillTemplate(code, strings));
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.name = 'MockError';
    this.code = code;
    this.status = entry.status;
    this.values = strings;
    this.violations = violations;
  }
}

export function isMockError(error: unknown): error is MockError {
  return error instanceof MockError;
}

/** A MockError a provider answers; anything else that reaches a provider route is an internal error. */
export type ProviderError = MockError & { readonly code: ProviderErrorCode };

export function toProviderError(error: unknown): ProviderError {
  if (error instanceof MockError && MOCK_ERRORS[error.code].scope === 'provider') return error as ProviderError;
  const why = error instanceof Error ? error.message : String(error);
  return new MockError('MOCK_ERR_INTERNAL', { why }) as ProviderError;
}

/** The status an error answers: an override names its own (MOCK_ERR_OVERRIDE), the others take the catalog's. */
export function statusOf(error: ProviderError): number {
  const named = Number(error.values.status);
  return error.code === 'MOCK_ERR_OVERRIDE' && Number.isInteger(named) ? named : error.status;
}

/**
 * For the `default:` branch of a renderer's switch over `error.code`: it only compiles when every
 * provider code has its own case, so a new catalog code cannot fall through to a silent 500.
 */
export function unhandledCode(code: never): never {
  throw new Error(`no rendering for error code ${String(code)}`);
}
