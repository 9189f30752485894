import type { Operation } from '../../src/openapi/operation.js';
import { http } from './start-server.js';

/**
 * Per provider, what a test client needs: how to authenticate, and the ids its paths take.
 * The ids are the ones the specs' examples use, which every account is seeded with.
 */
export type ProviderCase = {
  /** Headers that authenticate a request (a token, a Basic pair, a JWT fetched from the server). */
  credentials(baseUrl: string, account?: string): Promise<Record<string, string>>;
  /** Values for path parameters, by name. */
  pathParams: Record<string, string>;
  /** Brings a freshly reset account to where the spec's examples apply (records they refer to). */
  prepare?(baseUrl: string, headers: Record<string, string>): Promise<void>;
  /** Path parameters for one operation, where ids differ by path (Yeti's PoPs, nodes...); else `pathParams`. */
  pathParamsFor?(operation: Operation): Record<string, string>;
  /** Operations whose documented 400 body cannot name the field (Yeti's token endpoint: Rails' bare `{"status":400,"error":"Bad Request"}`). */
  unnamedErrors?: string[];
};

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export const PROVIDER_CASES: Record<string, ProviderCase> = {
  sippet: {
    credentials: async (_, account = 'sk_test_conformance') => bearer(account),
    pathParams: { id: '3f6c2a1e-8b4d-4c57-9e21-6a0d5b7c9f13' },
  },
  signalwire: {
    credentials: async (_, account = 'bc949800-7b40-43cf-8438-a85facfcbdd1') => ({
      authorization: `Basic ${Buffer.from(`${account}:PT0123456789abcdef`).toString('base64')}`,
    }),
    pathParams: { id: '0823a606-0aff-4c90-9eba-f88ba118fe05' },
  },
  voicetel: {
    credentials: async (_, account = '0123456789abcdef0123456789abcdef') => bearer(account),
    pathParams: {},
    // The remove, update and routing examples refer to route 1000: a new account has no user gateway.
    async prepare(baseUrl, headers) {
      const response = await http(baseUrl, '/voicetel/v2.1/gateways/add/', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ gateways: [{ gateway: '192.0.2.50:5060' }] }),
      });
      if (response.status !== 200) throw new Error(`VoiceTel prepare failed: ${response.status} ${response.text}`);
    },
  },
  nebrija: {
    credentials: async (_, account = 'nbj_test_conformance') => bearer(account),
    pathParams: { id: '3fa85f64-5717-4562-b3fc-2c963f66afa6' },
  },
  yeti: {
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
  },
};
