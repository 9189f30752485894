import { MockError } from '../errors.js';
import type { MockResponse, RoutedRequest } from '../providers/types.js';
import { toReplayResponse, type Replayer } from '../recording/replay.js';
import type { StateStore } from '../state/store.js';
import type { MountedProvider } from './mounted-provider.js';

export type ReplayContext = { provider: MountedProvider; store: StateStore; replayer?: Replayer };

/**
 * Answers an authenticated request from a recorded fixture, or returns undefined to let the mock
 * answer (fallback mode). A recorded success changes the account's state the way the provider's
 * collections say, through the collections' own API, so ids and persistence stay right.
 */
export function replayAnswer(request: RoutedRequest, account: string | undefined, context: ReplayContext): MockResponse | undefined {
  const { provider, replayer } = context;
  if (!replayer) return undefined;
  const { definition } = provider;
  const { operationId } = request.operation;
  const match = replayer.find(request);
  if (!match) {
    if (replayer.mode === 'fallback') return undefined;
    const closest = replayer.closest(request);
    throw new MockError('MOCK_ERR_REPLAY_UNMATCHED', {
      method: request.method,
      path: request.path,
      operationId,
      closest: closest ? `${closest.file} (${closest.differences.join('; ')})` : 'none: no fixture was recorded for this operation',
    });
  }
  const response = toReplayResponse(match);
  const resources = definition.resources;
  if (response.status >= 300 || !resources || account === undefined) return response;
  const state = context.store.account(definition.slug, account);
  for (const [name, collection] of Object.entries(resources.collections)) {
    const rule = collection.replay?.[operationId];
    if (!rule) continue;
    const stored = state.collection(name);
    const change = rule(request, match.fixture.response.body, stored);
    for (const record of change.upsert ?? []) stored.upsert(record);
    for (const id of change.remove ?? []) stored.remove(id);
  }
  return response;
}
