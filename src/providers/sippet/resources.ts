import type { HandlerContext, MockResponse, OperationHandler, RoutedRequest } from '../types.js';
import { AshErrorList } from './ash-error.js';
import { castAttributes } from './casts.js';
import { DEFAULTS, MEDIA_TYPE, toDocument, toResource, type GatewayAttributes, type GatewayRecord } from './gateway.js';
import { listGateways } from './list-query.js';
import { decodeQuery, isMap } from './plug-query.js';
import { requestErrors } from './request-check.js';
import { gateways } from './store.js';

/**
 * Every handler first runs AshJsonApi's request checks (request.ex `from/7`): they answer all
 * their errors together, before any record is read.
 */
export const sippetHandlers: Record<string, OperationHandler> = {
  listGateways(request, context) {
    checkRequest(request);
    const page = listGateways(gateways(context.state).list(), request, `${context.baseUrl}${request.path}`);
    const fields = sparseFields(request);
    const body = {
      data: page.records.map((record) => toResource(record, context.baseUrl, fields)),
      jsonapi: { version: '1.0' },
      links: page.links,
      meta: page.meta,
    };
    return { status: 200, headers: MEDIA_TYPE, body };
  },

  createGateway(request, context) {
    checkRequest(request);
    const attributes = castAttributes(inputAttributes(request), true);
    const collection = gateways(context.state);
    const record: GatewayRecord = { id: collection.nextId(), ...DEFAULTS, ...(attributes as GatewayAttributes) };
    collection.insert(record);
    return document(201, record, request, context);
  },

  getGateway(request, context) {
    checkRequest(request);
    return document(200, find(request, context), request, context);
  },

  updateGateway(request, context) {
    checkRequest(request);
    // The record is the one the URL names; AshJsonApi never reads `data.id` (helpers.ex update_record).
    const record = find(request, context);
    const attributes = castAttributes(inputAttributes(request), false);
    const updated: GatewayRecord = { ...record, ...attributes, id: record.id };
    gateways(context.state).update(updated);
    return document(200, updated, request, context);
  },

  deleteGateway(request, context) {
    checkRequest(request);
    const record = find(request, context);
    gateways(context.state).remove(record.id);
    // AshJsonApi's delete route answers 200 with the record as it was.
    return document(200, record, request, context);
  },
};

function checkRequest(request: RoutedRequest): void {
  const errors = requestErrors(request);
  if (errors.length > 0) throw new AshErrorList(errors);
}

function inputAttributes(request: RoutedRequest): Record<string, unknown> {
  const data = (request.body as { data?: { attributes?: unknown } } | undefined)?.data;
  return (data?.attributes as Record<string, unknown> | undefined) ?? {};
}

function document(status: number, record: GatewayRecord, request: RoutedRequest, context: HandlerContext): MockResponse {
  const self = `${context.baseUrl}${request.path}${request.url.search}`;
  return { status, headers: MEDIA_TYPE, body: toDocument(record, context.baseUrl, self, sparseFields(request)) };
}

/** `fields=a,b` or `fields[Gateway]=a,b`, already checked against the field names. */
function sparseFields(request: RoutedRequest): string[] | undefined {
  const fields = decodeQuery(request.url.search).fields;
  const value = isMap(fields) ? fields.Gateway : fields;
  return typeof value === 'string' ? value.split(',') : undefined;
}

function find(request: RoutedRequest, context: HandlerContext): GatewayRecord {
  return gateways(context.state).getOrThrow(request.pathParams.id, 'Gateway');
}
