import { describe, expect, test } from 'vitest';
import { loadSpec } from '../../src/openapi/load-spec.js';
import { createOperation } from '../../src/openapi/operation.js';
import { specPathOf } from '../../src/providers/spec-path.js';
import { PROVIDERS } from '../../src/providers/registry.js';
import type { SipmockOptions } from '../../src/server/create-app.js';
import { http, useSipmock } from './start-server.js';

/** A request that makes the server build a documented error itself (no Prefer header). */
export type ErrorTrigger = {
  /** Runs first, e.g. to create the record the trigger refers to. */
  before?: (baseUrl: string) => Promise<void>;
  method?: string;
  /** The provider's real path; the /<slug> mount is put in front. Defaults to the operation's path. */
  path?: string;
  headers?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
};

/** Why an example is only ever answered on request (Prefer), never built by a handler. */
export type CannedOnly = { canned: string };

export type DocumentedErrorsOptions = {
  slug: string;
  /** By "<operationId> <status> <example name>". */
  triggers: Record<string, ErrorTrigger | CannedOnly>;
  /** More server options, e.g. a credentials list so that a wrong key can be sent. */
  server?: SipmockOptions;
};

/**
 * Every error example the provider's spec documents, checked against what the server builds: the
 * wording a handler or renderer writes must be the documented one. An example with neither a
 * trigger nor a reason fails, so a new example cannot go unchecked.
 */
export async function describeDocumentedErrors(options: DocumentedErrorsOptions): Promise<void> {
  const definition = PROVIDERS.find((p) => p.slug === options.slug)!;
  const spec = await loadSpec(specPathOf(definition));
  const cases = spec.operations.map(createOperation).flatMap((operation) =>
    [...operation.responses.values()]
      .filter((response) => response.status >= 400)
      .flatMap((response) =>
        [...(response.contents[0]?.examples ?? new Map<string, unknown>())].map(([name, value]) => ({
          key: `${operation.operationId} ${response.status} ${name}`,
          operation,
          status: response.status,
          value,
        })),
      ),
  );
  const sipmock = useSipmock({ ...options.server, providers: [options.slug] });

  describe(`${options.slug}: every documented error example is what the server builds`, () => {
    test.each(cases)('$key', async ({ key, operation, status, value }) => {
      const trigger = options.triggers[key];
      expect(trigger, `add a trigger for "${key}", or { canned: '<why>' } when no handler builds it`).toBeDefined();
      if ('canned' in trigger!) {
        expect(trigger.canned.length, `${key}: say why it is canned only`).toBeGreaterThan(10);
        return;
      }
      const base = sipmock.current.url;
      await http(base, `/__sipmock/state/${options.slug}`, { method: 'DELETE' });
      await trigger.before?.(`${base}/${options.slug}`);
      const body = trigger.rawBody ?? (trigger.body === undefined ? undefined : JSON.stringify(trigger.body));
      const response = await http(base, `/${options.slug}${trigger.path ?? operation.pathTemplate}`, {
        method: trigger.method ?? operation.method,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...trigger.headers },
        body,
      });
      expect(response.status, response.text).toBe(status);
      expect(response.json).toEqual(value);
    });

    test('has no trigger for an example the spec no longer documents', () => {
      const documented = new Set(cases.map((c) => c.key));
      expect(Object.keys(options.triggers).filter((key) => !documented.has(key))).toEqual([]);
    });
  });
}
