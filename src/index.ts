/**
 * sipmock's package API: start the mock in a test, steer it with overrides, check it with the
 * journal, and add providers of your own.
 *
 * @example
 * import { startSipmock } from 'sipmock';
 * const sipmock = await startSipmock({ providers: ['signalwire'] });
 * // … point the client at sipmock.baseUrl('signalwire'), then:
 * const [call] = sipmock.journal.entries({ operationId: 'list_sip_gateways' });
 * await sipmock.close();
 */
export { createSipmock, startSipmock } from './server/create-app.js';
export type { RunningSipmock, Sipmock, SipmockOptions, StartOptions } from './server/create-app.js';
export type { OverrideHandle, ResetScope, TestKitOptions } from './server/test-kit.js';
export { defineProvider, type ProviderInput } from './providers/define-provider.js';
export { PROVIDERS } from './providers/registry.js';
export type * from './providers/types.js';
export { MOCK_ERRORS, MockError, isMockError, unhandledCode, statusOf } from './errors.js';
export type { MockErrorCode, ProviderError, ProviderErrorCode, Violation } from './errors.js';
export type { Journal, JournalListener } from './journal/journal.js';
export type { JournalBodySide, JournalEntry, JournalSource, JournalViolation } from './journal/entry.js';
export { JOURNAL_BODY_LIMIT } from './journal/entry.js';
export type { JournalFilter } from './journal/journal-filter.js';
export type { Fault, OverrideRespond, OverrideSpec } from './overrides/override-spec.js';
export type {
  CoverageCount, CoverageRatio, CoverageReport, CoverageSummary, CoverageThreshold, FieldCoverage, OperationCoverage, ProviderCoverage, StatusCoverage,
} from './coverage/coverage-report.js';
export type { CoverageIgnore, CoverageMetric, CoverageMinimum, CoverageOptions } from './coverage/coverage-options.js';
export { formatCoverage, writeCoverageReport, COVERAGE_FILES, type CoverageFormat } from './coverage/coverage-files.js';
export type { OverrideView } from './overrides/override-store.js';
export type { LatencyOptions, LatencyRange } from './server/latency.js';
export type { Logger, LogFormat, RequestLogEntry } from './server/logger.js';
export { createLogger } from './server/logger.js';
export { authenticateBearer, bearerExample, readBasicCredentials, readBearerToken, requireListed } from './providers/credentials.js';
export { jsonApiMedia, jsonMedia } from './providers/media-policies.js';
export type { AccountState } from './state/account-state.js';
export type { Collection, IdStrategy, StoredRecord } from './state/collection.js';
export type { FixturePlan, Scenario } from './recording/scenario-plan.js';
