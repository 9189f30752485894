import { MockError } from '../../errors.js';
import type { AccountState } from '../../state/account-state.js';
import type { Collection } from '../../state/collection.js';
import type { HandlerContext, MockResponse, OperationHandler, RoutedRequest } from '../types.js';
import { ordered, paginate, type Ordered } from './pagination.js';
import { gateways as storedGateways, type GatewayRecord } from './store.js';

/** A request body as validated by the spec: codecs may still be a comma-separated string. */
type GatewayInput = Partial<Omit<GatewayRecord['sip_gateway'], 'codecs'>> & { codecs?: string[] | string };

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
/** SIP hosts SignalWire runs itself: a gateway must point elsewhere. */
const SIGNALWIRE_HOST = /(^|\.)signalwire\.com$/i;
/** The Codecs enum of the spec, in its order, for the comma-separated form the schema cannot check. */
const CODECS = ['PCMU', 'PCMA', 'G722', 'G729', 'OPUS', 'VP8', 'H264', 'OPUS@48000H@20I', 'OPUS@24000H@20I', 'OPUS@16000H@20I', 'OPUS@8000H@20I'];

export const signalwireHandlers: Record<string, OperationHandler> = {
  list_sip_gateways(request, context) {
    const page = paginate(oldestFirst(gateways(context)), request.query, listUrl(request, context));
    return ok(200, { data: page.items, links: page.links });
  },

  create_sip_gateway(request, context) {
    const { state } = context;
    const input = request.body as GatewayInput;
    checkUri(input.uri);
    const codecs = toCodecList(input.codecs!);
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
        codecs,
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
    for (const key of ['uri', 'name', 'ciphers', 'encryption'] as const) {
      if (input[key] !== undefined) (sipGateway as Record<string, unknown>)[key] = input[key];
    }
    if (input.codecs !== undefined) sipGateway.codecs = toCodecList(input.codecs);
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
    const page = paginate(ordered([toAddress(find(request, context))]), request.query, listUrl(request, context));
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
      { location: 'body', path: ['uri'], rule: 'business', code: 'sip_gateway_uri_must_be_external', message: 'Uri must point to a SIP entity outside SignalWire' },
    ]);
  }
}

/**
 * A list of codec names from either documented form: an array, or a comma-separated string
 * (spaces around the commas ignored). The spec has checked the array form already.
 */
function toCodecList(codecs: string[] | string): string[] {
  if (Array.isArray(codecs)) return codecs;
  const names = codecs.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) throw codecError('missing_required_parameter', "Codecs can't be blank");
  if (names.some((name) => !CODECS.includes(name))) throw codecError('invalid_parameter', `Codecs must be one of: ${CODECS.join(', ')}`);
  return names;
}

function codecError(code: string, message: string): MockError {
  return new MockError('MOCK_ERR_VALIDATION', { summary: message }, [{ location: 'body', path: ['codecs'], rule: 'business', code, message }]);
}

/** Creation order, the list order; records put through the control API may come in any order. */
/** The gateways oldest first, with each one's position: sorted once per change of the collection, not per page. */
function oldestFirst(collection: Collection<GatewayRecord>): Ordered<GatewayRecord> {
  return collection.view('oldest-first', (records) => {
    const items = records.sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : 0));
    return { items, positions: new Map(items.map((item, index) => [item.id, index])) };
  });
}

/** The list's own URL on the base URL the request came in on, without its query. */
function listUrl(request: RoutedRequest, context: HandlerContext): string {
  return `${context.baseUrl}${request.path}`;
}

function gateways(context: HandlerContext) {
  return storedGateways(context.state);
}

function find(request: RoutedRequest, context: HandlerContext): GatewayRecord {
  return gateways(context).getOrThrow(request.pathParams.id, 'SIP gateway');
}

/** SignalWire timestamps: UTC, whole seconds (written once per second: every write stamps one). */
function timestamp(state: AccountState): string {
  const second = Math.floor(state.now().getTime() / 1000);
  if (second !== lastStamp.second) lastStamp = { second, text: new Date(second * 1000).toISOString().replace(/\.000Z$/, 'Z') };
  return lastStamp.text;
}
let lastStamp = { second: Number.NaN, text: '' };

function ok(status: number, body: unknown): MockResponse {
  return { status, headers: JSON_TYPE, body };
}
