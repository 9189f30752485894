import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { MockError } from '../errors.js';
import type { AccountSnapshot } from '../state/account-state.js';
import type { StoredRecord } from '../state/collection.js';
import type { ControlRoutesOptions } from './control-routes.js';
import type { MountedProvider } from './mounted-provider.js';
import { closeOnOverflow, readRawBody } from './read-body.js';
import { isJsonObject } from '../json-object.js';

/** Records by collection name, as GET returns them and PUT takes them. */
type AccountRecords = Record<string, StoredRecord[]>;
/** What the next ids of an account depend on: it travels in a dump, so a PUT of it restores allocation. */
type Allocation = { draws: number; sequences: Record<string, number> };
type StateDocument = { provider: string; accounts: Record<string, AccountRecords>; allocation?: Record<string, Allocation> };

const STATE_BODY_LIMIT = 50 * 1024 * 1024;

/**
 * Reads a JSON body of any Content-Type up to 50 MiB. Past the limit it answers 413 at once and
 * closes the connection (a body parser that drains the rest would wait for a body that may never end).
 */
async function readJson(req: Request, res: Response, next: NextFunction): Promise<void> {
  closeOnOverflow(req, res);
  const raw = await readRawBody(req, STATE_BODY_LIMIT);
  const text = raw.toString('utf8').replace(/^\uFEFF/, '');
  try {
    req.body = text.trim() === '' ? undefined : JSON.parse(text);
  } catch (error) {
    throw new MockError('MOCK_ERR_CONTROL_BODY', { why: (error as Error).message });
  }
  next();
}

/**
 * /__sipmock/state: reset (DELETE), dump (GET) and replace (PUT) stored records, per provider and
 * optionally per account (`?account=`). Replaced records are checked against the spec first, and
 * nothing is stored unless all of them pass. Writes are answered once they are on disk.
 */
export function createStateRoutes(options: ControlRoutesOptions): Router {
  const { store } = options;
  const router = express.Router();
  const bySlug = new Map(options.providers.map((p) => [p.definition.slug, p]));
  const provider = (req: Request): MountedProvider => {
    const found = bySlug.get(String(req.params.slug));
    if (!found?.definition.resources) {
      const served = [...bySlug.values()].filter((p) => p.definition.resources).map((p) => p.definition.slug);
      throw new MockError('MOCK_ERR_STATE_INVALID', { provider: String(req.params.slug), why: `no stateful provider "${req.params.slug}" is served; served: ${served.join(', ')}` });
    }
    return found;
  };
  const account = (req: Request) => (typeof req.query.account === 'string' ? req.query.account : undefined);
  const durable = async () => options.persist?.();

  router.delete('/', async (req, res) => {
    store.reset();
    await durable();
    res.status(204).end();
  });
  router.delete('/:slug', async (req, res) => {
    store.reset(provider(req).definition.slug, account(req));
    await durable();
    res.status(204).end();
  });
  router.get('/:slug', (req, res) => {
    const { slug } = provider(req).definition;
    const snapshot = store.snapshot(slug, account(req)).providers[slug] ?? {};
    const document: StateDocument = { provider: slug, accounts: {}, allocation: {} };
    for (const [name, data] of Object.entries(snapshot)) {
      define(document.accounts, name, mapValues(data.collections, (c) => c.records));
      define(document.allocation!, name, { draws: data.draws, sequences: mapValues(data.collections, (c) => c.sequence) });
    }
    res.json(document);
  });
  router.put('/:slug', readJson, async (req, res) => {
    const mounted = provider(req);
    const single = account(req);
    const body = req.body as Partial<StateDocument> | undefined;
    const accounts = single !== undefined ? { [single]: req.body as AccountRecords } : body?.accounts;
    if (!isJsonObject(accounts)) {
      throw new MockError('MOCK_ERR_STATE_INVALID', { provider: mounted.definition.slug, why: 'send {"accounts": {"<account>": {"<collection>": [records]}}}, or the collections of one account with ?account=' });
    }
    const allocation = single === undefined && isJsonObject(body?.allocation) ? body.allocation : {};
    const snapshots: Record<string, AccountSnapshot> = Object.create(null);
    for (const [name, records] of Object.entries(accounts)) {
      define(snapshots, name, toSnapshot(mounted, name, records, Object.hasOwn(allocation, name) ? allocation[name] : undefined));
    }
    store.replaceAccounts(mounted.definition.slug, snapshots);
    await durable();
    res.json({ provider: mounted.definition.slug, accounts: Object.keys(snapshots) });
  });
  return router;
}

/** Checks one account's records against the spec and turns them into a snapshot. */
function toSnapshot(provider: MountedProvider, account: string, records: AccountRecords, allocation: Allocation | undefined): AccountSnapshot {
  const { slug, resources } = provider.definition;
  const collections = resources!.collections;
  const refuse = (why: string) => new MockError('MOCK_ERR_STATE_INVALID', { provider: slug, why: `account "${account}": ${why}` });
  if (!isJsonObject(records)) throw refuse('expected an object of collections');
  const snapshot: AccountSnapshot = { draws: toCount(allocation?.draws), collections: Object.create(null) };
  for (const [name, list] of Object.entries(records)) {
    if (!Object.hasOwn(collections, name)) throw refuse(`unknown collection "${name}"; known: ${Object.keys(collections).join(', ')}`);
    if (!Array.isArray(list)) throw refuse(`collection "${name}" must be an array of records`);
    const definition = collections[name];
    const operation = provider.byId.get(definition.operationId)!;
    const mediaType = operation.successMediaTypes[0] ?? 'application/json';
    const ids = new Set<string>();
    list.forEach((record, index) => {
      if (!isJsonObject(record) || typeof record.id !== 'string' || record.id === '') throw refuse(`${name}[${index}] needs a string id`);
      if (ids.has(record.id)) throw refuse(`${name}[${index}] repeats id "${record.id}"`);
      ids.add(record.id);
      const violations = operation.validateResponse(operation.successStatus, mediaType, definition.render(record, { baseUrl: `http://127.0.0.1/${slug}` }));
      if (violations.length > 0) {
        const first = violations[0];
        throw new MockError('MOCK_ERR_STATE_INVALID', { provider: slug, why: `account "${account}": ${name}[${index}] does not match the ${definition.operationId} response: ${first.path.join('.')} ${first.message}` }, violations);
      }
    });
    const sequences = allocation?.sequences;
    define(snapshot.collections, name, { sequence: toCount(isJsonObject(sequences) && Object.hasOwn(sequences, name) ? sequences[name] : 0), records: list });
  }
  return snapshot;
}


function toCount(value: unknown): number {
  return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : 0;
}

/** Sets a key chosen by a client without reaching the prototype (`__proto__`, `constructor`). */
function define<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function mapValues<A, B>(object: Record<string, A>, map: (value: A) => B): Record<string, B> {
  const result: Record<string, B> = {};
  for (const [key, value] of Object.entries(object)) define(result, key, map(value));
  return result;
}
