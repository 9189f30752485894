import { MockError } from '../errors.js';
import { jsonMedia } from './media-policies.js';
import type { ProviderDefinition } from './types.js';

/** What `defineProvider` takes: the definition, with the media policy and field lists optional. */
export type ProviderInput = Omit<ProviderDefinition, 'media' | 'secretFields' | 'volatileFields'> &
  Partial<Pick<ProviderDefinition, 'media' | 'secretFields' | 'volatileFields'>>;

const SLUG = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * Checks and completes a provider definition. What needs the spec (every handler, collection,
 * replay rule and fixture-plan key must be one of its operationIds) is checked when it is mounted.
 *
 * @example
 * export const acme = defineProvider({
 *   slug: 'acme', title: 'Acme trunks', spec: new URL('./acme.openapi.yaml', import.meta.url).pathname,
 *   realBase: 'https://api.acme.example',
 *   auth: { authenticate: authenticateBearer, example: async () => ({ authorization: 'Bearer t0ken' }) },
 *   renderError: (error) => ({ status: error.status, body: { message: error.message } }),
 * });
 */
export function defineProvider(input: ProviderInput): ProviderDefinition {
  const refuse = (why: string) => new MockError('MOCK_ERR_CONFIG', { why: `provider "${String(input.slug)}": ${why}` });
  if (typeof input.slug !== 'string' || !SLUG.test(input.slug)) {
    throw refuse('the slug must be lower-case letters, digits and dashes, starting with a letter (it is a URL prefix)');
  }
  if (typeof input.spec !== 'string' || input.spec === '') throw refuse('spec must name an OpenAPI document (a path)');
  if (typeof input.renderError !== 'function') throw refuse('renderError must be a function');
  if (typeof input.auth?.authenticate !== 'function' || typeof input.auth?.example !== 'function') {
    throw refuse('auth needs authenticate(request, context) and example(call)');
  }
  const handled = Object.keys(input.resources?.handlers ?? {});
  const both = Object.keys(input.anonymous ?? {}).filter((operationId) => handled.includes(operationId));
  if (both.length > 0) throw refuse(`${both.join(', ')} cannot be both an anonymous and a stateful handler`);
  return Object.freeze({ media: jsonMedia, secretFields: [], volatileFields: [], ...input });
}
