import { ashErrors, AshErrorList, type AshError } from './ash-error.js';
import { ATTRIBUTES, type GatewayAttributes } from './gateway.js';

const STRINGS = new Set(['name', 'username', 'password', 'realm', 'proxy', 'from_domain', 'from_user']);
/** Attributes that can never be nil (the responses never show them null). */
const NOT_NIL = ['name', 'provider', 'register'];

/**
 * The attributes a create or update sets, cast as Ash casts input (ash-project/ash@58d1ae3f):
 * strings are trimmed and an empty one becomes nil (lib/ash/type/string.ex, trim? and
 * allow_empty? defaults); booleans go through Ecto, so "true"/"1" and "false"/"0" are accepted
 * (lib/ash/type/boolean.ex). A value that does not cast is `invalid_attribute` "is invalid"; a nil
 * where none is allowed is `required`. On create, `name` and `provider` must end up set.
 */
export function castAttributes(input: Record<string, unknown>, creating: boolean): Partial<GatewayAttributes> {
  const values: Record<string, unknown> = {};
  const errors: AshError[] = [];
  for (const name of ATTRIBUTES) {
    if (!(name in input)) continue;
    const cast = castValue(name, input[name]);
    if (cast === INVALID) errors.push(ashErrors.invalidAttribute('is invalid', `/data/attributes/${name}`));
    else values[name] = cast;
  }
  for (const name of NOT_NIL) {
    const missing = creating && name !== 'register' ? values[name] === undefined || values[name] === null : name in values && values[name] === null;
    if (missing && !errors.some((e) => e.source?.pointer === `/data/attributes/${name}`)) errors.push(ashErrors.required(`/data/attributes/${name}`));
  }
  if (errors.length > 0) throw new AshErrorList(errors);
  return values as Partial<GatewayAttributes>;
}

const INVALID = Symbol('invalid');

function castValue(name: string, value: unknown): unknown {
  if (value === null) return null;
  if (STRINGS.has(name)) return typeof value === 'string' ? trimmedOrNil(value) : INVALID;
  if (name === 'register') return castBoolean(value);
  if (name === 'inbound_acl') return Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : item)) : INVALID;
  return value;
}

function trimmedOrNil(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function castBoolean(value: unknown): boolean | typeof INVALID {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return INVALID;
}
