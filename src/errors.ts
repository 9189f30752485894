/**
 * One catalog of every error sipmock raises. Each entry has the HTTP status it maps to (when it is
 * answered to a client) and a message template. Providers render these in their own error format
 * (src/providers/<slug>/errors.ts); nothing else formats an error for the wire.
 */
export const MOCK_ERRORS = {
  MOCK_ERR_SPEC_UNREADABLE: { status: 500, message: 'Failed to load spec {file}: {why}' },
  MOCK_ERR_SPEC_DIALECT: {
    status: 500,
    message:
      'Failed to load spec {file}: jsonSchemaDialect is {dialect}; OpenAPI 3.1 specs must declare ' +
      'https://json-schema.org/draft/2020-12/schema, or prism-http validates nothing',
  },
  MOCK_ERR_CONFIG: { status: 500, message: 'Invalid configuration: {why}' },
  MOCK_ERR_STATE_FILE: {
    status: 500,
    message: 'Failed to restore state from {file}: {why}. Fix or move the file; sipmock never replaces it silently',
  },
  MOCK_ERR_STATE_INVALID: { status: 400, message: 'The state for {provider} was refused: {why}' },
  MOCK_ERR_ROUTE_NOT_FOUND: { status: 404, message: 'No operation of {provider} matches {method} {path}' },
  MOCK_ERR_METHOD_NOT_ALLOWED: {
    status: 405,
    message: '{method} is not allowed on {path}; allowed: {allowed}',
  },
  MOCK_ERR_AUTH_MISSING: { status: 401, message: 'Missing credentials: {why}' },
  MOCK_ERR_AUTH_INVALID: { status: 401, message: 'Invalid credentials: {why}' },
  MOCK_ERR_FORBIDDEN: { status: 403, message: 'Forbidden: {why}' },
  MOCK_ERR_BODY_MALFORMED: { status: 400, message: 'The request body is not valid JSON: {why}' },
  MOCK_ERR_BODY_MISSING: { status: 400, message: 'The request body is required and was empty' },
  MOCK_ERR_BODY_TOO_LARGE: { status: 413, message: 'The request body exceeds the limit of {limit} bytes' },
  MOCK_ERR_MEDIA_UNSUPPORTED: {
    status: 415,
    message: 'Content-Type {contentType} is not supported; send {expected}',
  },
  MOCK_ERR_MEDIA_UNACCEPTABLE: { status: 406, message: 'Accept {accept} does not allow {expected}' },
  MOCK_ERR_VALIDATION: { status: 422, message: 'The request is invalid: {summary}' },
  MOCK_ERR_NOT_FOUND: { status: 404, message: '{resource} {id} was not found' },
  MOCK_ERR_CONFLICT: { status: 409, message: '{why}' },
  MOCK_ERR_PREFER_INVALID: { status: 400, message: 'Invalid Prefer header "{value}": {why}' },
  MOCK_ERR_PREFER_CODE: {
    status: 400,
    message: 'Prefer code={code} is not documented for {operationId}; documented codes: {codes}',
  },
  MOCK_ERR_PREFER_EXAMPLE: {
    status: 400,
    message: 'Prefer example={example} does not exist for {operationId} status {code}; examples: {examples}',
  },
  MOCK_ERR_REPLAY_UNMATCHED: {
    status: 404,
    message: 'No recorded fixture matches {method} {path} ({operationId}); closest: {closest}',
  },
  MOCK_ERR_INTERNAL: { status: 500, message: 'Internal error: {why}' },
} as const satisfies Record<string, { status: number; message: string }>;

export type MockErrorCode = keyof typeof MOCK_ERRORS;

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

/** An error with a catalog code, its template values, and the data renderers may need. */
export class MockError extends Error {
  readonly code: MockErrorCode;
  readonly status: number;
  readonly values: Record<string, string>;
  readonly violations: Violation[];

  constructor(code: MockErrorCode, values: Record<string, string | number> = {}, violations: Violation[] = []) {
    const entry = MOCK_ERRORS[code];
    const strings = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value)]));
    super(entry.message.replace(/\{(\w+)\}/g, (_, key: string) => strings[key] ?? `{${key}}`));
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
