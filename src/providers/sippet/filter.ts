import { ashErrors, AshErrorList } from './ash-error.js';
import { FILTERABLE, type GatewayRecord } from './gateway.js';
import { decodeQuery, isMap, type QueryMap, type QueryValue } from './plug-query.js';

type Predicate = (record: GatewayRecord) => boolean;

/**
 * Ash's filter input (ash-project/ash@58d1ae3f lib/ash/filter/filter.ex parse_input), as the
 * index hands it `filter[...]`: `filter[attr]=v` is equality, `filter[attr][op]=v` an operator or
 * predicate function, and `and`/`or` take lists, `not` a filter. Ash reports an unknown attribute,
 * operator or an uncastable value with an error AshJsonApi has no rendering for, so it answers 400
 * `something_went_wrong` (lib/ash_json_api/error/error.ex to_json_api_errors fallback).
 */
export function toFilterPredicate(filter: QueryValue | undefined): Predicate {
  if (filter === undefined) return () => true;
  // A string filter is itself decoded as a query string (request.ex parse_filter).
  const statement = typeof filter === 'string' ? decodeQuery(filter) : filter;
  if (!isMap(statement)) throw invalid();
  return parseStatement(statement);
}

function invalid(): AshErrorList {
  return new AshErrorList([ashErrors.somethingWentWrong(400)]);
}

function parseStatement(statement: QueryMap): Predicate {
  const parts = Object.keys(statement)
    .sort()
    .map((key) => parsePart(key, statement[key]));
  return (record) => parts.every((part) => part(record));
}

function parsePart(key: string, value: QueryValue): Predicate {
  if (key === 'and' || key === 'or') {
    if (!Array.isArray(value)) throw invalid();
    const parts = value.map((item) => (isMap(item) ? parseStatement(item) : fail()));
    return key === 'and' ? (record) => parts.every((p) => p(record)) : (record) => parts.some((p) => p(record));
  }
  if (key === 'not') {
    if (!isMap(value)) throw invalid();
    const inner = parseStatement(value);
    return (record) => !inner(record);
  }
  const attribute = FILTERABLE[key];
  if (!attribute) throw invalid();
  return parsePredicates(key, attribute, value);
}

function fail(): never {
  throw invalid();
}

type AttributeType = (typeof FILTERABLE)[string];

function parsePredicates(name: string, type: AttributeType, value: QueryValue): Predicate {
  if (!isMap(value)) return operator(name, type, 'eq', value);
  // An empty map means `eq: true`.
  const entries = Object.keys(value).sort();
  if (entries.length === 0) return operator(name, type, 'eq', 'true');
  const parts = entries.map((op) => {
    if (op === 'not') {
      const inner = parsePredicates(name, type, value[op]);
      return (record: GatewayRecord) => !inner(record);
    }
    return operator(name, type, op, value[op]);
  });
  return (record) => parts.every((p) => p(record));
}

const ALIASES: Record<string, string> = {
  eq: 'eq', '==': 'eq', equals: 'eq',
  not_eq: 'not_eq', '!=': 'not_eq', not_equals: 'not_eq',
  in: 'in', is_nil: 'is_nil',
  less_than: 'lt', '<': 'lt', lt: 'lt',
  greater_than: 'gt', '>': 'gt', gt: 'gt',
  less_than_or_equal: 'lte', '<=': 'lte', lte: 'lte',
  greater_than_or_equal: 'gte', '>=': 'gte', gte: 'gte',
  contains: 'contains', string_starts_with: 'starts_with', string_ends_with: 'ends_with', has: 'has',
};

/** One predicate. Like SQL, a comparison with a null attribute is never true. */
function operator(name: string, type: AttributeType, op: string, operand: QueryValue): Predicate {
  const kind = ALIASES[op];
  if (kind === undefined) throw invalid();
  const get = (record: GatewayRecord) => record[name] as unknown;
  if (kind === 'is_nil') {
    const wanted = castBoolean(operand);
    return (record) => (get(record) === null || get(record) === undefined) === wanted;
  }
  if (kind === 'in') {
    const items = toList(operand).map((item) => cast(type, item));
    return (record) => items.some((item) => isEqual(get(record), item));
  }
  if (kind === 'has') {
    if (type !== 'array') throw invalid();
    const item = cast('string', operand);
    return (record) => Array.isArray(get(record)) && (get(record) as unknown[]).includes(item);
  }
  const right = cast(type, operand);
  return (record) => {
    const left = get(record);
    if (left === null || left === undefined) return false;
    return compare(kind, left, right);
  };
}

function compare(kind: string, left: unknown, right: unknown): boolean {
  switch (kind) {
    case 'eq':
      return isEqual(left, right);
    case 'not_eq':
      return !isEqual(left, right);
    case 'contains':
      return typeof left === 'string' && left.includes(String(right));
    case 'starts_with':
      return typeof left === 'string' && left.startsWith(String(right));
    case 'ends_with':
      return typeof left === 'string' && left.endsWith(String(right));
    default: {
      const [a, b] = [ordinal(left), ordinal(right)];
      if (kind === 'lt') return a < b;
      if (kind === 'gt') return a > b;
      if (kind === 'lte') return a <= b;
      return a >= b;
    }
  }
}

function ordinal(value: unknown): string | number {
  return typeof value === 'boolean' ? Number(value) : String(value);
}

function isEqual(left: unknown, right: unknown): boolean {
  if (left === null || left === undefined || right === null) return false;
  return JSON.stringify(left) === JSON.stringify(right);
}

/** Ash casts the operand to the attribute's type; booleans follow Ecto ("true", "1", "false", "0"). */
function cast(type: AttributeType, operand: QueryValue): unknown {
  if (type === 'boolean') return castBoolean(operand);
  if (type === 'array') return toList(operand).map((item) => cast('string', item));
  if (typeof operand !== 'string') throw invalid();
  if (type === 'uuid' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(operand)) throw invalid();
  return type === 'uuid' ? operand.toLowerCase() : operand;
}

function castBoolean(operand: QueryValue): boolean {
  if (operand === 'true' || operand === '1') return true;
  if (operand === 'false' || operand === '0') return false;
  throw invalid();
}

/** A list operand: `[]` items, or a map of indexes (`in[0]=a&in[1]=b`) in index order. */
function toList(operand: QueryValue): QueryValue[] {
  if (Array.isArray(operand)) return operand;
  if (isMap(operand)) return Object.keys(operand).sort((a, b) => Number(a) - Number(b)).map((key) => operand[key]);
  throw invalid();
}
