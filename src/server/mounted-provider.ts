import { join } from 'node:path';
import type { ProviderDefinition } from '../providers/types.js';
import { loadSpec, type LoadedSpec } from '../openapi/load-spec.js';
import { createOperation, type Operation } from '../openapi/operation.js';

/** A provider with its spec loaded and its operations prepared, ready to serve. */
export type MountedProvider = {
  definition: ProviderDefinition;
  spec: LoadedSpec;
  /** Sorted so that literal paths are tried before templated ones. */
  operations: Operation[];
  find(method: string, path: string): OperationMatch;
};

export type OperationMatch =
  | { kind: 'found'; operation: Operation; pathParams: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

export async function mountProvider(definition: ProviderDefinition, specsDir: string): Promise<MountedProvider> {
  const spec = await loadSpec(join(specsDir, definition.specFile));
  const operations = spec.operations.map(createOperation).sort((a, b) => b.score - a.score);
  return {
    definition,
    spec,
    operations,
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
