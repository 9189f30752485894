import type { ProviderCase } from '../../helpers/provider-cases.js';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** What the shared suites need to talk to nebrija: credentials for any account, and the seeded ids its paths take. */
const providerCase: ProviderCase = {
  // The spec's operationIds, so a dropped or renamed operation fails a test.
  operations: ['createSipTrunk', 'deleteSipTrunk', 'getSipTrunk', 'listSipTrunks', 'updateSipTrunk'],
  credentials: async (_, account = 'nbj_test_conformance') => bearer(account),
  pathParams: { id: '3fa85f64-5717-4562-b3fc-2c963f66afa6' },
  // The shared HTTP edge tests (test/server/edges.test.ts): requests to send and this provider's exact answers.
  edges: {
    create: { path: '/nebrija/api/v1/sip-trunks', mediaType: 'application/json' },
    list: { method: 'GET', path: '/nebrija/api/v1/sip-trunks', operationId: 'listSipTrunks', accept: 'application/json' },
    errorContentType: 'application/json; charset=utf-8',
    tooLarge: () => ({ statusCode: 413, message: 'request entity too large', error: 'Payload Too Large' }),
    malformed: (why) => ({ statusCode: 400, message: why, error: 'Bad Request' }),
    empty: { status: 400, body: { statusCode: 400, message: ['request body should not be empty'], error: 'Bad Request' } },
    wrongMethod: {
      method: 'PUT',
      path: '/nebrija/api/v1/sip-trunks',
      status: 404,
      body: { statusCode: 404, message: 'Cannot PUT /api/v1/sip-trunks', error: 'Not Found' },
    },
  },
};

export default providerCase;
