/** Anything the CLI can print to: process.stdout, or a test's collector. `isTTY` turns on live progress lines. */
export type CliOutput = { write(text: string): unknown; isTTY?: boolean };

/**
 * Where a command prints, and what stops a long-running one. Defaults: the process's streams,
 * and SIGINT / SIGTERM.
 */
export type CliIo = {
  stdout?: CliOutput;
  stderr?: CliOutput;
  /**
   * Stops `serve` and `record` in-process, as SIGTERM stops the real process. The abort reason,
   * when it is a string such as 'SIGTERM', is the name in the "stopping (...)" line. When given,
   * no process signal handler is installed, so several in-process servers can run side by side.
   */
  signal?: AbortSignal;
};

export type CommandIo = { stdout: CliOutput; stderr: CliOutput; signal?: AbortSignal };

export function withDefaults(io: CliIo): CommandIo {
  return { stdout: io.stdout ?? process.stdout, stderr: io.stderr ?? process.stderr, signal: io.signal };
}

/**
 * Resolves once the command is told to stop, with the name of what stopped it: the abort reason
 * (or 'abort') for an in-process run, else the process signal.
 */
export function untilStopped(io: CommandIo): Promise<string> {
  const { signal } = io;
  if (signal) {
    const name = () => (typeof signal.reason === 'string' ? signal.reason : 'abort');
    if (signal.aborted) return Promise.resolve(name());
    return new Promise((resolve) => signal.addEventListener('abort', () => resolve(name()), { once: true }));
  }
  return new Promise((resolve) => {
    const stop = (name: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(name);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
