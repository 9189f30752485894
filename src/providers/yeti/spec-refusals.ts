import type { ProviderRequest } from '../types.js';
import { parseCreate, parseRelationshipUpdate, parseUpdate } from './document-parser.js';
import { YetiErrors, type ResourceError } from './jsonapi-errors.js';
import { parseQuery } from './query-parser.js';
import { KINDS } from './resource-objects.js';

const WRITES = /^(create|update|replace)(Registration|Pop|Node)(?:(TransportProtocol|Pop|Node)Relationship)?$/;
const TYPES: Record<string, string> = { Registration: 'registrations', Pop: 'pops', Node: 'nodes' };
const RELATIONSHIPS: Record<string, string> = { TransportProtocol: 'transport-protocol', Pop: 'pop', Node: 'node' };

/**
 * When the spec refused a request before the handler ran, the error is the one jsonapi-resources
 * raises first for it: the document is parsed again here, in jsonapi-resources' order. Undefined
 * when the parse passes (the refusal is one of the model's, which the caller words itself).
 */
export function reparseRefused(request: ProviderRequest): ResourceError[] | undefined {
  const match = WRITES.exec(request.operation?.operationId ?? '');
  if (!match) return undefined;
  const [, action, name, relationship] = match;
  const kind = KINDS[TYPES[name]];
  try {
    if (relationship) parseRelationshipUpdate(request.body, kind, RELATIONSHIPS[relationship]);
    const query = relationship ? undefined : parseQuery(request, kind, 'write', '');
    const writable = { kind, creatableId: name !== 'Registration' };
    if (!relationship && action === 'create') parseCreate(request.body, writable);
    if (!relationship && action !== 'create') parseUpdate(request.body, writable, request.pathParams.id);
    return query && query.errors.length > 0 ? query.errors : undefined;
  } catch (caught) {
    if (caught instanceof YetiErrors) return caught.errors;
    throw caught;
  }
}
