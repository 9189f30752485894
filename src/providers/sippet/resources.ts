import { MockError } from '../../errors.js';
import type { HandlerContext, MockResponse, OperationHandler, RoutedRequest } from '../types.js';
import { DEFAULTS, MEDIA_TYPE, toDocument, toResource, type GatewayAttributes, type GatewayRecord } from './gateway.js';
import { listGateways } from './list-query.js';
import { gateways } from './store.js';

type ResourceInput = { data: { id?: string; type?: string; attributes?: Partial<GatewayAttributes> } };

export const sippetHandlers: Record<string, OperationHandler> = {
  listGateways(request, context) {
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
    const { attributes } = (request.body as ResourceInput).data;
    const collection = gateways(context.state);
    const record: GatewayRecord = { id: collection.nextId(), ...DEFAULTS, ...(attributes as GatewayAttributes) };
    collection.insert(record);
    return document(201, record, request, context);
  },

  getGateway(request, context) {
    return document(200, find(request, context), request, context);
  },

  updateGateway(request, context) {
    const { data } = request.body as ResourceInput;
    if (data.id !== request.pathParams.id) throw idMismatch(data.id!, request.pathParams.id);
    const record = find(request, context);
    // Only the attributes sent change; the spec already refuses `name` and unknown members.
    const updated: GatewayRecord = { ...record, ...data.attributes, id: record.id };
    gateways(context.state).update(updated);
    return document(200, updated, request, context);
  },

  deleteGateway(request, context) {
    const record = find(request, context);
    gateways(context.state).remove(record.id);
    // AshJsonApi's delete route answers 200 with the record as it was.
    return document(200, record, request, context);
  },
};

function document(status: number, record: GatewayRecord, request: RoutedRequest, context: HandlerContext): MockResponse {
  const self = `${context.baseUrl}${request.path}${request.url.search}`;
  return { status, headers: MEDIA_TYPE, body: toDocument(record, context.baseUrl, self, sparseFields(request)) };
}

/** `fields[Gateway]`, already checked against the known field names by the spec's pattern. */
function sparseFields(request: RoutedRequest): string[] | undefined {
  const value = request.query['fields[Gateway]'];
  return value === undefined ? undefined : String(value).split(',');
}

function find(request: RoutedRequest, context: HandlerContext): GatewayRecord {
  const record = gateways(context.state).get(request.pathParams.id);
  if (!record) throw new MockError('MOCK_ERR_NOT_FOUND', { resource: 'Gateway', id: request.pathParams.id });
  return record;
}

function idMismatch(bodyId: string, pathId: string): MockError {
  return new MockError('MOCK_ERR_VALIDATION', { summary: 'data.id does not match the URL' }, [
    {
      location: 'body',
      path: ['data', 'id'],
      rule: 'business',
      code: 'invalid_body',
      message: `The resource id in the body (${bodyId}) does not match the id in the URL (${pathId}).`,
    },
  ]);
}
