import { authenticateBearer, bearerExample } from '../credentials.js';
import type { ProviderAuth } from '../types.js';

/** Nebrija API tokens are Bearer tokens; each token is its own account. */
export const nebrijaAuth: ProviderAuth = {
  authenticate: authenticateBearer,
  example: bearerExample('nbj_test_token'),
};
