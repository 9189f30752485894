import type { Violation } from '../../errors.js';
import type { HandlerContext } from '../types.js';
import { modelViolation, taken, type ResourceInput, type ResourceRules } from './crud.js';
import { byId } from './list-query.js';
import { resolver, stored } from './records.js';
import { REGISTRATIONS, relatedId, type YetiRecord } from './resource-objects.js';

/** The column defaults of `class4.registrations`: what a create leaves out. */
const DEFAULT_ATTRIBUTES: Record<string, unknown> = {
  'auth-password': null,
  'auth-user': null,
  'display-username': null,
  enabled: true,
  expire: null,
  'force-expire': false,
  'max-attempts': null,
  'route-set': [],
  'retry-delay': 5,
  'sip-interface-name': null,
  'sip-schema-id': 1,
};

/** transport_protocol_id defaults to 1 (UDP); pop and node are optional. */
const DEFAULT_RELATIONSHIPS = { 'transport-protocol': '1', pop: null, node: null };

/**
 * Registrations: server-assigned increasing integer ids, and the model's validations the spec
 * cannot express: a unique name, and relationships that point at existing records.
 */
export const registrationRules: ResourceRules = {
  kind: REGISTRATIONS,
  label: 'registration',
  source: (context) => stored(context, 'registrations'),
  filters: { id: byId },
  build(input: ResourceInput): YetiRecord {
    return {
      id: '',
      attributes: { ...DEFAULT_ATTRIBUTES, ...input.attributes },
      relationships: { ...DEFAULT_RELATIONSHIPS, ...input.relationships },
    };
  },
  validate(record, context) {
    return [...taken(stored(context, 'registrations').list(), record, 'name'), ...missingRelated(record, context)];
  },
};

/**
 * `belongs_to :transport_protocol` is required ("must exist"). A pop or node that does not exist
 * would break a foreign key at Yeti (a 500): the mock answers the same 422 for them instead.
 */
function missingRelated(record: YetiRecord, context: HandlerContext): Violation[] {
  const resolve = resolver(context);
  const violations: Violation[] = [];
  for (const [name, { type }] of Object.entries(REGISTRATIONS.relationships)) {
    const id = relatedId(record, name);
    const required = name === 'transport-protocol';
    if (id === null ? required : !resolve(type, id)) violations.push(modelViolation('relationships', name, 'must exist'));
  }
  return violations;
}
