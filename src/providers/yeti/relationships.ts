import type { HandlerContext, OperationHandler, RoutedRequest } from '../types.js';
import { document, findByKey, internalServerError, verifyKey, type ResourceRules } from './crud.js';
import { parseRelationshipUpdate } from './document-parser.js';
import { toIntegerKey } from './filters.js';
import { fail } from './jsonapi-errors.js';
import { parseQueryOrFail } from './query-parser.js';
import { resolver } from './records.js';
import { ADMIN, KINDS, relatedId, relationshipOperation, type YetiRecord } from './resource-objects.js';

/**
 * The routes `jsonapi_resources` draws for one to-one relationship (routing_ext.rb jsonapi_link,
 * jsonapi_related_resource): show, update (PATCH/PUT) and destroy of
 * `/<type>/:<parent>_id/relationships/<rel>`, and GET `/<type>/:<parent>_id/<rel>`. Their
 * operationIds join the resource and the relationship: getRegistrationPopRelationship, getRegistrationPop.
 */
export function relationshipHandlers(rules: ResourceRules, name: string, relationship: string, { destroy = true } = {}): Record<string, OperationHandler> {
  const parentParam = `${name.toLowerCase()}_id`;
  const operation = relationshipOperation(name, relationship);

  /** update and destroy look the parent up by the key as given (`find_by_key(parent_key)`), unverified. */
  const change = (request: RoutedRequest, context: HandlerContext, id: string | null) => {
    const raw = request.pathParams[parentParam];
    const stored = findByKey(rules, context, toIntegerKey(raw), raw);
    const input = { attributes: {}, relationships: { [relationship]: id } };
    const { record, saveFailure } = rules.assign!(stored, input, context);
    const errors = rules.validate?.(record, input, context, false) ?? [];
    if (errors.length > 0) fail(...errors);
    if (saveFailure) return internalServerError();
    context.state.collection<YetiRecord>(rules.kind.type).update(record);
    return { status: 204 };
  };
  const update: OperationHandler = (request, context) => change(request, context, parseRelationshipUpdate(request.body, rules.kind, relationship));

  return {
    /** show_relationship: the linkage and the relationship's links (serialize_to_relationship_hash). */
    [`get${operation}Relationship`]: (request, context) => {
      const record = findByKey(rules, context, verifyKey(request.pathParams[parentParam]));
      const id = relatedId(record, relationship);
      const self = `${context.baseUrl}${ADMIN}/${rules.kind.type}/${record.id}`;
      const data = id === null ? null : { type: rules.kind.relationships[relationship].type, id };
      const links = { self: `${self}/relationships/${relationship}`, related: `${self}/${relationship}` };
      return { status: 200, headers: { 'content-type': 'application/vnd.api+json' }, body: { data, links } };
    },
    [`update${operation}Relationship`]: update,
    [`replace${operation}Relationship`]: update,
    ...(destroy ? { [`delete${operation}Relationship`]: ((request, context) => change(request, context, null)) satisfies OperationHandler } : {}),
    /** get_related_resource: answered by the related resource's controller, with its query parameters. */
    [`get${operation}`]: (request, context) => {
      const key = verifyKey(request.pathParams[parentParam]);
      const related = KINDS[rules.kind.relationships[relationship].type];
      const query = parseQueryOrFail(request, related, 'related', context.baseUrl);
      const id = relatedId(findByKey(rules, context, key), relationship);
      const record = id === null ? undefined : resolver(context)(related.type, id);
      return document(related, record ?? null, query.view, context);
    },
  };
}
