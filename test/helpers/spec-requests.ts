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

/** A value of another JSON type than the schema asks for, or undefined when the schema names no single type. */
function wrongTypeFor(schema: { type?: unknown; enum?: unknown[]; const?: unknown } | undefined): unknown {
  const type = schema?.type;
  if (type === 'string') return 12345;
  if (type === 'integer' || type === 'number') return 'not-a-number';
  if (type === 'boolean') return 'not-a-boolean';
  if (type === 'array') return 'not-an-array';
  if (type === 'object') return 'not-an-object';
  return undefined;
}

/**
 * Breaks a valid body by giving one field a value of the wrong JSON type, as deep as the example
 * goes (`{ data: { attributes: { name: 12345 } } }`), preferring attributes over JSON:API's
 * structural `type` and `id`. Returns undefined when no field of the example has a typed schema.
 */
export function withWrongType(schema: unknown, example: unknown): { body: unknown; field: string } | undefined {
  const body = structuredClone(example);
  type Node = { type?: unknown; properties?: Record<string, Node>; items?: Node };
  const visit = (value: unknown, node: Node | undefined): string | undefined => {
    if (!node?.properties || value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const record = value as Record<string, unknown>;
    const names = Object.keys(record).filter((name) => node.properties![name]).sort((a, b) => Number(a === 'type' || a === 'id') - Number(b === 'type' || b === 'id'));
    for (const name of names) {
      const child = node.properties![name];
      const deeper = visit(record[name], child);
      if (deeper !== undefined) return deeper;
      if (Array.isArray(record[name]) && child.items) {
        const inner = visit((record[name] as unknown[])[0], child.items);
        if (inner !== undefined) return inner;
      }
    }
    for (const name of names) {
      const wrong = wrongTypeFor(node.properties![name]);
      if (wrong === undefined || name === 'type' || name === 'id') continue;
      record[name] = wrong;
      return name;
    }
    return undefined;
  };
  const field = visit(body, schema as Node);
  return field === undefined ? undefined : { body, field };
}
