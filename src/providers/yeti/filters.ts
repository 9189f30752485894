import { JSONAPI_ERRORS as E, fail } from './jsonapi-errors.js';
import { csvLine } from './ruby.js';

type FilteredRecord = { id: string; attributes: Record<string, unknown>; relationships?: Record<string, string | null> };

/** A filter: whether a record passes it, given the raw `filter[...]` value. May raise a 400. */
export type Filter = (record: FilteredRecord, value: string) => boolean;

/** verify_filter: the value is read as one CSV line (a malformed line is kept whole). */
function valuesOf(value: string): string[] {
  return (csvLine(value) ?? [value]).filter((item): item is string => item !== null);
}

/**
 * ActiveRecord's integer cast in a `where`: text that does not start like a number matches
 * nothing, otherwise its leading integer counts.
 */
export function toIntegerKey(value: string): string | undefined {
  const match = /^\s*([+-]?\d+)/.exec(value);
  return match ? String(parseInt(match[1], 10)) : undefined;
}

/** The default `id` filter: any of the listed ids. */
export const byId: Filter = (record, value) => valuesOf(value).some((item) => toIntegerKey(item) === record.id);

/** `filter :name` (no verify strategy): the name is one of the listed values. */
export const byName: Filter = (record, value) => valuesOf(value).includes(String(record.attributes.name ?? ''));

const RANSACK_SUFFIXES = {
  string: ['eq', 'not_eq', 'cont', 'start', 'end', 'in', 'not_in', 'cont_any'],
  number: ['eq', 'not_eq', 'gt', 'gteq', 'lt', 'lteq', 'in', 'not_in'],
  foreign_key: ['eq', 'not_eq', 'in', 'not_in'],
} as const;
const ARRAY_SUFFIXES = new Set(['in', 'not_in', 'cont_any']);

/**
 * yeti-web's `ransack_filter <attr>, type:` (app/resources/base_resource.rb,
 * app/services/ransack_filter_builder.rb): one filter per suffix. A suffix that takes one value
 * refuses a list with 400 code 107. Text matches of ransack's cont/start/end are ILIKE on
 * PostgreSQL: case-insensitive.
 */
export function ransackFilters(attribute: string, type: keyof typeof RANSACK_SUFFIXES, read: (record: FilteredRecord) => unknown): Record<string, Filter> {
  const filters: Record<string, Filter> = {};
  for (const suffix of RANSACK_SUFFIXES[type]) {
    const name = `${attribute}_${suffix}`;
    filters[name] = (record, value) => {
      const values = valuesOf(value);
      if (!ARRAY_SUFFIXES.has(suffix) && values.length !== 1) fail(E.invalidFilterValue(name, values.join(',')));
      return matches(suffix, read(record), values, type !== 'string');
    };
  }
  return filters;
}

function matches(suffix: string, actual: unknown, values: string[], numeric: boolean): boolean {
  const text = actual === null || actual === undefined ? '' : String(actual);
  const lower = text.toLowerCase();
  const [first] = values;
  const equal = (value: string) => (numeric ? Number(value) === Number(actual) : value === text);
  switch (suffix) {
    case 'eq':
      return equal(first);
    case 'not_eq':
      return !equal(first);
    case 'cont':
      return lower.includes(first.toLowerCase());
    case 'start':
      return lower.startsWith(first.toLowerCase());
    case 'end':
      return lower.endsWith(first.toLowerCase());
    case 'in':
      return values.length === 0 || values.some(equal);
    case 'not_in':
      return values.length === 0 || !values.some(equal);
    case 'cont_any':
      return values.length === 0 || values.some((value) => lower.includes(value.toLowerCase()));
    case 'gt':
      return Number(actual) > Number(first);
    case 'gteq':
      return Number(actual) >= Number(first);
    case 'lt':
      return Number(actual) < Number(first);
    default:
      return Number(actual) <= Number(first);
  }
}
