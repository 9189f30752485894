import type { ProviderDefinition } from '../types.js';
import { authenticateYeti, issueYetiToken, yetiLogins } from './auth.js';
import { renderYetiError } from './errors.js';
import { yetiResourceHandlers, yetiState } from './state.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Yeti switch admin API: JSON:API (jsonapi-resources), JWT from POST /api/rest/admin/auth. */
export const yeti: ProviderDefinition = {
  slug: 'yeti',
  title: 'Yeti switch admin API',
  specFile: 'yeti.openapi.yaml',
  realBase: 'https://{host}',
  authenticate: authenticateYeti,
  renderError: renderYetiError,
  handlers: {
    /** Trades an admin login for a JWT; a wrong login gets Yeti's JSON:API 401. */
    async createAuthToken(request, context) {
      const { auth } = request.body as { auth: { username: string; password: string } };
      const logins = yetiLogins(context.auth);
      const index = logins.indexOf(`${auth.username}:${auth.password}`);
      if (index === -1) {
        return {
          status: 401,
          headers: { 'content-type': JSON_TYPE },
          body: { errors: [{ title: 'Authentication failed', detail: 'Incorrect login or password.', code: '401', status: '401' }] },
        };
      }
      // Admin ids follow the order of the configured logins: the default admin is 1.
      return { status: 201, headers: { 'content-type': JSON_TYPE }, body: { jwt: await issueYetiToken(index + 1, context.auth.secret) } };
    },
    ...yetiResourceHandlers,
  },
  state: yetiState,
};
