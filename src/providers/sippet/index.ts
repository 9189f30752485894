import { authenticateBearer } from '../credentials.js';
import type { ProviderDefinition } from '../types.js';
import { renderSippetError } from './errors.js';
import { sippetHandlers, sippetState } from './state.js';

/** Sippet: a JSON:API `Gateway` resource served by AshJsonApi, Bearer auth. */
export const sippet: ProviderDefinition = {
  slug: 'sippet',
  title: 'Sippet',
  specFile: 'sippet.openapi.yaml',
  realBase: 'https://api.sippet.ai',
  authenticate: authenticateBearer,
  renderError: renderSippetError,
  handlers: sippetHandlers,
  state: sippetState,
};
