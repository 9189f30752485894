import type { Operation } from '../../src/openapi/operation.js';

/** The first named example of the operation's request body (for its first media type). */
export function requestExample(operation: Operation): unknown {
  const content = operation.source.request?.body?.contents?.[0];
  const example = content?.examples?.find((e) => 'value' in e) as { value: unknown } | undefined;
  return example?.value;
}

/** The operation's path with its parameters filled in. */
export function fillPath(operation: Operation, params: Record<string, string>): string {
  return operation.pathTemplate.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? `missing-${name}`));
}

/**
 * Breaks a valid body by removing a required property, walking down into required objects so the
 * missing field is as deep as the schema allows: { data: { attributes: { name } } } loses `name`.
 * Returns the broken body and the name of the removed field, or undefined when nothing is required.
 */
export function withoutRequiredField(schema: unknown, example: unknown): { body: unknown; field: string } | undefined {
  const body = structuredClone(example);
  let node = body as Record<string, unknown>;
  let nodeSchema = schema as { required?: string[]; properties?: Record<string, unknown> } | undefined;
  let removed: string | undefined;
  while (nodeSchema?.required?.length && node && typeof node === 'object' && !Array.isArray(node)) {
    const present = nodeSchema.required.filter((name) => name in node);
    const deeper = present.find((name) => {
      const child = nodeSchema!.properties?.[name] as { required?: string[] } | undefined;
      return child?.required?.length && node[name] && typeof node[name] === 'object' && !Array.isArray(node[name]);
    });
    if (deeper) {
      node = node[deeper] as Record<string, unknown>;
      nodeSchema = nodeSchema.properties?.[deeper] as typeof nodeSchema;
      continue;
    }
    // Skip members whose absence a JSON:API server reports structurally (type, id): prefer an attribute.
    removed = present.find((name) => name !== 'type' && name !== 'id') ?? present[0];
    if (removed !== undefined) delete node[removed];
    break;
  }
  return removed === undefined ? undefined : { body, field: removed };
}
