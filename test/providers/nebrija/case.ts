import type { ProviderCase } from '../../helpers/provider-cases.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** What the shared suites need to talk to nebrija: credentials for any account, and the seeded ids its paths take. */
const providerCase: ProviderCase = {
  // The spec's operationIds, so a dropped or renamed operation fails a test.
  operations: ['createSipTrunk', 'deleteSipTrunk', 'getSipTrunk', 'listSipTrunks', 'updateSipTrunk'],
  credentials: async (_, account = 'nbj_test_conformance') => bearer(account),
  pathParams: { id: '3fa85f64-5717-4562-b3fc-2c963f66afa6' },
};

export default providerCase;
