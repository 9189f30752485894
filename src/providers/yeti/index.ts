import { defineProvider } from '../define-provider.js';
import { yetiMedia } from './media.js';
import type { AnonymousHandler } from '../types.js';
import { issueYetiToken, yetiAuth, yetiLogins } from './auth.js';
import { renderYetiError } from './errors.js';
import { yetiFixtures } from './fixtures.js';
import { yetiResourceHandlers } from './resources.js';
import { seedYeti, yetiCollections } from './store.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** Trades an admin login for a JWT; a wrong login gets Yeti's JSON:API 401. */
const createAuthToken: AnonymousHandler = async (request, context) => {
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
};

/** Yeti switch admin API: JSON:API (jsonapi-resources), JWT from POST /api/rest/admin/auth. */
export const yeti = defineProvider({
  slug: 'yeti',
  title: 'Yeti switch admin API',
  spec: 'yeti.openapi.yaml',
  realBase: 'https://{host}',
  auth: yetiAuth,
  renderError: renderYetiError,
  media: yetiMedia,
  resources: { collections: yetiCollections, seed: seedYeti, handlers: yetiResourceHandlers },
  anonymous: { createAuthToken },
  fixtures: yetiFixtures,
  secretFields: ['password', 'auth-password', 'jwt', 'token'],
});
