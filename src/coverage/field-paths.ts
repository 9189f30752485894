/**
 * Field paths, as the coverage report names them: `data.attributes.name` for an object member,
 * `gateways[].ipOrDomain` for a member of array items. The spec side reads a request body's
 * schema, the client side a body it sent; both walks are bounded, so a deep or hostile body costs
 * little.
 */

const MAX_DEPTH = 8;
/** A body with more paths than this is counted for its first ones only. */
const MAX_PATHS = 256;
/** Array items looked at per array: items of one array share their paths. */
const MAX_ITEMS = 16;

type SchemaNode = {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode | SchemaNode[];
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
};

/** Every member path a request body schema declares (combinators merged). */
export function declaredPaths(schema: unknown, into: Set<string> = new Set()): Set<string> {
  walkSchema(schema as SchemaNode, '', 0, into);
  return into;
}

function walkSchema(schema: SchemaNode | undefined, prefix: string, depth: number, into: Set<string>): void {
  if (!schema || typeof schema !== 'object' || depth > MAX_DEPTH) return;
  for (const branch of [...(schema.allOf ?? []), ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])]) walkSchema(branch, prefix, depth + 1, into);
  for (const [name, member] of Object.entries(schema.properties ?? {})) {
    const path = prefix === '' ? name : `${prefix}.${name}`;
    into.add(path);
    walkSchema(member, path, depth + 1, into);
  }
  const items = Array.isArray(schema.items) ? schema.items : schema.items ? [schema.items] : [];
  for (const item of items) walkSchema(item, `${prefix}[]`, depth + 1, into);
}

/** Adds every member path of a sent JSON value to `into`. */
export function sentPaths(value: unknown, into: Set<string>): void {
  walkValue(value, '', 0, into, { left: MAX_PATHS });
}

function walkValue(value: unknown, prefix: string, depth: number, into: Set<string>, budget: { left: number }): void {
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    const path = `${prefix}[]`;
    for (let i = 0; i < value.length && i < MAX_ITEMS; i++) walkValue(value[i], path, depth + 1, into, budget);
    return;
  }
  for (const name in value) {
    if (!Object.hasOwn(value, name)) continue;
    if (budget.left-- <= 0) return;
    const path = prefix === '' ? name : `${prefix}.${name}`;
    into.add(path);
    walkValue((value as Record<string, unknown>)[name], path, depth + 1, into, budget);
  }
}
