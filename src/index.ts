/**
 * sipmock's public API: start the mock from a test, steer it, and define providers of your own.
 *
 * @example
 * import { startSipmock } from 'sipmock';
 * const sipmock = await startSipmock({ port: 0, providers: ['signalwire'] });
 * // point the client at `${sipmock.url}/signalwire`, then:
 * await sipmock.close();
 */
export { startSipmock, createSipmock } from './server/create-app.js';
export type { SipmockOptions, StartOptions, RunningSipmock, Sipmock } from './server/create-app.js';
export { defineProvider } from './providers/define-provider.js';
export type { ProviderInput } from './providers/define-provider.js';
export { PROVIDERS } from './providers/registry.js';
export { authenticateBearer, bearerExample, readBasicCredentials, readBearerToken, requireListed } from './providers/credentials.js';
export { jsonApiMedia, jsonMedia } from './providers/media-policies.js';
export { MockError, MOCK_ERRORS, unhandledCode } from './errors.js';
export type { MockErrorCode, ProviderError, ProviderErrorCode, Violation } from './errors.js';
export type {
  AnonymousHandler,
  AuthContext,
  AuthResult,
  CollectionDefinition,
  HandlerContext,
  MediaPolicy,
  MockResponse,
  OperationHandler,
  ProviderAuth,
  ProviderDefinition,
  ProviderRequest,
  ProviderResources,
  ReplayRule,
  RoutedRequest,
} from './providers/types.js';
export type { AccountState } from './state/account-state.js';
export type { Collection, IdStrategy, StoredRecord } from './state/collection.js';
export type { FixturePlan, Scenario } from './recording/scenario-plan.js';
