import { constants } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { MockError } from '../errors.js';
import type { AccountSnapshot } from './account-state.js';
import type { LogEntry } from './change-batch.js';
import type { StateSnapshot, StateStore } from './store.js';
import { isJsonObject } from '../json-object.js';

/** The snapshot file (format "sipmock-state", version 1, as every sipmock wrote it), or undefined when there is none. */
export async function readSnapshot(file: string): Promise<StateSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new MockError('MOCK_ERR_STATE_FILE', { file, why: (error as Error).message });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new MockError('MOCK_ERR_STATE_FILE', { file, why: `it is not valid JSON (${(error as Error).message}); it may be truncated` });
  }
  const snapshot = parsed as Partial<StateSnapshot>;
  if (snapshot?.format !== 'sipmock-state' || snapshot.version !== 1 || !isJsonObject(snapshot.providers)) {
    throw new MockError('MOCK_ERR_STATE_FILE', { file, why: 'it is not a sipmock state file (format "sipmock-state", version 1)' });
  }
  for (const [slug, accounts] of Object.entries(snapshot.providers)) {
    for (const [account, data] of Object.entries(accounts ?? {})) {
      if (!isAccount(data)) throw new MockError('MOCK_ERR_STATE_FILE', { file, why: `the records of ${slug} account "${account}" are malformed` });
    }
  }
  return snapshot as StateSnapshot;
}

/**
 * The batches of the log beside the snapshot, one JSON array per line. A last line without its
 * newline is a batch torn by a crash: it was never acknowledged (answers wait for the sync), so it
 * is dropped. Any other bad line means the file was damaged, and sipmock stops rather than guess.
 */
export async function readLog(log: string, file: string): Promise<{ batches: LogEntry[][]; bytes: number }> {
  let text: string;
  try {
    // O_NOFOLLOW: a symlink planted as the log is refused, not read through.
    const handle = await open(log, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { batches: [], bytes: 0 };
    throw new MockError('MOCK_ERR_STATE_FILE', { file, why: `its log ${log} cannot be read (${(error as Error).message})` });
  }
  const lines = text.split('\n');
  const torn = lines.pop();
  const batches: LogEntry[][] = [];
  lines.forEach((line, index) => {
    const batch = parseBatch(line);
    if (!batch) throw new MockError('MOCK_ERR_STATE_FILE', { file, why: `line ${index + 1} of its log ${log} is malformed` });
    batches.push(batch);
  });
  if (torn) {
    const batch = parseBatch(torn);
    if (batch) batches.push(batch);
  }
  return { batches, bytes: Buffer.byteLength(text) };
}

/** Replays logged batches on top of the restored snapshot, in order. */
export function applyLog(store: StateStore, batches: LogEntry[][]): void {
  for (const batch of batches) {
    for (const entry of batch) {
      if ('reset' in entry) {
        if (store.serves(entry.reset)) store.put(entry.reset, new Map());
        continue;
      }
      if (!store.serves(entry.p)) continue; // a provider not served this run keeps no state
      if ('drop' in entry) store.set(entry.p, entry.a, undefined);
      else if ('account' in entry) store.load(entry.p, entry.a, entry.account);
      else applyRecords(store, entry);
    }
  }
}

function applyRecords(store: StateStore, entry: Extract<LogEntry, { put: unknown }>): void {
  const state = store.stored(entry.p, entry.a) ?? store.load(entry.p, entry.a, { draws: 0, collections: Object.create(null) });
  for (const [name, records] of Object.entries(entry.put)) {
    if (state.has(name)) for (const record of records) state.collection(name).revert(record.id, record);
  }
  for (const [name, ids] of Object.entries(entry.del)) {
    if (state.has(name)) for (const id of ids) state.collection(name).revert(id, undefined);
  }
  state.allocate(entry.alloc);
}

function parseBatch(line: string): LogEntry[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  return Array.isArray(parsed) && parsed.every(isEntry) ? (parsed as LogEntry[]) : undefined;
}

function isEntry(value: unknown): boolean {
  if (!isJsonObject(value)) return false;
  if (typeof value.reset === 'string') return true;
  if (typeof value.p !== 'string' || typeof value.a !== 'string') return false;
  if (value.drop === true) return true;
  if ('account' in value) return isAccount(value.account);
  return (
    isJsonObject(value.alloc) &&
    isJsonObject(value.alloc.sequences) &&
    isJsonObject(value.put) &&
    Object.values(value.put).every((list) => Array.isArray(list) && list.every(hasStringId)) &&
    isJsonObject(value.del) &&
    Object.values(value.del).every((list) => Array.isArray(list) && list.every((id) => typeof id === 'string'))
  );
}

function isAccount(data: unknown): data is AccountSnapshot {
  const collections = (data as { collections?: unknown })?.collections;
  return isJsonObject(collections) && Object.values(collections).every((c) => Array.isArray((c as { records?: unknown })?.records) && (c as { records: unknown[] }).records.every(hasStringId));
}


function hasStringId(record: unknown): boolean {
  return isJsonObject(record) && typeof record.id === 'string';
}
