import { MockError } from '../../errors.js';
import type { Collection } from '../../state/collection.js';
import type { HandlerContext, MockRequest, MockResponse, OperationHandler, ProviderState } from '../types.js';
import { DEFAULTS, MEDIA_TYPE, SEED_GATEWAY, renderStored, toDocument, toResource, type GatewayAttributes, type GatewayRecord } from './gateway.js';
import { listGateways } from './list-query.js';

type ResourceInput = { data: { id?: string; type?: string; attributes?: Partial<GatewayAttributes> } };

export const sippetState: ProviderState = {
  collections: {
    gateways: {
      operationId: 'getGateway',
      render: (record, context) => renderStored(record, context.baseUrl),
      // A recorded document carries the record; merged into the stored one, as a sparse answer may omit attributes.
      replay: {
        createGateway: (_, body, stored) => ({ upsert: [fromDocument(body, stored)] }),
        updateGateway: (_, body, stored) => ({ upsert: [fromDocument(body, stored)] }),
        deleteGateway: (request) => ({ remove: [request.pathParams.id] }),
      },
    },
  },
  seed(state) {
    state.collection<GatewayRecord>('gateways').set(structuredClone(SEED_GATEWAY));
  },
};

function fromDocument(body: unknown, stored: Collection): GatewayRecord {
  const { id, attributes } = (body as { data: { id: string; attributes: Partial<GatewayAttributes> } }).data;
  return { ...DEFAULTS, ...(stored.get(id) as GatewayRecord | undefined), ...attributes, id } as GatewayRecord;
}

export const sippetHandlers: Record<string, OperationHandler> = {
  listGateways(request, context) {
    const page = listGateways(gateways(context).list(), request, `${context.baseUrl}${request.path}`);
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
    const state = context.state!;
    const { attributes } = (request.body as ResourceInput).data;
    const record: GatewayRecord = { id: state.random().string.uuid(), ...DEFAULTS, ...(attributes as GatewayAttributes) };
    gateways(context).set(record);
    state.changed();
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
    gateways(context).set(updated);
    context.state!.changed();
    return document(200, updated, request, context);
  },

  deleteGateway(request, context) {
    const record = find(request, context);
    gateways(context).delete(record.id);
    context.state!.changed();
    // AshJsonApi's delete route answers 200 with the record as it was.
    return document(200, record, request, context);
  },
};

function document(status: number, record: GatewayRecord, request: MockRequest, context: HandlerContext): MockResponse {
  const self = `${context.baseUrl}${request.path}${request.url.search}`;
  return { status, headers: MEDIA_TYPE, body: toDocument(record, context.baseUrl, self, sparseFields(request)) };
}

/** `fields[Gateway]`, already checked against the known field names by the spec's pattern. */
function sparseFields(request: MockRequest): string[] | undefined {
  const value = request.query['fields[Gateway]'];
  return value === undefined ? undefined : String(value).split(',');
}

function gateways(context: HandlerContext) {
  return context.state!.collection<GatewayRecord>('gateways');
}

function find(request: MockRequest, context: HandlerContext): GatewayRecord {
  const record = gateways(context).get(request.pathParams.id);
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
