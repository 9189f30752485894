import type { OperationHandler } from '../types.js';
import { createHandler, deleteHandler, getHandler, listHandler, updateHandler, type ResourceRules } from './crud.js';
import { nodeRules, popRules, transportProtocolRules } from './pops-and-nodes.js';
import { registrationRules } from './registrations.js';
import { relationshipHandlers } from './relationships.js';

export const yetiResourceHandlers: Record<string, OperationHandler> = {
  ...crud(registrationRules, 'Registration'),
  // The transport protocol and a node's PoP are required: clearing them always fails at Yeti, so the spec leaves those DELETEs out.
  ...relationshipHandlers(registrationRules, 'Registration', 'transport-protocol', { destroy: false }),
  ...relationshipHandlers(registrationRules, 'Registration', 'pop'),
  ...relationshipHandlers(registrationRules, 'Registration', 'node'),
  ...crud(popRules, 'Pop'),
  ...crud(nodeRules, 'Node'),
  ...relationshipHandlers(nodeRules, 'Node', 'pop', { destroy: false }),
  listTransportProtocols: listHandler(transportProtocolRules),
  getTransportProtocol: getHandler(transportProtocolRules),
};

/** The six operations of a writable resource, by the spec's operationId naming (listPops, replacePop...). */
function crud(rules: ResourceRules, name: string): Record<string, OperationHandler> {
  return {
    [`list${name}s`]: listHandler(rules),
    [`create${name}`]: createHandler(rules),
    [`get${name}`]: getHandler(rules),
    [`update${name}`]: updateHandler(rules),
    [`replace${name}`]: updateHandler(rules),
    [`delete${name}`]: deleteHandler(rules),
  };
}
