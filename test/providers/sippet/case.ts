import { expect } from 'vitest';
import type { ProviderCase } from '../../helpers/provider-cases.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** What the shared suites need to talk to sippet: credentials for any account, and the seeded ids its paths take. */
const providerCase: ProviderCase = {
  // The spec's operationIds, so a dropped or renamed operation fails a test.
  operations: ['createGateway', 'deleteGateway', 'getGateway', 'listGateways', 'updateGateway'],
  credentials: async (_, account = 'sk_test_conformance') => bearer(account),
  pathParams: { id: '3f6c2a1e-8b4d-4c57-9e21-6a0d5b7c9f13' },
  // The shared HTTP edge tests (test/server/edges.test.ts): requests to send and this provider's exact answers.
  edges: {
    create: { path: '/sippet/api/gateways', mediaType: 'application/vnd.api+json' },
    list: { method: 'GET', path: '/sippet/api/gateways', operationId: 'listGateways', accept: 'application/vnd.api+json' },
    errorContentType: 'application/vnd.api+json',
    tooLarge: (limit) => {
      const detail = `The request body exceeds the limit of ${limit} bytes`;
      return {
        errors: [{ id: expect.any(String), status: '413', code: 'payload_too_large', title: 'Payload Too Large', detail, meta: {} }],
        jsonapi: { version: '1.0' },
      };
    },
    malformed: (why) => ({
      errors: [
        {
          id: expect.any(String),
          status: '400',
          code: 'invalid_body',
          title: 'InvalidBody',
          detail: `The request body is not valid JSON: ${why}`,
          source: { pointer: '' },
          meta: {},
        },
      ],
      jsonapi: { version: '1.0' },
      }),
    empty: {
      status: 400,
      body: {
        errors: [{ id: expect.any(String), status: '400', code: 'required', title: 'Required', detail: 'is required', source: { pointer: '/data' }, meta: {} }],
        jsonapi: { version: '1.0' },
      },
    },
    wrongMethod: {
      method: 'PUT',
      path: '/sippet/api/gateways',
      status: 404,
      body: {
        errors: [{ id: expect.any(String), status: '404', code: 'no_route_found', title: 'NoRouteFound', detail: 'no route found', meta: {} }],
        jsonapi: { version: '1.0' },
      },
    },
  },
};

export default providerCase;
