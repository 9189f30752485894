import { isBlank, rubyToI, rubyToS } from './ruby.js';

/**
 * yeti-web's `Equipment::Registration` (app/models/equipment/registration.rb at 3ec29c9f): how
 * ActiveRecord casts what the client sent into the `class4.registrations` columns, and the model's
 * validations with Rails' messages, in the order Rails reports them.
 */

type Column = 'string' | 'boolean' | 'int2' | 'int4' | 'route_set';
const COLUMNS: Record<string, Column> = {
  'auth-password': 'string',
  'auth-user': 'string',
  contact: 'string',
  'display-username': 'string',
  domain: 'string',
  enabled: 'boolean',
  expire: 'int4',
  'force-expire': 'boolean',
  'max-attempts': 'int2',
  name: 'string',
  'route-set': 'route_set',
  'retry-delay': 'int2',
  'sip-interface-name': 'string',
  username: 'string',
  'sip-schema-id': 'int2',
};
const NOT_NULL = new Set(['enabled', 'force-expire', 'route-set']);
const RANGES: Record<string, [number, number]> = { int2: [-32768, 32767], int4: [-2147483648, 2147483647] };
/** ActiveModel::Type::Boolean::FALSE_VALUES, as they arrive in JSON. */
const FALSE_VALUES = new Set<unknown>([false, 0, '0', 'f', 'F', 'false', 'FALSE', 'off', 'OFF']);

/** The cast values, plus why saving them would fail at the database (a 500 at Yeti) when it would. */
export type Assigned = { attributes: Record<string, unknown>; saveFailure?: string };

export function assignAttributes(stored: Record<string, unknown>, sent: Record<string, unknown>): Assigned {
  const attributes = { ...stored };
  let saveFailure: string | undefined;
  for (const [name, value] of Object.entries(sent)) {
    const column = COLUMNS[name];
    const cast = castTo(column, value);
    attributes[name] = cast.value;
    saveFailure ??= cast.failure;
    if (cast.value === null && NOT_NULL.has(name)) saveFailure ??= `${name} violates NOT NULL`;
    const range = RANGES[column];
    if (range && typeof cast.value === 'number' && (cast.value < range[0] || cast.value > range[1])) saveFailure ??= `${name} ${cast.value} is out of range (ActiveModel::RangeError)`;
  }
  return { attributes, saveFailure };
}

function castTo(column: Column, value: unknown): { value: unknown; failure?: string } {
  if (value === null || value === undefined) return { value: null };
  switch (column) {
    case 'boolean':
      return { value: value === '' ? null : !FALSE_VALUES.has(value) };
    case 'int2':
    case 'int4':
      return { value: castInteger(value) };
    case 'route_set':
      return castRouteSet(value);
    default:
      return { value: castString(value) };
  }
}

/** ActiveModel::Type::Integer: true 1, false 0, blank nil, `to_i` for the rest (nil when it has none). */
function castInteger(value: unknown): number | null {
  if (value === true) return 1;
  if (value === false) return 0;
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'string') return isBlank(value) ? null : rubyToI(value);
  return null;
}

function castString(value: unknown): string {
  if (value === true) return 't';
  if (value === false) return 'f';
  return rubyToS(value);
}

/** The model's `route_set=`: a string is split on CRLF; an array is a PostgreSQL text[]. */
function castRouteSet(value: unknown): { value: unknown; failure?: string } {
  if (typeof value === 'string') return { value: value.split('\r\n').map((part) => part.trim()).filter((part) => !isBlank(part)) };
  if (!Array.isArray(value)) return { value, failure: 'route-set is not an array literal' };
  if (value.some((item) => typeof item === 'object' && item !== null)) return { value, failure: 'route-set holds a nested value' };
  return { value: value.map((item) => (item === null ? null : castString(item))) };
}

/** What the validations need beyond the record: other names, and whether the transport protocol exists. */
export type ValidationContext = { nameTaken: boolean; transportProtocolExists: boolean };

/** Rails' messages by attribute, in the order the validators are declared. */
export function validateRegistration(attributes: Record<string, unknown>, sent: Record<string, unknown>, context: ValidationContext): Array<[string, string]> {
  const errors: Array<[string, string]> = [];
  const add = (name: string, message: string) => errors.push([name, message]);
  // belongs_to :transport_protocol (required) runs first: its error leads the list.
  if (!context.transportProtocolExists) add('transport-protocol', 'must exist');
  if (context.nameTaken) add('name', 'has already been taken');
  for (const name of ['name', 'domain', 'username', 'retry-delay', 'transport-protocol', 'sip-schema-id']) {
    const blank = name === 'transport-protocol' ? !context.transportProtocolExists : isBlank(attributes[name]);
    if (blank) add(name, "can't be blank");
  }
  // URI::DEFAULT_PARSER.make_regexp(%w[sip]) is unanchored and matches from any "sip:".
  if (!rubyToS(attributes.contact).includes('sip:')) add('contact', 'is invalid');
  const raw = (name: string) => (name in sent ? sent[name] : attributes[name]);
  const retryDelay = numericality(raw('retry-delay') ?? attributes['retry-delay']);
  if (retryDelay) add('retry-delay', retryDelay);
  if (attributes['max-attempts'] !== null) {
    const maxAttempts = numericality(raw('max-attempts'));
    if (maxAttempts) add('max-attempts', maxAttempts);
  }
  if (attributes['sip-schema-id'] !== 1 && attributes['sip-schema-id'] !== 2) add('sip-schema-id', 'is not included in the list');
  // Rails groups the messages by attribute, in the order each attribute first failed.
  const order = [...new Set(errors.map(([name]) => name))];
  return order.flatMap((name) => errors.filter(([other]) => other === name));
}

/**
 * NumericalityValidator with `only_integer`, `greater_than: 0`, `less_than_or_equal_to: 32767`,
 * on the value as sent (before the cast).
 */
function numericality(raw: unknown): string | undefined {
  const integer = (typeof raw === 'number' && Number.isInteger(raw)) || (typeof raw === 'string' && /^[+-]?\d+$/.test(raw));
  const float = typeof raw === 'number' || (typeof raw === 'string' && !/^\s*[+-]?0x/i.test(raw) && /^\s*[+-]?(\d[\d_]*)?(\.\d[\d_]*)?(e[+-]?\d+)?\s*$/i.test(raw) && /\d/.test(raw));
  if (!integer && !float) return 'is not a number';
  if (!integer) return 'must be an integer';
  const value = Number(raw);
  if (value <= 0) return 'must be greater than 0';
  if (value > 32767) return 'must be less than or equal to 32767';
  return undefined;
}
