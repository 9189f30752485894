import { describe, expect, test } from 'vitest';
import { checkWithPrism } from '../../src/mock/prism-adapter.js';
import { PROVIDERS } from '../../src/providers/registry.js';
import { specPathOf } from '../../src/providers/spec-path.js';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { createOperation } from '../../src/openapi/operation.js';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { requestExample, withoutRequiredField } from '../helpers/spec-requests.js';

/** Every operation each provider spec must have: none may go missing silently. */

const loaded = await Promise.all(
  PROVIDERS.map(async (definition) => ({ definition, spec: await loadSpec(specPathOf(definition)) })),
);

describe.each(loaded)('$definition.slug spec', ({ definition, spec }) => {
  test('has exactly the expected operations', () => {
    expect(spec.operations.map((o) => o.iid).sort()).toEqual(PROVIDER_CASES[definition.slug].operations);
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
