import { MockError } from '../../errors.js';
import type { AccountState } from '../../state/account-state.js';
import type { HandlerContext, MockResponse, OperationHandler, RoutedRequest } from '../types.js';
import { paginate } from './pagination.js';
import { gateways as storedGateways, type GatewayRecord } from './store.js';

type GatewayInput = Partial<GatewayRecord['sip_gateway']>;

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
/** SIP hosts SignalWire runs itself: a gateway must point elsewhere. */
const SIGNALWIRE_HOST = /(^|\.)signalwire\.com$/i;

export const signalwireHandlers: Record<string, OperationHandler> = {
  list_sip_gateways(request, context) {
    const page = paginate(gateways(context).list(), request.query, request.url);
    return ok(200, { data: page.items, links: page.links });
  },

  create_sip_gateway(request, context) {
    const { state } = context;
    const input = request.body as GatewayInput;
    checkUri(input.uri);
    const random = state.random();
    const now = timestamp(state);
    const record: GatewayRecord = {
      id: gateways(context).nextId(random),
      project_id: state.account,
      display_name: input.name!,
      type: 'sip_gateway',
      created_at: now,
      updated_at: now,
      sip_gateway: {
        id: random.string.uuid(),
        uri: input.uri!,
        name: input.name!,
        ciphers: input.ciphers!,
        codecs: input.codecs!,
        encryption: input.encryption!,
      },
    };
    gateways(context).insert(record);
    return ok(201, record);
  },

  get_sip_gateway(request, context) {
    return ok(200, find(request, context));
  },

  update_sip_gateway(request, context) {
    const record = find(request, context);
    const input = (request.body ?? {}) as GatewayInput;
    if (input.uri !== undefined) checkUri(input.uri);
    const sipGateway = { ...record.sip_gateway };
    for (const key of ['uri', 'name', 'ciphers', 'codecs', 'encryption'] as const) {
      if (input[key] !== undefined) (sipGateway as Record<string, unknown>)[key] = input[key];
    }
    const updated: GatewayRecord = { ...record, display_name: sipGateway.name, updated_at: timestamp(context.state), sip_gateway: sipGateway };
    gateways(context).update(updated);
    return ok(200, updated);
  },

  delete_sip_gateway(request, context) {
    find(request, context);
    gateways(context).remove(request.pathParams.id);
    return { status: 204 };
  },

  list_sip_gateway_addresses(request, context) {
    const page = paginate([toAddress(find(request, context))], request.query, request.url);
    return ok(200, { data: page.items, links: page.links });
  },
};

/** Each gateway has one Fabric address, named after it, that calls reach it through. */
function toAddress(record: GatewayRecord) {
  const name = record.sip_gateway.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'sip-gateway';
  return {
    // The address id mirrors the gateway's: stable, and distinct from both of its ids.
    id: record.sip_gateway.id.replace(/^.{8}/, 'ad0d4e55'),
    name,
    display_name: record.display_name,
    cover_url: '',
    preview_url: '',
    locked: false,
    channels: { audio: `/external/${name}?channel=audio` },
    created_at: record.created_at,
    type: 'call' as const,
  };
}

function checkUri(uri: string | undefined): void {
  const host = uri?.replace(/^sips?:/i, '').replace(/^[^@]*@/, '').split(/[:;?]/)[0] ?? '';
  if (SIGNALWIRE_HOST.test(host)) {
    throw new MockError('MOCK_ERR_VALIDATION', { summary: 'uri points at SignalWire' }, [
      { location: 'body', path: ['uri'], rule: 'business', code: 'sip_gateway_uri_must_be_external', message: 'Uri must point to an external SIP entity, not a SignalWire one' },
    ]);
  }
}

function gateways(context: HandlerContext) {
  return storedGateways(context.state);
}

function find(request: RoutedRequest, context: HandlerContext): GatewayRecord {
  const record = gateways(context).get(request.pathParams.id);
  if (!record) throw new MockError('MOCK_ERR_NOT_FOUND', { resource: 'SIP gateway', id: request.pathParams.id });
  return record;
}

/** SignalWire timestamps: UTC, whole seconds. */
function timestamp(state: AccountState): string {
  return state.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function ok(status: number, body: unknown): MockResponse {
  return { status, headers: JSON_TYPE, body };
}
