import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { MockError } from '../errors.js';
import { ChangeBatch } from './change-batch.js';
import { applyLog, readLog, readSnapshot } from './state-read.js';
import { lockStateFile } from './state-lock.js';
import type { StateChange, StateStore } from './store.js';

export type StateFile = {
  /** Resolves once every change made so far is on disk; rejects (MOCK_ERR_STATE_SAVE) when they were rolled back. */
  flush(): Promise<void>;
  /** Stops watching the store, after a last flush and a compaction, and releases the lock. */
  close(): Promise<void>;
};

export type StateFileOptions = { logger?: { error(message: string): void } };

/** The log is compacted into the snapshot once it outgrows both this and the snapshot. */
const COMPACT_MIN_BYTES = 4 * 1024 * 1024;

/**
 * Keeps `store` in `file` (the snapshot, format "sipmock-state" version 1) and `<file>.log` (the
 * changes since, one synced line per save), under `<file>.lock`. A save appends only what changed,
 * so it costs the change, not the whole state; the log is folded into the snapshot (a temporary
 * file, synced, renamed over it) once it outgrows the snapshot, at start after a crash, and at
 * close. A save that fails rolls its changes back, and whoever waits for it gets MOCK_ERR_STATE_SAVE.
 */
export async function openStateFile(path: string, store: StateStore, options: StateFileOptions = {}): Promise<StateFile> {
  const file = resolve(path);
  await checkDirectory(file);
  const release = await lockStateFile(file);
  let writer: StateWriter;
  try {
    await removeStaleTemporaries(file);
    const snapshot = await readSnapshot(file);
    if (snapshot) store.restore(snapshot);
    const log = await readLog(`${file}.log`, file);
    applyLog(store, log.batches);
    writer = new StateWriter(file, store, options.logger ?? { error: (message) => process.stderr.write(`${message}\n`) });
    // A log left by a crash is folded in now, so it never grows across restarts.
    if (log.bytes > 0) await writer.compact();
  } catch (error) {
    await release();
    throw error;
  }
  const stop = store.onChange((change) => writer.add(change));
  return {
    flush: () => writer.flush(),
    async close() {
      stop();
      await writer.idle();
      if (writer.pending) {
        await writer.compact().catch((error: Error) => writer.report(`compacting ${file} at close failed (${error.message}); the log ${file}.log keeps every change`));
      }
      await release();
    },
  };
}

class StateWriter {
  private current?: ChangeBatch;
  private writing?: ChangeBatch;
  private running?: Promise<void>;
  private logBytes = 0;
  private snapshotBytes = 0;
  private readonly log: string;

  constructor(
    private readonly file: string,
    private readonly store: StateStore,
    private readonly logger: { error(message: string): void },
  ) {
    this.log = `${file}.log`;
  }

  add(change: StateChange): void {
    (this.current ??= new ChangeBatch(this.store)).add(change);
    this.running ??= this.run();
  }

  /** Whether the log holds changes the snapshot does not. */
  get pending(): boolean {
    return this.logBytes > 0;
  }

  flush(): Promise<void> {
    return (this.current ?? this.writing)?.done ?? Promise.resolve();
  }

  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  report(message: string): void {
    this.logger.error(`sipmock: ${message}`);
  }

  private async run(): Promise<void> {
    try {
      while (this.current) await this.saveOne();
    } finally {
      // Cleared in the same step the loop ends in: a change arriving after it starts a new run, never joins a finished one.
      this.running = undefined;
    }
  }

  private async saveOne(): Promise<void> {
    // The rest of the request's synchronous changes join the batch first.
    await null;
    const batch = this.current!;
    this.current = undefined;
    this.writing = batch;
    try {
      const sealed = batch.seal();
      if (sealed.text !== '') await this.append(sealed.text);
      batch.commit(sealed);
    } catch (error) {
      this.fail(batch, error as Error);
    } finally {
      this.writing = undefined;
    }
    // Compaction writes memory as it is, so only when no unsaved change is in it.
    if (!this.current && this.logBytes > Math.max(COMPACT_MIN_BYTES, this.snapshotBytes)) {
      await this.compact().catch((error: Error) => this.report(`compacting ${this.file} failed (${error.message}); the log keeps every change`));
    }
  }

  /** Appends one line and syncs it; a failed append is cut off, so the log never holds a torn line in its middle. */
  private async append(text: string): Promise<void> {
    // A read-only directory would fail the next compaction: refuse now, while nothing is written.
    await access(dirname(this.file), constants.W_OK);
    const flags = constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW;
    const handle = await open(this.log, flags, 0o600);
    try {
      await handle.writeFile(text);
      await handle.datasync();
    } catch (error) {
      await handle.truncate(this.logBytes).catch(() => undefined);
      throw error;
    } finally {
      await handle.close();
    }
    if (this.logBytes === 0) await syncDirectory(dirname(this.file));
    this.logBytes += Buffer.byteLength(text);
  }

  /** Rolls back the failed batch and any newer one (they built on it), and fails whoever waits for them. */
  private fail(batch: ChangeBatch, error: Error): void {
    const newer = this.current;
    this.current = undefined;
    newer?.rollback();
    batch.rollback();
    const why = (error as NodeJS.ErrnoException).code ?? error.message;
    this.report(`saving state to ${this.file} failed (${error.message}); rolled back ${batch.size + (newer?.size ?? 0)} change(s) and answered 500`);
    const failure = new MockError('MOCK_ERR_STATE_SAVE', { file: this.file, why });
    batch.reject(failure);
    newer?.reject(failure);
  }

  /** Writes the whole state to a new snapshot and drops the log it now contains. */
  async compact(): Promise<void> {
    const text = JSON.stringify(this.store.snapshot());
    const dir = dirname(this.file);
    // Exclusive and unpredictable: a file or symlink planted under a guessable name is never written through.
    const temporary = join(dir, `.${basename(this.file)}.${randomBytes(8).toString('hex')}.tmp`);
    const handle = await open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
      await handle.close();
      await rename(temporary, this.file);
    } catch (error) {
      await handle.close().catch(() => undefined);
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    await syncDirectory(dir);
    // A crash before this unlink replays the log onto the new snapshot, which changes nothing: every entry is absolute.
    await unlink(this.log).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    this.logBytes = 0;
    this.snapshotBytes = Buffer.byteLength(text);
  }
}

async function checkDirectory(file: string): Promise<void> {
  const dir = dirname(file);
  const refuse = (why: string) => new MockError('MOCK_ERR_STATE_FILE', { file, why });
  const found = await stat(dir).catch(() => undefined);
  if (!found) throw refuse(`its directory ${dir} does not exist; create it first`);
  if (!found.isDirectory()) throw refuse(`${dir} is not a directory`);
  await access(dir, constants.W_OK | constants.X_OK).catch(() => {
    throw refuse(`its directory ${dir} is not writable`);
  });
}

/** Temporary snapshots a crash left behind (ours only: our name pattern, regular files), removed under the lock. */
async function removeStaleTemporaries(file: string): Promise<void> {
  const dir = dirname(file);
  const prefix = `.${basename(file)}.`;
  for (const name of await readdir(dir)) {
    if (!name.startsWith(prefix) || !/^[0-9a-f]{16}\.tmp$/.test(name.slice(prefix.length))) continue;
    const found = await lstat(join(dir, name)).catch(() => undefined);
    if (found?.isFile()) await unlink(join(dir, name)).catch(() => undefined);
  }
}

/** Makes a rename or a new file in `dir` durable; some file systems refuse to sync a directory, which is fine. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => undefined);
  await handle?.sync().catch(() => undefined);
  await handle?.close();
}
