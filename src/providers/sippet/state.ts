import { MockError } from '../../errors.js';
import type { Collection } from '../../state/collection.js';
import type { HandlerContext, MockRequest, MockResponse, OperationHandler, ProviderState } from '../types.js';
import { DEFAULTS, MEDIA_TYPE, SEED_GATEWAY, renderStored, toDocument, toResource, type GatewayAttributes, type GatewayRecord } from './gateway.js';
import { AshErrorList } from './ash-error.js';
import { castAttributes } from './casts.js';
import { listGateways } from './list-query.js';
import { decodeQuery, isMap } from './plug-query.js';
import { requestErrors } from './request-check.js';

type ResourceInput = { data?: { id?: string; type?: string; attributes?: unknown } };

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

/**
 * Every handler first runs AshJsonApi's request checks (request.ex `from/7`): they answer all
 * their errors together, before any record is read.
 */
export const sippetHandlers: Record<string, OperationHandler> = {
  listGateways(request, context) {
    checkRequest(request);
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
    checkRequest(request);
    const state = context.state!;
    const attributes = castAttributes(inputAttributes(request), true);
    const record: GatewayRecord = { id: state.random().string.uuid(), ...DEFAULTS, ...(attributes as GatewayAttributes) };
    gateways(context).set(record);
    state.changed();
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
    gateways(context).set(updated);
    context.state!.changed();
    return document(200, updated, request, context);
  },

  deleteGateway(request, context) {
    checkRequest(request);
    const record = find(request, context);
    gateways(context).delete(record.id);
    context.state!.changed();
    // AshJsonApi's delete route answers 200 with the record as it was.
    return document(200, record, request, context);
  },
};

function checkRequest(request: MockRequest): void {
  const errors = requestErrors(request);
  if (errors.length > 0) throw new AshErrorList(errors);
}

function inputAttributes(request: MockRequest): Record<string, unknown> {
  const data = (request.body as ResourceInput | undefined)?.data;
  return (data?.attributes as Record<string, unknown> | undefined) ?? {};
}

function document(status: number, record: GatewayRecord, request: MockRequest, context: HandlerContext): MockResponse {
  const self = `${context.baseUrl}${request.path}${request.url.search}`;
  return { status, headers: MEDIA_TYPE, body: toDocument(record, context.baseUrl, self, sparseFields(request)) };
}

/** `fields=a,b` or `fields[Gateway]=a,b`, already checked against the field names. */
function sparseFields(request: MockRequest): string[] | undefined {
  const fields = decodeQuery(request.url.search).fields;
  const value = isMap(fields) ? fields.Gateway : fields;
  return typeof value === 'string' ? value.split(',') : undefined;
}

function gateways(context: HandlerContext) {
  return context.state!.collection<GatewayRecord>('gateways');
}

function find(request: MockRequest, context: HandlerContext): GatewayRecord {
  const record = gateways(context).get(request.pathParams.id);
  if (!record) throw new MockError('MOCK_ERR_NOT_FOUND', { resource: 'Gateway', id: request.pathParams.id });
  return record;
}
