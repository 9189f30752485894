import { toPointer } from '../schema-validator.js';
import { diffConstraints } from './constraint-diff.js';
import { enumValues, isNullable, normalizeSchema, schemaSignature, typeList, type Schema } from './normalize-schema.js';
import { kindOf, type SchemaChange, type SchemaSide } from './spec-change.js';

/**
 * Every change between two versions of a dereferenced schema, walking properties, array items,
 * additional properties and oneOf/anyOf variants (allOf is merged first). `side` says whether the
 * client sends values of this schema (request) or reads them (response), which decides the kind.
 */
export function diffSchemas(before: unknown, after: unknown, side: SchemaSide): SchemaChange[] {
  const changes: SchemaChange[] = [];
  walk(before, after, { side, changes, ancestors: [] }, '');
  return changes;
}

type Walk = { side: SchemaSide; changes: SchemaChange[]; ancestors: Array<[unknown, unknown]> };

function walk(beforeRaw: unknown, afterRaw: unknown, context: Walk, pointer: string): void {
  // Recursive schemas: stop where this very pair is already being compared further up.
  if (context.ancestors.some(([b, a]) => b === beforeRaw && a === afterRaw)) return;
  context.ancestors.push([beforeRaw, afterRaw]);
  const before = normalizeSchema(beforeRaw);
  const after = normalizeSchema(afterRaw);
  const { side, changes } = context;
  const types = diffTypes(before, after, side, pointer);
  changes.push(...types, ...diffEnums(before, after, side, pointer));
  // Once the type changed, the old type's limits (a number's maximum) say nothing about the new one.
  if (!types.some((change) => change.rule === 'type-changed')) changes.push(...diffConstraints(before, after, side, pointer));
  diffProperties(before, after, context, pointer);
  diffAdditionalProperties(before, after, context, pointer);
  if (isSchemaObject(before.items) || isSchemaObject(after.items)) walk(before.items ?? {}, after.items ?? {}, context, `${pointer}/[]`);
  diffVariants(before, after, context, pointer);
  if (before.deprecated !== true && after.deprecated === true) {
    changes.push({ kind: 'non-breaking', pointer, rule: 'deprecated', message: 'deprecated' });
  }
  context.ancestors.pop();
}

function diffTypes(before: Schema, after: Schema, side: SchemaSide, pointer: string): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const was = typeList(before)?.filter((type) => type !== 'null');
  const now = typeList(after)?.filter((type) => type !== 'null');
  const text = (types: string[] | undefined) => (types ? types.join('|') || 'null' : '(any)');
  const message = `type ${text(was)} → ${text(now)}`;
  if (was === undefined && now !== undefined) {
    changes.push({ kind: kindOf(side, 'narrow'), pointer, rule: 'type-narrowed', message });
  } else if (was !== undefined && now === undefined) {
    changes.push({ kind: kindOf(side, 'widen'), pointer, rule: 'type-widened', message });
  } else if (was && now) {
    const removed = was.filter((type) => !covers(now, type));
    const added = now.filter((type) => !covers(was, type));
    if (removed.length > 0 && added.length > 0) changes.push({ kind: 'breaking', pointer, rule: 'type-changed', message });
    else if (removed.length > 0) changes.push({ kind: kindOf(side, 'narrow'), pointer, rule: 'type-narrowed', message });
    else if (added.length > 0) changes.push({ kind: kindOf(side, 'widen'), pointer, rule: 'type-widened', message });
  }
  const knowsNull = (schema: Schema) => typeList(schema) !== undefined || schema.nullable !== undefined;
  if (!knowsNull(before) || !knowsNull(after) || isNullable(before) === isNullable(after)) return changes;
  if (isNullable(after)) {
    const message = side === 'request' ? 'now accepts null' : 'can now be null';
    changes.push({ kind: kindOf(side, 'widen'), pointer, rule: 'nullable-added', message });
  } else {
    const message = side === 'request' ? 'no longer accepts null' : 'is never null any more';
    changes.push({ kind: kindOf(side, 'narrow'), pointer, rule: 'nullable-removed', message });
  }
  return changes;
}

function covers(types: string[], type: string): boolean {
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

function diffEnums(before: Schema, after: Schema, side: SchemaSide, pointer: string): SchemaChange[] {
  const was = enumValues(before);
  const now = enumValues(after);
  const list = (values: unknown[]) => values.map((value) => JSON.stringify(value)).join(', ');
  if (!was && !now) return [];
  if (!was) return [{ kind: kindOf(side, 'narrow'), pointer, rule: 'enum-added', message: `now limited to: ${list(now!)}` }];
  if (!now) return [{ kind: kindOf(side, 'widen'), pointer, rule: 'enum-removed', message: `no longer limited to: ${list(was)}` }];
  const wasKeys = new Set(was.map((value) => JSON.stringify(value)));
  const nowKeys = new Set(now.map((value) => JSON.stringify(value)));
  const removed = was.filter((value) => !nowKeys.has(JSON.stringify(value)));
  const added = now.filter((value) => !wasKeys.has(JSON.stringify(value)));
  const changes: SchemaChange[] = [];
  if (removed.length > 0) {
    const message = `enum value ${list(removed)} removed; now one of: ${list(now)}`;
    changes.push({ kind: kindOf(side, 'narrow'), pointer, rule: 'enum-value-removed', message });
  }
  if (added.length > 0) {
    // A new value in a response breaks clients that map the enum strictly (generated SDKs, switch statements).
    changes.push({ kind: kindOf(side, 'widen'), pointer, rule: 'enum-value-added', message: `enum value ${list(added)} added` });
  }
  return changes;
}

function diffProperties(before: Schema, after: Schema, context: Walk, pointer: string): void {
  const { side, changes } = context;
  const wasProperties = (before.properties ?? {}) as Record<string, unknown>;
  const nowProperties = (after.properties ?? {}) as Record<string, unknown>;
  const wasRequired = new Set((before.required as string[] | undefined) ?? []);
  const nowRequired = new Set((after.required as string[] | undefined) ?? []);
  const names = new Set([...Object.keys(wasProperties), ...Object.keys(nowProperties), ...wasRequired, ...nowRequired]);
  for (const name of names) {
    const at = `${pointer}${toPointer([name])}`;
    const wasListed = name in wasProperties;
    const nowListed = name in nowProperties;
    if (wasListed && !nowListed) {
      const message = side === 'request' ? `field ${name} is no longer accepted` : `field ${name} removed`;
      changes.push({ kind: 'breaking', pointer: at, rule: 'field-removed', message });
      continue;
    }
    if (!wasListed && nowListed) {
      if (side === 'request' && nowRequired.has(name)) {
        changes.push({ kind: 'breaking', pointer: at, rule: 'required-field-added', message: `new required field ${name}` });
      } else {
        const optional = nowRequired.has(name) ? '' : 'optional ';
        changes.push({ kind: 'additive', pointer: at, rule: 'field-added', message: `new ${optional}field ${name}` });
      }
      continue;
    }
    if (!wasRequired.has(name) && nowRequired.has(name)) {
      const message = side === 'request' ? `field ${name} is now required` : `field ${name} is now always present`;
      changes.push({ kind: kindOf(side, 'narrow'), pointer: at, rule: 'field-required', message });
    } else if (wasRequired.has(name) && !nowRequired.has(name)) {
      // A client that reads the field unconditionally fails when it is absent.
      const message = side === 'request' ? `field ${name} is now optional` : `field ${name} may now be absent`;
      changes.push({ kind: kindOf(side, 'widen'), pointer: at, rule: 'field-optional', message });
    }
    if (wasListed && nowListed) walk(wasProperties[name], nowProperties[name], context, at);
  }
}

function diffAdditionalProperties(before: Schema, after: Schema, context: Walk, pointer: string): void {
  const was = before.additionalProperties;
  const now = after.additionalProperties;
  const { side, changes } = context;
  // In a response, unlisted fields follow the rule for new fields: additive, so not breaking either way.
  if (was !== false && now === false) {
    const kind = side === 'request' ? 'breaking' : 'non-breaking';
    changes.push({ kind, pointer, rule: 'additional-properties-closed', message: 'fields not listed are no longer allowed' });
  } else if (was === false && now !== false) {
    const kind = side === 'request' ? 'additive' : 'non-breaking';
    changes.push({ kind, pointer, rule: 'additional-properties-opened', message: 'fields not listed are now allowed' });
  } else if (isSchemaObject(was) && isSchemaObject(now)) {
    walk(was, now, context, `${pointer}/{*}`);
  }
}

/**
 * oneOf/anyOf variants: identical ones (ignoring docs) pair up; the rest pair by position when
 * as many remain on both sides, else they count as removed and added.
 */
function diffVariants(before: Schema, after: Schema, context: Walk, pointer: string): void {
  const { side, changes } = context;
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const was = before[keyword] as unknown[] | undefined;
    const now = after[keyword] as unknown[] | undefined;
    if (!was && !now) continue;
    if (!was || !now) {
      const message = was ? `no longer a ${keyword} of ${was.length} variants` : `became a ${keyword} of ${now!.length} variants`;
      changes.push({ kind: 'breaking', pointer, rule: 'composition-changed', message });
      continue;
    }
    const signature = (schema: unknown) => schemaSignature(normalizeSchema(schema));
    const nowLeft = now.map((schema, index) => ({ schema, index, key: signature(schema) }));
    const wasLeft = was
      .map((schema, index) => ({ schema, index, key: signature(schema) }))
      .filter((variant) => {
        const same = nowLeft.findIndex((other) => other.key === variant.key);
        if (same === -1) return true;
        nowLeft.splice(same, 1);
        return false;
      });
    if (wasLeft.length === nowLeft.length) {
      wasLeft.forEach((variant, i) => walk(variant.schema, nowLeft[i].schema, context, pointer));
      continue;
    }
    for (const variant of wasLeft) {
      changes.push({ kind: kindOf(side, 'narrow'), pointer, rule: 'variant-removed', message: `${keyword} variant ${variant.index + 1} removed` });
    }
    for (const variant of nowLeft) {
      changes.push({ kind: kindOf(side, 'widen'), pointer, rule: 'variant-added', message: `${keyword} variant ${variant.index + 1} added` });
    }
  }
}

function isSchemaObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
