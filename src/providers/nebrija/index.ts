import { defineProvider } from '../define-provider.js';
import { nebrijaAuth } from './auth.js';
import { renderNebrijaError } from './errors.js';
import { nebrijaFixtures } from './fixtures.js';
import { nebrijaHandlers } from './resources.js';
import { nebrijaCollections, seedNebrija } from './store.js';

/** Nebrija AI SIP trunks (LiveKit-backed): Bearer auth, camelCase JSON. */
export const nebrija = defineProvider({
  slug: 'nebrija',
  title: 'Nebrija AI SIP trunks',
  spec: 'nebrija.openapi.yaml',
  realBase: 'https://nebrijaai.com',
  auth: nebrijaAuth,
  renderError: renderNebrijaError,
  resources: { collections: nebrijaCollections, seed: seedNebrija, handlers: nebrijaHandlers },
  fixtures: nebrijaFixtures,
  secretFields: ['password'],
  volatileFields: ['createdAt', 'updatedAt'],
});
