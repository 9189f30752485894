/** A JSON object: not null, not an array. The one check every reader of client JSON uses. */
export function isJsonObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The value at `path` inside a JSON value (a violation's path), or undefined where the path leaves it. */
export function valueAt(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
