import { authenticateBearer, bearerExample } from '../credentials.js';
import type { ProviderAuth } from '../types.js';

/** Sippet API keys are Bearer tokens; each key is its own account. */
export const sippetAuth: ProviderAuth = {
  authenticate: authenticateBearer,
  example: bearerExample('sk_test_4eC39HqLyjWDarjtT1zdp7dc'),
};
