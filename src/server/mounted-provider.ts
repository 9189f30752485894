import { MockError } from '../errors.js';
import { specPathOf } from '../providers/spec-path.js';
import type { ProviderDefinition } from '../providers/types.js';
import { loadSpec, type LoadedSpec } from '../openapi/load-spec.js';
import { createOperation, type Operation } from '../openapi/operation.js';

/** A provider with its spec loaded and its operations prepared, ready to serve. */
export type MountedProvider = {
  definition: ProviderDefinition;
  spec: LoadedSpec;
  /** Sorted so that literal paths are tried before templated ones. */
  operations: Operation[];
  byId: ReadonlyMap<string, Operation>;
  find(method: string, path: string): OperationMatch;
};

export type OperationMatch =
  | { kind: 'found'; operation: Operation; pathParams: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

/** Loads the provider's spec and checks the definition against it; a mismatch stops the start. */
export async function mountProvider(definition: ProviderDefinition, specsDir: string): Promise<MountedProvider> {
  const file = specPathOf(definition, specsDir);
  const spec = await loadSpec(file);
  const operations = spec.operations.map(createOperation).sort((a, b) => b.score - a.score);
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));
  checkAgainstSpec(definition, byId, file);
  return {
    definition,
    spec,
    operations,
    byId,
    find(method, path) {
      const found = findOperation(operations, method, path);
      // Rails, Phoenix, Express and VoiceTel's own examples treat /x and /x/ as one route.
      if (found.kind !== 'none' || path === '/') return found;
      return findOperation(operations, method, path.endsWith('/') ? path.slice(0, -1) : `${path}/`);
    },
  };
}

function findOperation(operations: Operation[], method: string, path: string): OperationMatch {
  // HEAD is answered as GET without a body, as HTTP says.
  const wanted = method === 'HEAD' ? 'GET' : method;
  const allowed: string[] = [];
  for (const operation of operations) {
    const pathParams = operation.match(path);
    if (!pathParams) continue;
    if (operation.method === wanted) return { kind: 'found', operation, pathParams };
    allowed.push(operation.method);
  }
  return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
}

/**
 * Every operationId a definition names must be in its spec, and a handler must agree with the
 * spec on whether the operation needs credentials: a typo would otherwise silently serve the
 * canned example.
 */
function checkAgainstSpec(definition: ProviderDefinition, byId: ReadonlyMap<string, Operation>, file: string): void {
  const { resources, anonymous, fixtures } = definition;
  const named: Array<[string, string]> = [
    ...Object.keys(resources?.handlers ?? {}).map((id): [string, string] => [id, 'resources.handlers']),
    ...Object.keys(anonymous ?? {}).map((id): [string, string] => [id, 'anonymous']),
    ...Object.keys(fixtures?.setup ?? {}).map((id): [string, string] => [id, 'fixtures.setup']),
    ...Object.values(fixtures?.setup ?? {}).flat().map((id): [string, string] => [id, 'fixtures.setup']),
    ...(definition.rateLimits ?? []).flatMap((rule) => rule.operationIds ?? []).map((id): [string, string] => [id, 'rateLimits']),
  ];
  for (const [name, collection] of Object.entries(resources?.collections ?? {})) {
    named.push([collection.operationId, `resources.collections.${name}.operationId`]);
    for (const id of Object.keys(collection.replay ?? {})) named.push([id, `resources.collections.${name}.replay`]);
  }
  const refuse = (why: string) => new MockError('MOCK_ERR_CONFIG', { why: `provider "${definition.slug}": ${why} (spec ${file})` });
  for (const [operationId, where] of named) {
    if (!byId.has(operationId)) throw refuse(`${where} names "${operationId}", which is no operationId of the spec; known: ${[...byId.keys()].join(', ')}`);
  }
  for (const operationId of Object.keys(resources?.handlers ?? {})) {
    if (!byId.get(operationId)!.needsCredentials) throw refuse(`resources.handlers.${operationId}: the spec asks no credentials for it; make it an anonymous handler`);
  }
  for (const operationId of Object.keys(anonymous ?? {})) {
    if (byId.get(operationId)!.needsCredentials) throw refuse(`anonymous.${operationId}: the spec asks credentials for it; make it a resources handler`);
  }
}
