/**
 * Elixir's `inspect/1` of a decoded JSON value, which AshJsonApi's schema error messages quote:
 * `"abc"`, `5`, `true`, `nil`, `["a", "b"]`, `%{"a" => 1}` (map keys in sorted order).
 */
export function inspect(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return inspectString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(inspect).join(', ')}]`;
  const entries = Object.keys(value as object)
    .sort()
    .map((key) => `${inspectString(key)} => ${inspect((value as Record<string, unknown>)[key])}`);
  return `%{${entries.join(', ')}}`;
}

function inspectString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/\r/g, '\\r')
    .replace(/#\{/g, '\\#{');
  return `"${escaped}"`;
}
