import type { AnonymousHandler, OperationHandler } from '../types.js';
import { accountHandlers } from './account-handlers.js';
import { gatewayHandlers } from './gateway-handlers.js';
import { numberHandlers } from './number-handlers.js';
import { v22GatewayHandlers } from './v22-handlers.js';

export const voicetelHandlers: Record<string, OperationHandler> = { ...gatewayHandlers, ...numberHandlers, ...v22GatewayHandlers };

/** The API-key bootstraps of v2.1 and v2.2: the only operations that take no key. */
export const voicetelAnonymous: Record<string, AnonymousHandler> = accountHandlers;
