/** A JSON object: not null, not an array. The one check every reader of client JSON uses. */
export function isJsonObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
