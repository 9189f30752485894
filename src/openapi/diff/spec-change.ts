/**
 * How a change affects a client that worked against the old spec:
 * - `breaking`: some existing client request or response handling can fail;
 * - `additive`: new capability, existing clients keep working;
 * - `non-breaking`: documentation, deprecations, and narrowing of what the server sends.
 */
export type ChangeKind = 'breaking' | 'additive' | 'non-breaking';

/** Which side of the exchange a schema describes: what the client sends, or what it reads. */
export type SchemaSide = 'request' | 'response';

/** A change inside one schema; the operation diff adds where the schema sits. */
export type SchemaChange = {
  kind: ChangeKind;
  /** Instance-style pointer into the schema: `/data/attributes/name`, `[]` for array items, `{*}` for additional properties. */
  pointer: string;
  rule: ChangeRule;
  message: string;
};

/** One change of one operation between two versions of a spec. */
export type SpecChange = SchemaChange & {
  /** The old operationId (the new one for an added operation). */
  operationId: string;
  method: string;
  path: string;
  /** `operation`, `auth`, `request body application/json`, `query parameter page[size]`, `response 200 application/json`… */
  where: string;
};

export type ChangeRule =
  | 'operation-removed'
  | 'operation-added'
  | 'operation-renamed'
  | 'method-changed'
  | 'path-changed'
  | 'deprecated'
  | 'doc-changed'
  | 'auth-removed'
  | 'auth-added'
  | 'parameter-removed'
  | 'parameter-added'
  | 'parameter-required'
  | 'parameter-optional'
  | 'body-added'
  | 'body-removed'
  | 'body-required'
  | 'body-optional'
  | 'media-type-removed'
  | 'media-type-added'
  | 'status-removed'
  | 'status-added'
  | 'field-removed'
  | 'field-added'
  | 'required-field-added'
  | 'field-required'
  | 'field-optional'
  | 'type-narrowed'
  | 'type-widened'
  | 'type-changed'
  | 'nullable-added'
  | 'nullable-removed'
  | 'enum-value-removed'
  | 'enum-value-added'
  | 'enum-added'
  | 'enum-removed'
  | 'constraint-narrowed'
  | 'constraint-widened'
  | 'constraint-changed'
  | 'additional-properties-closed'
  | 'additional-properties-opened'
  | 'variant-removed'
  | 'variant-added'
  | 'composition-changed';

/**
 * The kind of a change that lets fewer values through (`narrow`) or more (`widen`), by side:
 * a client must send within the new limits, and must read anything the new limits allow.
 */
export function kindOf(side: SchemaSide, effect: 'narrow' | 'widen'): ChangeKind {
  if (side === 'request') return effect === 'narrow' ? 'breaking' : 'additive';
  return effect === 'widen' ? 'breaking' : 'non-breaking';
}
