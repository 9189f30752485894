/** FNV-1a over a string: a small, stable 32-bit hash for seeding random generators. */
export function stableHash(text: string): number {
  let value = 2166136261;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 16777619);
  return value >>> 0;
}
