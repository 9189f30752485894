import type { HandlerContext } from '../types.js';
import { validationError, type ResourceRules } from './crud.js';
import type { ResourceError } from './jsonapi-errors.js';
import { resolver, stored, transportProtocols } from './records.js';
import { assignAttributes, validateRegistration } from './registration-model.js';
import { REGISTRATIONS, relatedId, type YetiRecord } from './resource-objects.js';

/** The column defaults of `class4.registrations`: what a create leaves out. */
const DEFAULT_ATTRIBUTES: Record<string, unknown> = {
  'auth-password': null,
  'auth-user': null,
  contact: null,
  'display-username': null,
  domain: null,
  enabled: true,
  expire: null,
  'force-expire': false,
  'max-attempts': null,
  name: null,
  'route-set': [],
  'retry-delay': 5,
  'sip-interface-name': null,
  username: null,
  'sip-schema-id': 1,
};

/** transport_protocol_id defaults to 1 (UDP); pop and node are optional. */
const DEFAULT_RELATIONSHIPS = { 'transport-protocol': '1', pop: null, node: null };

/**
 * Registrations: server-assigned increasing integer ids; attributes cast and validated as
 * `Equipment::Registration` does (registration-model.ts).
 */
export const registrationRules: ResourceRules = {
  kind: REGISTRATIONS,
  source: (context) => stored(context, 'registrations'),
  creatableId: false,
  assign(current, input) {
    const base: YetiRecord = current ?? { id: '', attributes: DEFAULT_ATTRIBUTES, relationships: DEFAULT_RELATIONSHIPS };
    const { attributes, saveFailure } = assignAttributes(base.attributes, input.attributes);
    return { record: { id: base.id, attributes, relationships: { ...base.relationships, ...input.relationships } }, saveFailure };
  },
  validate(record, input, context) {
    const others = stored(context, 'registrations').list();
    const transportProtocol = relatedId(record, 'transport-protocol');
    const messages = validateRegistration(record.attributes, input.attributes, {
      nameTaken: record.attributes.name !== null && others.some((other) => other.id !== record.id && other.attributes.name === record.attributes.name),
      transportProtocolExists: transportProtocol !== null && transportProtocols.get(transportProtocol) !== undefined,
    });
    const errors = messages.map(([name, message]) => validationError(name in REGISTRATIONS.relationships ? 'relationships' : 'attributes', name, message));
    return [...errors, ...missingSite(record, context)];
  },
};

/**
 * A pop or node that does not exist breaks a foreign key at Yeti (a 500, since the model has no
 * validation for them): the mock answers the model's 422 "must exist" instead, after the others.
 */
function missingSite(record: YetiRecord, context: HandlerContext): ResourceError[] {
  const resolve = resolver(context);
  const errors: ResourceError[] = [];
  for (const name of ['pop', 'node']) {
    const id = relatedId(record, name);
    if (id !== null && !resolve(REGISTRATIONS.relationships[name].type, id)) errors.push(validationError('relationships', name, 'must exist'));
  }
  return errors;
}
