import type { ProviderCase } from '../../helpers/provider-cases.js';

/** What the shared suites need to talk to signalwire: credentials for any account, and the seeded ids its paths take. */
const providerCase: ProviderCase = {
  // The spec's operationIds, so a dropped or renamed operation fails a test.
  operations: ['create_sip_gateway', 'delete_sip_gateway', 'get_sip_gateway', 'list_sip_gateway_addresses', 'list_sip_gateways', 'update_sip_gateway'],
  credentials: async (_, account = 'bc949800-7b40-43cf-8438-a85facfcbdd1') => ({
    authorization: `Basic ${Buffer.from(`${account}:PT0123456789abcdef`).toString('base64')}`,
  }),
  pathParams: { id: '0823a606-0aff-4c90-9eba-f88ba118fe05' },
  // The shared HTTP edge tests (test/server/edges.test.ts): requests to send and this provider's exact answers.
  edges: {
    create: { path: '/signalwire/api/fabric/resources/sip_gateways', mediaType: 'application/json' },
    list: { method: 'GET', path: '/signalwire/api/fabric/resources/sip_gateways', operationId: 'list_sip_gateways', accept: 'application/json' },
    errorContentType: 'application/json; charset=utf-8',
    tooLarge: () => ({ error: 'Payload Too Large' }),
    malformed: () => ({ error: 'Bad Request' }),
    empty: {
      status: 422,
      body: {
        errors: [
          {
            type: 'validation_error',
            code: 'missing_required_parameter',
            message: "Request body can't be blank",
            attribute: null,
            url: 'https://signalwire.com/docs/apis/error-codes#missing_required_parameter',
          },
        ],
      },
    },
    wrongMethod: { method: 'PUT', path: '/signalwire/api/fabric/resources/sip_gateways', status: 404, body: { error: 'Not Found' } },
  },
};

export default providerCase;
