import { MockError } from '../../errors.js';
import type { AccountState } from '../../state/account-state.js';
import type { HandlerContext, RoutedRequest, MockResponse, OperationHandler } from '../types.js';
import { PASSWORD_MASK, renderTrunk, toGateway, trunks, type Authentication, type GatewayInput, type TrunkRecord } from './store.js';

/** The request bodies, already validated against the spec by the time a handler runs. */
type CreateInput = { name: string; gateways: GatewayInput[]; authentication?: Authentication; advanced?: Record<string, unknown> };
type UpdateInput = Partial<CreateInput>;

const JSON_TYPE = { 'content-type': 'application/json; charset=utf-8' };
const SYSTEM_TRUNK_MESSAGE = 'System SIP trunks cannot be modified or deleted';
/** LiveKit SIP trunk ids: "ST_" and 12 letters or digits. */
const PROVIDER_ID_LENGTH = 12;

export const nebrijaHandlers: Record<string, OperationHandler> = {
  listSipTrunks(request, context) {
    return ok(200, trunks(state(context)).list().map(renderTrunk));
  },

  createSipTrunk(request, context) {
    const account = state(context);
    const input = request.body as CreateInput;
    const random = account.random();
    const now = timestamp(account);
    const record: TrunkRecord = {
      id: trunks(account).nextId(random),
      name: input.name,
      gateways: input.gateways.map(toGateway),
      // A trunk without credentials is returned with an empty username (the spec's minimal example).
      authentication: input.authentication ? { ...input.authentication } : { username: '', password: '' },
      advanced: structuredClone(input.advanced ?? {}),
      isSystem: false,
      providerId: `ST_${random.string.alphanumeric(PROVIDER_ID_LENGTH)}`,
      createdAt: now,
      updatedAt: now,
    };
    trunks(account).insert(record);
    return ok(201, renderTrunk(record));
  },

  getSipTrunk(request, context) {
    return ok(200, renderTrunk(find(request, context)));
  },

  updateSipTrunk(request, context) {
    const account = state(context);
    const record = modifiable(request, context);
    const input = (request.body ?? {}) as UpdateInput;
    const updated: TrunkRecord = { ...record, updatedAt: timestamp(account) };
    if (input.name !== undefined) updated.name = input.name;
    if (input.gateways !== undefined) updated.gateways = input.gateways.map(toGateway);
    if (input.authentication !== undefined) updated.authentication = updatedAuthentication(record.authentication, input.authentication);
    if (input.advanced !== undefined) updated.advanced = structuredClone(input.advanced);
    trunks(account).update(updated);
    return ok(200, renderTrunk(updated));
  },

  deleteSipTrunk(request, context) {
    const account = state(context);
    modifiable(request, context);
    trunks(account).remove(request.pathParams.id);
    return { status: 204 };
  },
};

/** The mask sent back keeps the stored password, so a client can resend the trunk it read. */
function updatedAuthentication(stored: Authentication, input: Authentication): Authentication {
  return { username: input.username, password: input.password === PASSWORD_MASK ? stored.password : input.password };
}

function find(request: RoutedRequest, context: HandlerContext): TrunkRecord {
  return trunks(state(context)).getOrThrow(request.pathParams.id, 'SIP trunk');
}

/** The trunk, unless it is a platform trunk, which cannot be modified or deleted. */
function modifiable(request: RoutedRequest, context: HandlerContext): TrunkRecord {
  const record = find(request, context);
  if (record.isSystem) throw new MockError('MOCK_ERR_FORBIDDEN', { why: SYSTEM_TRUNK_MESSAGE });
  return record;
}

function state(context: HandlerContext): AccountState {
  return context.state;
}

/** NestJS serialises dates with Date#toISOString: UTC with milliseconds. */
function timestamp(account: AccountState): string {
  return account.now().toISOString();
}

function ok(status: number, body: unknown): MockResponse {
  return { status, headers: JSON_TYPE, body };
}
