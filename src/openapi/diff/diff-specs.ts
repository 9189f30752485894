import type { IHttpOperation } from '@stoplight/types';
import type { LoadedSpec } from '../load-spec.js';
import { diffOperation, routeOf } from './operation-diff.js';
import type { ChangeKind, SpecChange } from './spec-change.js';

export type SpecVersion = { file: string; title: string; version: string };

export type SpecDiff = {
  before: SpecVersion;
  after: SpecVersion;
  /** In the old spec's operation order, then added operations. */
  changes: SpecChange[];
  /** Operations in both versions without any change. */
  unchanged: string[];
};

/**
 * Compares two versions of one provider's spec operation by operation. Operations are matched by
 * operationId; an operation whose id is gone is matched by method and path to an operation whose
 * id is new (a rename). Schemas are compared after prism-http dereferenced them.
 */
export function diffSpecs(before: LoadedSpec, after: LoadedSpec): SpecDiff {
  const changes: SpecChange[] = [];
  const unchanged: string[] = [];
  const afterById = new Map(after.operations.map((operation) => [idOf(operation), operation]));
  const beforeIds = new Set(before.operations.map(idOf));
  const matched = new Set<IHttpOperation>();

  for (const operation of before.operations) {
    const operationId = idOf(operation);
    const where = { operationId, method: operation.method.toUpperCase(), path: operation.path, where: 'operation', pointer: '' };
    const byId = afterById.get(operationId);
    const next =
      byId ?? after.operations.find((candidate) => !beforeIds.has(idOf(candidate)) && !matched.has(candidate) && routeOf(candidate) === routeOf(operation));
    if (!next) {
      changes.push({ ...where, kind: 'breaking', rule: 'operation-removed', message: `operation ${operationId} (${routeText(operation)}) removed` });
      continue;
    }
    matched.add(next);
    const found = diffOperation(operation, next).map((change) => ({ ...where, ...change }));
    if (!byId) {
      // The wire is the same; only code generated from operationIds (SDK method names) notices.
      found.unshift({ ...where, kind: 'non-breaking', rule: 'operation-renamed', message: `operationId ${operationId} → ${idOf(next)}` });
    }
    if (found.length === 0) unchanged.push(operationId);
    changes.push(...found);
  }
  for (const operation of after.operations) {
    if (matched.has(operation)) continue;
    changes.push({
      operationId: idOf(operation),
      method: operation.method.toUpperCase(),
      path: operation.path,
      where: 'operation',
      pointer: '',
      kind: 'additive',
      rule: 'operation-added',
      message: `new operation ${idOf(operation)} (${routeText(operation)})`,
    });
  }
  return { before: versionOf(before), after: versionOf(after), changes, unchanged };
}

export function countByKind(changes: SpecChange[]): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = { breaking: 0, additive: 0, 'non-breaking': 0 };
  for (const change of changes) counts[change.kind] += 1;
  return counts;
}

function idOf(operation: IHttpOperation): string {
  return operation.iid ?? routeOf(operation);
}

function routeText(operation: IHttpOperation): string {
  return `${operation.method.toUpperCase()} ${operation.path}`;
}

function versionOf(spec: LoadedSpec): SpecVersion {
  return { file: spec.file, title: spec.document.info.title, version: String(spec.document.info.version) };
}
