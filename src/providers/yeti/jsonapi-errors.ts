import { MockError } from '../../errors.js';

/** A jsonapi-resources error object: only non-nil members, `code` and `status` as strings. */
export type ResourceError = { title: string; detail?: string; code: string; source?: { pointer: string }; status: string };

/**
 * The errors jsonapi-resources would render, carried to the provider's renderer as they are.
 * The HTTP status is the first error's.
 */
export class YetiErrors extends MockError {
  readonly errors: ResourceError[];

  constructor(errors: ResourceError[]) {
    const summary = errors.map((error) => `${error.code} ${error.detail ?? error.title}`).join('; ');
    // The journal and x-sipmock-error tell a missing record from a refused request.
    if (errors[0]?.status === '404') super('MOCK_ERR_NOT_FOUND', { resource: 'record', id: summary });
    else super('MOCK_ERR_VALIDATION', { summary });
    this.errors = errors;
  }
}

const error = (code: string, title: string, detail: string, status = '400'): ResourceError => ({ title, detail, code, status });

/**
 * jsonapi-resources release-0-9 `lib/jsonapi/exceptions.rb`: each exception's code, title and
 * default detail (the gem's locales/en.yml is not loaded by the gem, so the defaults are what
 * renders).
 */
export const JSONAPI_ERRORS = {
  invalidResource: (resource: string) => error('101', 'Invalid resource', `${resource} is not a valid resource.`),
  filterNotAllowed: (filter: string) => error('102', 'Filter not allowed', `${filter} is not allowed.`),
  invalidFieldValue: (field: string, value: string) => error('103', 'Invalid field value', `${value} is not a valid value for ${field}.`),
  invalidField: (type: string, field: string) => error('104', 'Invalid field', `${field} is not a valid field for ${type}.`),
  paramNotAllowed: (param: string) => error('105', 'Param not allowed', `${param} is not allowed.`),
  paramMissing: (param: string) => error('106', 'Missing Parameter', `The required parameter, ${param}, is missing.`),
  invalidFilterValue: (filter: string, value: string) => error('107', 'Invalid filter value', `${value} is not a valid value for ${filter}.`),
  missingKey: () => error('109', 'A key is required', 'The resource object does not contain a key.'),
  keyNotIncludedInUrl: (key: string) => error('110', 'Key is not included in URL', `The URL does not support the key ${key}`),
  invalidInclude: (resource: string, relationship: string) => error('112', 'Invalid field', `${relationship} is not a valid relationship of ${resource}`),
  invalidSortCriteria: (resource: string, sort: string) => error('114', 'Invalid sort criteria', `${sort} is not a valid sort criteria for ${resource}`),
  invalidLinksObject: () => error('115', 'Invalid Links Object', 'Data is not a valid Links Object.'),
  typeMismatch: (type: string) => error('116', 'Type Mismatch', `${type} is not a valid type for this operation.`),
  invalidPageValue: (page: string, value: number) => error('118', 'Invalid page value', `${value} is not a valid value for ${page} page parameter.`),
  pageSizeTooLarge: (maximum: number) => error('118', 'Invalid page value', `size exceeds maximum page size of ${maximum}.`),
  invalidFieldFormat: () => error('119', 'Invalid field format', 'Fields must specify a type.'),
  invalidFiltersSyntax: (filters: string) => error('120', 'Invalid filters syntax', `${filters} is not a valid syntax for filtering.`),
  invalidDataFormat: () => error('122', 'Invalid data format', 'Data must be a hash.'),
  badRequest: (detail: string) => error('400', 'Bad Request', detail),
  recordNotFound: (id: string) => error('404', 'Record not found', `The record identified by ${id} could not be found.`, '404'),
  internalServerError: () => error('500', 'Internal Server Error', 'Internal Server Error', '500'),
} as const;

/** Raises the errors jsonapi-resources answers for this request. */
export function fail(...errors: ResourceError[]): never {
  throw new YetiErrors(errors);
}
