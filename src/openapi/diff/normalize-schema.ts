export type Schema = Record<string, unknown>;

/**
 * Puts a dereferenced schema in a shape two versions can be compared in:
 * - `true`/missing is `{}`, `false` is `{ enum: [] }` (nothing validates);
 * - `allOf` is merged into one schema (properties and required united, types and enums intersected),
 *   which is how our specs use it: a shared field list plus a `required` list;
 * - `anyOf`/`oneOf` of one schema and `{ type: 'null' }` becomes that schema made nullable, so that
 *   `X` → `anyOf [X, null]` reads as "became nullable" rather than as a new structure.
 */
export function normalizeSchema(value: unknown, depth = 0): Schema {
  if (value === false) return { enum: [] };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  let schema = value as Schema;
  // A $ref cycle through allOf would never end; past this depth a schema is compared as it is.
  if (depth > 32) return schema;
  if (Array.isArray(schema.allOf)) {
    const { allOf, ...rest } = schema;
    schema = (allOf as unknown[]).reduce<Schema>((merged, branch) => mergeSchemas(merged, normalizeSchema(branch, depth + 1)), rest);
  }
  return foldNullBranch(schema, depth);
}

function foldNullBranch(schema: Schema, depth: number): Schema {
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const branches = schema[keyword];
    if (!Array.isArray(branches)) continue;
    const others = branches.filter((branch) => !isNullSchema(branch));
    if (others.length !== 1 || others.length === branches.length) continue;
    const { [keyword]: _, ...rest } = schema;
    const merged = mergeSchemas(rest, normalizeSchema(others[0], depth + 1));
    const types = typeList(merged);
    if (types) return { ...merged, type: [...new Set([...types, 'null'])] };
    return { ...merged, nullable: true };
  }
  return schema;
}

function isNullSchema(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const schema = value as Schema;
  const types = typeList(schema);
  if (types) return types.length === 1 && types[0] === 'null';
  return schema.const === null || (Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === null);
}

function mergeSchemas(a: Schema, b: Schema): Schema {
  const merged: Schema = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const current = merged[key];
    if (current === undefined) {
      merged[key] = value;
    } else if (key === 'properties') {
      merged.properties = mergeProperties(current as Record<string, unknown>, value as Record<string, unknown>);
    } else if (key === 'required') {
      merged.required = [...new Set([...(current as string[]), ...(value as string[])])];
    } else if (key === 'type') {
      merged.type = intersectTypes(typeList(a) ?? [], typeList(b) ?? []);
    } else if (key === 'enum') {
      const allowed = new Set((value as unknown[]).map((v) => JSON.stringify(v)));
      merged.enum = (current as unknown[]).filter((v) => allowed.has(JSON.stringify(v)));
    } else if (key === 'additionalProperties' && value === false) {
      // Any branch closing the object closes the merge: the stricter reading.
      merged.additionalProperties = false;
    }
  }
  return merged;
}

function mergeProperties(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const merged = { ...a };
  for (const [name, schema] of Object.entries(b)) {
    merged[name] = name in merged ? { allOf: [merged[name], schema] } : schema;
  }
  return merged;
}

function intersectTypes(a: string[], b: string[]): string[] {
  const result = a.filter((type) => b.includes(type));
  if (a.includes('integer') && b.includes('number') && !result.includes('integer')) result.push('integer');
  if (b.includes('integer') && a.includes('number') && !result.includes('integer')) result.push('integer');
  return result;
}

/** The schema's `type` as a list, or undefined when it has none (any type). */
export function typeList(schema: Schema): string[] | undefined {
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.map(String);
  return undefined;
}

export function isNullable(schema: Schema): boolean {
  return schema.nullable === true || (typeList(schema)?.includes('null') ?? false);
}

/** Allowed values from `enum` or `const`; undefined when the schema lists none. */
export function enumValues(schema: Schema): unknown[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  if ('const' in schema) return [schema.const];
  return undefined;
}

const IGNORED_KEYS = new Set(['description', 'title', 'example', 'examples', 'summary', '$schema', 'deprecated']);

/**
 * A stable text form of a schema without its documentation, to tell whether two variants of a
 * oneOf/anyOf are the same. Cycles print as `"[cycle]"`.
 */
export function schemaSignature(value: unknown, seen = new Set<unknown>()): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined';
  if (seen.has(value)) return '"[cycle]"';
  seen.add(value);
  let text: string;
  if (Array.isArray(value)) {
    text = `[${value.map((item) => schemaSignature(item, seen)).join(',')}]`;
  } else {
    const entries = Object.entries(value)
      .filter(([key]) => !IGNORED_KEYS.has(key) && !key.startsWith('x-'))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    text = `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${schemaSignature(item, seen)}`).join(',')}}`;
  }
  seen.delete(value);
  return text;
}
