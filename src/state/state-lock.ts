import { open, readFile, unlink } from 'node:fs/promises';
import { MockError } from '../errors.js';

/**
 * Takes the exclusive lock on a state file: `<file>.lock`, created exclusively, naming the holder's
 * pid. A second server on the same file refuses to start and names the holder, rather than
 * overwrite its writes. A lock whose process is gone (kill -9) is taken over, so a crash never
 * blocks the restart. Resolves with the function that releases it.
 */
export async function lockStateFile(file: string): Promise<() => Promise<void>> {
  const lock = `${file}.lock`;
  if (held.has(lock)) throw new MockError('MOCK_ERR_STATE_FILE', { file, why: `this process already serves it (pid ${process.pid}, ${lock})` });
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await create(lock)) {
      held.add(lock);
      return () => release(lock);
    }
    const holder = await readHolder(lock);
    if (holder === undefined) continue; // released between our attempt and the read: try again
    if (holder === 'unreadable') {
      throw new MockError('MOCK_ERR_STATE_FILE', { file, why: `its lock ${lock} names no pid; remove it if no sipmock uses this file` });
    }
    // Our own pid on a lock we do not hold is a previous run's (a restarted container's pid 1).
    if (holder !== process.pid && isAlive(holder)) {
      throw new MockError('MOCK_ERR_STATE_FILE', {
        file,
        why: `another sipmock (pid ${holder}) holds it, see ${lock}; stop that server or use another --state-file`,
      });
    }
    // The holder is gone (killed): its lock is stale.
    await unlink(lock).catch(() => undefined);
  }
  throw new MockError('MOCK_ERR_STATE_FILE', { file, why: `its lock ${lock} could not be taken` });
}

/** Locks this process holds: a second server in the same process is refused too. */
const held = new Set<string>();

async function create(lock: string): Promise<boolean> {
  try {
    // 'wx' is O_CREAT|O_EXCL: it never follows a planted symlink and only one process can win it.
    const handle = await open(lock, 'wx', 0o600);
    try {
      await handle.writeFile(`${process.pid}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readHolder(lock: string): Promise<number | 'unreadable' | undefined> {
  let text: string;
  try {
    text = await readFile(lock, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return 'unreadable';
  }
  const pid = Number(/^\s*(\d+)\s*$/.exec(text)?.[1] ?? (/"pid"\s*:\s*(\d+)/.exec(text)?.[1] ?? NaN));
  return Number.isSafeInteger(pid) && pid > 0 ? pid : 'unreadable';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function release(lock: string): Promise<void> {
  held.delete(lock);
  const holder = await readHolder(lock);
  if (holder === process.pid) await unlink(lock).catch(() => undefined);
}
