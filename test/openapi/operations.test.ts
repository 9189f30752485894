import { specPathOf } from '../../src/providers/spec-path.js';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkWithPrism } from '../../src/mock/prism-adapter.js';
import { PROVIDERS } from '../../src/providers/registry.js';
import { DEFAULT_SPECS_DIR } from '../../src/server/create-app.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { createOperation } from '../../src/openapi/operation.js';
import { requestExample, withoutRequiredField } from '../helpers/spec-requests.js';

/** Every operation each provider spec must have: none may go missing silently. */
const EXPECTED_OPERATIONS: Record<string, string[]> = {
  sippet: ['createGateway', 'deleteGateway', 'getGateway', 'listGateways', 'updateGateway'],
  signalwire: ['create_sip_gateway', 'delete_sip_gateway', 'get_sip_gateway', 'list_sip_gateway_addresses', 'list_sip_gateways', 'update_sip_gateway'],
  voicetel: [
    'accountApiKeyV22',
    'accountApikey',
    'gatewaysAdd',
    'gatewaysCreate',
    'gatewaysDelete',
    'gatewaysGet',
    'gatewaysList',
    'gatewaysListV22',
    'gatewaysNumbers',
    'gatewaysPut',
    'gatewaysRemove',
    'gatewaysUpdate',
    'numbersRoute',
  ],
  nebrija: ['createSipTrunk', 'deleteSipTrunk', 'getSipTrunk', 'listSipTrunks', 'updateSipTrunk'],
  yeti: [
    'createAuthToken',
    'createNode', 'createPop', 'createRegistration',
    'deleteNode', 'deletePop', 'deleteRegistration', 'deleteRegistrationNodeRelationship', 'deleteRegistrationPopRelationship',
    'getNode', 'getNodePop', 'getNodePopRelationship', 'getPop', 'getRegistration',
    'getRegistrationNode', 'getRegistrationNodeRelationship', 'getRegistrationPop', 'getRegistrationPopRelationship',
    'getRegistrationTransportProtocol', 'getRegistrationTransportProtocolRelationship', 'getTransportProtocol',
    'listNodes', 'listPops', 'listRegistrations', 'listTransportProtocols',
    'replaceNode', 'replaceNodePopRelationship', 'replacePop', 'replaceRegistration',
    'replaceRegistrationNodeRelationship', 'replaceRegistrationPopRelationship', 'replaceRegistrationTransportProtocolRelationship',
    'updateNode', 'updateNodePopRelationship', 'updatePop', 'updateRegistration',
    'updateRegistrationNodeRelationship', 'updateRegistrationPopRelationship', 'updateRegistrationTransportProtocolRelationship',
  ],
};

const loaded = await Promise.all(
  PROVIDERS.map(async (definition) => ({ definition, spec: await loadSpec(specPathOf(definition)) })),
);

describe.each(loaded)('$definition.slug spec', ({ definition, spec }) => {
  test('has exactly the expected operations', () => {
    expect(spec.operations.map((o) => o.iid).sort()).toEqual(EXPECTED_OPERATIONS[definition.slug]);
  });

  test('declares the 2020-12 dialect and names its provider', () => {
    expect(spec.document.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(spec.document.info['x-sipmock-provider']).toBe(definition.slug);
  });

  test('gives every operation a summary, a security requirement and a documented 500', () => {
    for (const operation of spec.operations) {
      expect(operation.summary, operation.iid).toBeTruthy();
      expect(operation.security, operation.iid).toBeDefined();
      expect(operation.responses.map((r) => r.code), operation.iid).toContain('500');
    }
  });

  // prism-http is the engine: if a spec's schemas do not compile under its dialect, Prism silently
  // validates nothing. Breaking a body must be reported by Prism itself.
  const withBodies = spec.operations.map(createOperation).filter((o) => withoutRequiredField(o.source.request?.body?.contents?.[0]?.schema, requestExample(o)));
  test.each(withBodies.map((operation) => ({ id: operation.operationId, operation })))(
    'prism-http reports a body that breaks the $id schema as invalid',
    async ({ operation }) => {
      const valid = requestExample(operation);
      const broken = withoutRequiredField(operation.source.request?.body?.contents?.[0]?.schema, valid)!;
      const path = operation.pathTemplate.replace(/\{[^}]+\}/g, '9');
      const headers = { 'content-type': operation.requestMediaTypes[0] };
      const good = await checkWithPrism(spec.operations, { method: operation.method, path, headers, body: valid });
      const bad = await checkWithPrism(spec.operations, { method: operation.method, path, headers, body: broken.body });
      expect(good.ok && bad.ok).toBe(true);
      if (!good.ok || !bad.ok) return;
      expect(good.errors.filter((e) => e.path[0] === 'body')).toEqual([]);
      expect(bad.errors.some((e) => e.path[0] === 'body' && e.message.includes(broken.field))).toBe(true);
    },
  );
});
