import { defineProvider } from '../define-provider.js';
import { sippetAuth } from './auth.js';
import { renderSippetError } from './errors.js';
import { ashJsonApiMedia } from './media.js';
import { sippetHandlers } from './resources.js';
import { seedSippet, sippetCollections } from './store.js';

/** Sippet: a JSON:API `Gateway` resource served by AshJsonApi, Bearer auth. */
export const sippet = defineProvider({
  slug: 'sippet',
  title: 'Sippet',
  spec: 'sippet.openapi.yaml',
  realBase: 'https://api.sippet.ai',
  auth: sippetAuth,
  renderError: renderSippetError,
  media: ashJsonApiMedia,
  resources: { collections: sippetCollections, seed: seedSippet, handlers: sippetHandlers },
});
