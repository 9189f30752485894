import type { ProviderCase } from '../../helpers/provider-cases.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** What the shared suites need to talk to sippet: credentials for any account, and the seeded ids its paths take. */
const providerCase: ProviderCase = {
  // The spec's operationIds, so a dropped or renamed operation fails a test.
  operations: ['createGateway', 'deleteGateway', 'getGateway', 'listGateways', 'updateGateway'],
  credentials: async (_, account = 'sk_test_conformance') => bearer(account),
  pathParams: { id: '3f6c2a1e-8b4d-4c57-9e21-6a0d5b7c9f13' },
};

export default providerCase;
