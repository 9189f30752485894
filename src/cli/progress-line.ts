import type { CliOutput } from './io.js';

/**
 * Progress for long commands: in a terminal, one status line on stderr rewritten in place, with
 * event lines printed above it; in CI (CI=true) or when stderr is not a terminal, no status line,
 * only the event lines, so logs stay plain.
 */
export type ProgressLine = {
  /** Replaces the status line (a no-op outside a terminal). */
  update(text: string): void;
  /** Prints one event line, keeping the status line below it. */
  log(line: string): void;
  /** Clears the status line. */
  done(): void;
};

export function createProgressLine(stream: CliOutput = process.stderr): ProgressLine {
  const live = stream.isTTY === true && !isCi();
  let status = '';
  const clear = () => {
    if (live && status !== '') stream.write('\r\x1b[2K');
  };
  return {
    update(text) {
      if (!live) return;
      clear();
      status = text;
      stream.write(status);
    },
    log(line) {
      clear();
      stream.write(`${line}\n`);
      if (live && status !== '') stream.write(status);
    },
    done() {
      clear();
      status = '';
    },
  };
}

function isCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}
