import express, { type Request, type Response, type Router } from 'express';
import { MockError } from '../errors.js';
import type { AccountSnapshot } from '../state/account-state.js';
import type { StoredRecord } from '../state/collection.js';
import type { StateStore } from '../state/store.js';
import type { MountedProvider } from './mounted-provider.js';

/** Records by collection name, as GET returns them and PUT takes them. */
type AccountRecords = Record<string, StoredRecord[]>;

/**
 * /__sipmock/state: reset (DELETE), dump (GET) and replace (PUT) stored records, per provider and
 * optionally per account (`?account=`). Replaced records are checked against the spec first, and
 * nothing is stored unless all of them pass.
 */
export function createStateRoutes(providers: MountedProvider[], store: StateStore): Router {
  const router = express.Router();
  const bySlug = new Map(providers.map((p) => [p.definition.slug, p]));
  const provider = (req: Request): MountedProvider => {
    const found = bySlug.get(String(req.params.slug));
    if (!found?.definition.state) {
      throw new MockError('MOCK_ERR_STATE_INVALID', { provider: String(req.params.slug), why: `no stateful provider "${req.params.slug}" is served; served: ${[...bySlug.keys()].join(', ')}` });
    }
    return found;
  };
  const account = (req: Request) => (typeof req.query.account === 'string' ? req.query.account : undefined);

  router.delete('/', (req, res) => {
    store.reset();
    res.status(204).end();
  });
  router.delete('/:slug', (req, res) => {
    store.reset(provider(req).definition.slug, account(req));
    res.status(204).end();
  });
  router.get('/:slug', (req, res) => {
    const { slug } = provider(req).definition;
    const snapshot = store.snapshot(slug, account(req)).providers[slug] ?? {};
    const accounts = Object.fromEntries(
      Object.entries(snapshot).map(([name, data]) => [name, Object.fromEntries(Object.entries(data.collections).map(([c, v]) => [c, v.records]))]),
    );
    res.json({ provider: slug, accounts });
  });
  router.put('/:slug', express.json({ limit: '50mb', type: () => true }), (req, res) => {
    const mounted = provider(req);
    const single = account(req);
    const accounts = (single !== undefined ? { [single]: req.body } : req.body?.accounts) as Record<string, AccountRecords> | undefined;
    if (!accounts || typeof accounts !== 'object') {
      throw new MockError('MOCK_ERR_STATE_INVALID', { provider: mounted.definition.slug, why: 'send {"accounts": {"<account>": {"<collection>": [records]}}}, or the collections of one account with ?account=' });
    }
    const snapshots: Record<string, AccountSnapshot> = {};
    for (const [name, records] of Object.entries(accounts)) snapshots[name] = toSnapshot(mounted, name, records);
    store.replaceAccounts(mounted.definition.slug, snapshots);
    res.json({ provider: mounted.definition.slug, accounts: Object.keys(snapshots) });
  });
  router.use((error: unknown, req: Request, res: Response, next: (error?: unknown) => void) => {
    if (!(error instanceof MockError)) return next(error);
    res.status(error.status).json({ error: error.code, message: error.message, violations: error.violations });
  });
  return router;
}

/** Checks one account's records against the spec and turns them into a snapshot. */
function toSnapshot(provider: MountedProvider, account: string, records: AccountRecords): AccountSnapshot {
  const { slug, state } = provider.definition;
  const refuse = (why: string) => new MockError('MOCK_ERR_STATE_INVALID', { provider: slug, why: `account "${account}": ${why}` });
  if (!records || typeof records !== 'object' || Array.isArray(records)) throw refuse('expected an object of collections');
  const collections: AccountSnapshot['collections'] = {};
  for (const [name, list] of Object.entries(records)) {
    const definition = state!.collections[name];
    if (!definition) throw refuse(`unknown collection "${name}"; known: ${Object.keys(state!.collections).join(', ')}`);
    if (!Array.isArray(list)) throw refuse(`collection "${name}" must be an array of records`);
    const operation = provider.operations.find((o) => o.operationId === definition.operationId)!;
    const ids = new Set<string>();
    list.forEach((record, index) => {
      if (typeof record?.id !== 'string' || record.id === '') throw refuse(`${name}[${index}] needs a string id`);
      if (ids.has(record.id)) throw refuse(`${name}[${index}] repeats id "${record.id}"`);
      ids.add(record.id);
      const body = definition.render(record, { baseUrl: `http://127.0.0.1/${slug}` });
      const mediaType = operation.responses.get(operation.successStatus)?.contents[0]?.mediaType ?? 'application/json';
      const violations = operation.validateResponse(operation.successStatus, mediaType, body);
      if (violations.length > 0) {
        const first = violations[0];
        throw new MockError('MOCK_ERR_STATE_INVALID', { provider: slug, why: `account "${account}": ${name}[${index}] does not match the ${definition.operationId} response: ${first.path.join('.')} ${first.message}` }, violations);
      }
    });
    const numericIds = list.map((r) => Number(r.id)).filter(Number.isInteger);
    collections[name] = { sequence: numericIds.length > 0 ? Math.max(...numericIds) : 0, records: list };
  }
  return { draws: 0, collections };
}
