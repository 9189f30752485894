import { authenticateBearer } from '../credentials.js';
import type { ProviderDefinition } from '../types.js';
import { renderNebrijaError } from './errors.js';
import { nebrijaHandlers } from './handlers.js';
import { nebrijaState } from './state.js';

/** Nebrija AI SIP trunks (LiveKit-backed): Bearer auth, camelCase JSON. */
export const nebrija: ProviderDefinition = {
  slug: 'nebrija',
  title: 'Nebrija AI SIP trunks',
  specFile: 'nebrija.openapi.yaml',
  realBase: 'https://nebrijaai.com',
  authenticate: authenticateBearer,
  renderError: renderNebrijaError,
  handlers: nebrijaHandlers,
  state: nebrijaState,
};
