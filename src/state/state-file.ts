import { open, readFile, rename, unlink } from 'node:fs/promises';
import { MockError } from '../errors.js';
import type { StateSnapshot, StateStore } from './store.js';

export type StateFile = {
  /** Resolves once every change made so far is on disk. */
  flush(): Promise<void>;
  /** Stops watching the store, after a last flush. */
  close(): Promise<void>;
};

/**
 * Keeps `store` in `file`: restores it now, then saves after every change. Each save writes a
 * temporary file, syncs it and renames it over the old one, so a crash or kill -9 at any moment
 * leaves either the old or the new state, never a torn file. Saves are serialized and coalesced:
 * changes made during a save are written by the next one.
 */
export async function openStateFile(file: string, store: StateStore): Promise<StateFile> {
  const existing = await readExisting(file);
  if (existing) store.restore(existing);

  let saving: Promise<void> | undefined;
  let dirty = false;
  const temporary = `${file}.${process.pid}.tmp`;

  const save = async (): Promise<void> => {
    while (dirty) {
      dirty = false;
      const text = JSON.stringify(store.snapshot());
      const handle = await open(temporary, 'w');
      try {
        await handle.writeFile(text);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, file);
    }
  };
  const schedule = () => {
    dirty = true;
    saving ??= save().finally(() => {
      saving = undefined;
    });
  };
  const stop = store.onChange(schedule);
  const flush = async () => {
    while (saving) await saving;
  };
  return {
    flush,
    async close() {
      stop();
      await flush();
      await unlink(temporary).catch(() => undefined);
    },
  };
}

async function readExisting(file: string): Promise<StateSnapshot | undefined> {
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
  if (snapshot?.format !== 'sipmock-state' || snapshot.version !== 1 || typeof snapshot.providers !== 'object' || snapshot.providers === null) {
    throw new MockError('MOCK_ERR_STATE_FILE', { file, why: 'it is not a sipmock state file (format "sipmock-state", version 1)' });
  }
  for (const [slug, accounts] of Object.entries(snapshot.providers)) {
    for (const [account, data] of Object.entries(accounts ?? {})) {
      const collections = (data as { collections?: unknown })?.collections;
      const valid =
        collections !== null &&
        typeof collections === 'object' &&
        Object.values(collections).every((c) => Array.isArray((c as { records?: unknown })?.records) && (c as { records: unknown[] }).records.every(hasStringId));
      if (!valid) throw new MockError('MOCK_ERR_STATE_FILE', { file, why: `the records of ${slug} account "${account}" are malformed` });
    }
  }
  return snapshot as StateSnapshot;
}

function hasStringId(record: unknown): boolean {
  return record !== null && typeof record === 'object' && typeof (record as { id?: unknown }).id === 'string';
}
