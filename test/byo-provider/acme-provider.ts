import { fileURLToPath } from 'node:url';
import { authenticateBearer, bearerExample, defineProvider, type ProviderError, type StoredRecord } from '../../src/index.js';

type Trunk = StoredRecord & { host: string };

/** A provider of the user's own, written against the public API only: its spec, auth, errors and state. */
export const acme = defineProvider({
  slug: 'acme',
  title: 'Acme trunks',
  spec: fileURLToPath(new URL('./acme.openapi.yaml', import.meta.url)),
  realBase: 'https://api.acme.example',
  auth: { authenticate: authenticateBearer, example: bearerExample('acme-test-token') },
  renderError(error: ProviderError) {
    const code = error.code === 'MOCK_ERR_NOT_FOUND' ? 'not_found' : error.code.replace(/^MOCK_ERR_/, '').toLowerCase();
    return { status: error.status === 422 ? 400 : error.status, headers: { 'content-type': 'application/json' }, body: { error: { code, message: error.message } } };
  },
  resources: {
    collections: { trunks: { operationId: 'getTrunk', ids: { sequence: { start: 1 } }, render: (record) => record } },
    seed: () => {},
    handlers: {
      listTrunks: (_, { state }) => ({ status: 200, body: state.collection<Trunk>('trunks').list() }),
      createTrunk(request, { state }) {
        const trunks = state.collection<Trunk>('trunks');
        const trunk = trunks.insert({ id: `t-${trunks.nextId()}`, host: (request.body as { host: string }).host });
        return { status: 201, body: trunk };
      },
      getTrunk(request, { state }) {
        const trunk = state.collection<Trunk>('trunks').get(request.pathParams.id);
        if (!trunk) return { status: 404, body: { error: { code: 'not_found', message: `No trunk ${request.pathParams.id}` } } };
        return { status: 200, body: trunk };
      },
    },
  },
});
