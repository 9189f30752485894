import { createWriteStream } from 'node:fs';
import type { JournalEntry } from './entry.js';

export type JournalFile = {
  write(entry: JournalEntry): void;
  /** Resolves once every line is on disk. */
  close(): Promise<void>;
};

/**
 * Appends every entry as one JSON line (NDJSON), already redacted: the input of `sipmock coverage`.
 * A write that fails is reported once and the file is given up; serving goes on.
 */
export function openJournalFile(path: string, onError: (message: string) => void): JournalFile {
  const stream = createWriteStream(path, { flags: 'a' });
  let failed = false;
  let closed: Promise<void> | undefined;
  stream.on('error', (error) => {
    if (failed) return;
    failed = true;
    onError(`sipmock: the journal file ${path} cannot be written (${error.message}); entries stay in memory only`);
  });
  return {
    write(entry) {
      if (!failed) stream.write(`${JSON.stringify(entry)}\n`);
    },
    close: () => (closed ??= new Promise<void>((resolve) => {
      if (failed) return resolve();
      stream.end(() => resolve());
    })),
  };
}
