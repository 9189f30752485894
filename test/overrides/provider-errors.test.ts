import { describe, expect, test } from 'vitest';
import { MockError, type ProviderError } from '../../src/errors.js';
import { PROVIDERS } from '../../src/providers/registry.js';
import type { ProviderRequest } from '../../src/providers/types.js';

const request = (provider: string): ProviderRequest => ({
  provider, method: 'GET', path: '/x', url: new URL('http://127.0.0.1/x'), headers: {}, query: {}, pathParams: {}, mediaType: '',
});

/** The test kit's catalog codes, rendered by every provider in its own shape with the status they stand for. */
describe.each(PROVIDERS.map((p) => [p.slug, p] as const))('%s renderError', (slug, definition) => {
  test.each([
    [new MockError('MOCK_ERR_OVERRIDE', { id: 'ovr_1', status: 502 }), 502],
    [new MockError('MOCK_ERR_OVERRIDE', { id: 'ovr_1', status: 418 }), 418],
    [new MockError('MOCK_ERR_CROSS_SITE', { why: 'Origin https://evil.example' }), 403],
    [new MockError('MOCK_ERR_RATE_LIMITED', { limit: 6, window: 3600, rule: 'x', retryAfter: 10 }), 429],
  ])('%s answers %i', (error, status) => {
    const rendered = definition.renderError(error as ProviderError, request(slug));
    expect(rendered.status).toBe(status);
    expect(rendered.body).toBeDefined();
  });
});
