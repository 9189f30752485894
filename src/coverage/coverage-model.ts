import type { MountedProvider } from '../server/mounted-provider.js';
import { declaredPaths } from './field-paths.js';

/** What a provider's spec documents, as the coverage report counts it. */
export type ProviderModel = {
  slug: string;
  title: string;
  secretFields: readonly string[];
  operations: OperationModel[];
};

export type OperationModel = {
  operationId: string;
  method: string;
  path: string;
  /** Documented statuses, ascending. */
  statuses: number[];
  /** Member paths of the request body schemas (every media type). */
  bodyFields: string[];
  queryParams: string[];
};

/** The coverage model of a mounted provider, operations in spec order. */
export function toProviderModel(provider: MountedProvider): ProviderModel {
  const { definition } = provider;
  const operations = provider.spec.operations.map((source) => {
    const operationId = source.iid ?? `${source.method.toUpperCase()} ${source.path}`;
    const operation = provider.byId.get(operationId);
    const fields = new Set<string>();
    for (const content of source.request?.body?.contents ?? []) declaredPaths(content.schema, fields);
    return {
      operationId,
      method: source.method.toUpperCase(),
      path: source.path,
      statuses: [...(operation?.responses.keys() ?? [])].sort((a, b) => a - b),
      bodyFields: [...fields].sort(),
      queryParams: (source.request?.query ?? []).map((parameter) => parameter.name).sort(),
    };
  });
  return { slug: definition.slug, title: definition.title, secretFields: definition.secretFields, operations };
}
