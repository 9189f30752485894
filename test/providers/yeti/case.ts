import type { ProviderCase } from '../../helpers/provider-cases.js';
import { http } from '../../helpers/start-server.js';

/** What the shared suites need to talk to yeti: credentials for any account, and the seeded ids its paths take. */
const providerCase: ProviderCase = {
  // The spec's operationIds, so a dropped or renamed operation fails a test.
  operations: [
    'createAuthToken',
    'createNode', 'createPop', 'createRegistration',
    'deleteNode', 'deletePop', 'deleteRegistration', 'deleteRegistrationNodeRelationship', 'deleteRegistrationPopRelationship',
    'getNode', 'getNodePop', 'getNodePopRelationship', 'getPop', 'getRegistration',
    'getRegistrationNode', 'getRegistrationNodeRelationship', 'getRegistrationPop', 'getRegistrationPopRelationship',
    'getRegistrationTransportProtocol', 'getRegistrationTransportProtocolRelationship', 'getTransportProtocol',
    'listNodes', 'listPops', 'listRegistrations', 'listTransportProtocols',
    'replaceNode', 'replaceNodePopRelationship', 'replacePop', 'replaceRegistration',
    'replaceRegistrationNodeRelationship', 'replaceRegistrationPopRelationship', 'replaceRegistrationTransportProtocolRelationship',
    'updateNode', 'updateNodePopRelationship', 'updatePop', 'updateRegistration',
    'updateRegistrationNodeRelationship', 'updateRegistrationPopRelationship', 'updateRegistrationTransportProtocolRelationship',
  ],
  async credentials(baseUrl, account = 'admin:111111') {
    const [username, password] = account.split(':');
    const response = await http(baseUrl, '/yeti/api/rest/admin/auth', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ auth: { username, password } }),
    });
    if (response.status !== 201) throw new Error(`Yeti login failed: ${response.status} ${response.text}`);
    return { authorization: (response.json as { jwt: string }).jwt };
  },
  pathParams: { id: '9' },
  // The seeded examples: registration 9, PoP 4 and node 7; PoP 5 and node 8 are unused, so deletable.
  pathParamsFor(operation) {
    const collection = operation.pathTemplate.split('/')[4];
    const deleting = operation.method === 'DELETE';
    const ids: Record<string, string> = { 'transport-protocols': '1', pops: deleting ? '5' : '4', nodes: deleting ? '8' : '7' };
    // Relationship routes name their parent: registration 9, node 7.
    return { id: ids[collection] ?? '9', registration_id: '9', node_id: '7' };
  },
  unnamedErrors: ['createAuthToken'],
  // The shared HTTP edge tests (test/server/edges.test.ts): requests to send and this provider's exact answers.
  edges: {
    create: { path: '/yeti/api/rest/admin/registrations', mediaType: 'application/vnd.api+json' },
    list: { method: 'GET', path: '/yeti/api/rest/admin/registrations', operationId: 'listRegistrations', accept: 'application/vnd.api+json' },
    errorContentType: 'application/vnd.api+json',
    tooLarge: (limit) => {
      const detail = `The request body exceeds the limit of ${limit} bytes`;
      return { errors: [{ title: 'Payload Too Large', detail, code: '413', status: '413' }] };
    },
    malformed: (why) => ({ errors: [{ title: 'Bad Request', detail: `The request body is not valid JSON: ${why}`, code: '400', status: '400' }] }),
    empty: {
      status: 400,
      body: { errors: [{ title: 'Missing Parameter', detail: 'The required parameter, data, is missing.', code: '106', status: '400' }] },
    },
    wrongMethod: {
      method: 'PUT',
      path: '/yeti/api/rest/admin/registrations',
      status: 404,
      body: { errors: [{ title: 'Not Found', detail: 'No route matches [PUT] "/api/rest/admin/registrations"', code: '404', status: '404' }] },
    },
  },
};

export default providerCase;
