import type { Schema } from './normalize-schema.js';
import { kindOf, type SchemaChange, type SchemaSide } from './spec-change.js';

/** Keywords whose larger value lets more through. */
const UPPER_BOUNDS = ['maxLength', 'maximum', 'exclusiveMaximum', 'maxItems', 'maxProperties'];
/** Keywords whose larger value lets less through. */
const LOWER_BOUNDS = ['minLength', 'minimum', 'exclusiveMinimum', 'minItems', 'minProperties'];
/** Keywords where any change may let through values the other version refused, in either direction. */
const OPAQUE = ['pattern', 'format', 'multipleOf', 'contentEncoding', 'contentMediaType'];

/**
 * Compares the value constraints of two schemas at one pointer. A narrower constraint breaks
 * requests; a wider one breaks responses (a strict client checks what it reads).
 */
export function diffConstraints(before: Schema, after: Schema, side: SchemaSide, pointer: string): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const push = (effect: 'narrow' | 'widen', keyword: string) => {
    const was = describe(before[keyword]);
    const now = describe(after[keyword]);
    changes.push({
      kind: kindOf(side, effect),
      pointer,
      rule: effect === 'narrow' ? 'constraint-narrowed' : 'constraint-widened',
      message: `${keyword} ${was} → ${now} (${effect === 'narrow' ? 'accepts fewer values' : 'allows more values'})`,
    });
  };
  for (const keyword of [...UPPER_BOUNDS, ...LOWER_BOUNDS]) {
    const was = before[keyword];
    const now = after[keyword];
    if (was === now || !isBound(was) || !isBound(now)) continue;
    const upper = UPPER_BOUNDS.includes(keyword);
    if (was === undefined) push('narrow', keyword);
    else if (now === undefined) push('widen', keyword);
    else if ((now as number) < (was as number)) push(upper ? 'narrow' : 'widen', keyword);
    else push(upper ? 'widen' : 'narrow', keyword);
  }
  if (before.uniqueItems !== after.uniqueItems && (before.uniqueItems === true || after.uniqueItems === true)) {
    push(after.uniqueItems === true ? 'narrow' : 'widen', 'uniqueItems');
  }
  for (const keyword of OPAQUE) {
    const was = before[keyword];
    const now = after[keyword];
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    if (was === undefined) push('narrow', keyword);
    else if (now === undefined) push('widen', keyword);
    else {
      changes.push({ kind: 'breaking', pointer, rule: 'constraint-changed', message: `${keyword} ${describe(was)} → ${describe(now)}` });
    }
  }
  return changes;
}

function isBound(value: unknown): boolean {
  return value === undefined || typeof value === 'number';
}

function describe(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}
