import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, where `dist/cli/bin.js` lives once `tsc -p tsconfig.build.json` has run. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** A sipmock CLI process started by a test; everything it printed is kept. */
export type CliProcess = {
  child: ChildProcessWithoutNullStreams;
  /** Complete stdout lines so far. */
  lines(): string[];
  stderr(): string;
  /** Resolves with the exit once the process has exited (and its output is drained). */
  exited: Promise<Exit>;
  /** Waits until a stdout line satisfies `predicate`; rejects after `timeoutMs` or when the process exits first. */
  waitForLine(predicate: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Waits until `predicate(lines())` holds. */
  waitFor(predicate: (lines: string[]) => boolean, timeoutMs?: number): Promise<void>;
};

const running = new Set<ChildProcessWithoutNullStreams>();

/** Starts `node dist/cli/bin.js <args>`. */
export function startCli(args: string[]): CliProcess {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'test' } });
  running.add(child);
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    stdout += chunk;
    notify();
  });
  child.stderr.on('data', (chunk: string) => {
    stderr += chunk;
  });
  let done = false;
  const exited = new Promise<Exit>((resolve) => {
    // 'close' waits for stdio to end, so every line is in `stdout` by then.
    child.on('close', (code, signal) => {
      done = true;
      running.delete(child);
      notify();
      resolve({ code, signal });
    });
  });
  const lines = () => stdout.split('\n').slice(0, -1);

  function waitFor(predicate: (lines: string[]) => boolean, timeoutMs = 15_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (predicate(lines())) {
          cleanup();
          resolve();
        } else if (done) {
          cleanup();
          reject(new Error(`sipmock exited before the expected output\nstdout:\n${stdout}\nstderr:\n${stderr}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for output\nstdout:\n${stdout}\nstderr:\n${stderr}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });
  }

  return {
    child,
    lines,
    stderr: () => stderr,
    exited,
    waitFor,
    async waitForLine(predicate, timeoutMs) {
      await waitFor((all) => all.some(predicate), timeoutMs);
      return lines().find(predicate)!;
    },
  };
}

/** The text of a ready line, whether the log format is text or JSON (`{"message": ...}`). */
export function messageOf(line: string): string {
  if (!line.startsWith('{')) return line;
  try {
    const parsed = JSON.parse(line) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : line;
  } catch {
    return line;
  }
}

export type ServingCli = CliProcess & { url: string };

/** Starts `sipmock serve --port 0 <args>` and waits for its `sipmock ready <url>` line. */
export async function startServe(args: string[] = []): Promise<ServingCli> {
  const cli = startCli(['serve', '--port', '0', '--host', '127.0.0.1', ...args]);
  const ready = await cli.waitForLine((line) => messageOf(line).startsWith('sipmock ready '));
  const url = /^sipmock ready (\S+)/.exec(messageOf(ready))![1];
  return { ...cli, url };
}

/** Runs the CLI to completion and returns what it printed. */
export async function runCliToEnd(args: string[], timeoutMs = 15_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const cli = startCli(args);
  const timer = setTimeout(() => cli.child.kill('SIGKILL'), timeoutMs);
  const exit = await cli.exited;
  clearTimeout(timer);
  return { code: exit.code, stdout: cli.lines().join('\n'), stderr: cli.stderr() };
}

/** Kills every CLI process a test left running (by its own pid). */
export function killLeftovers(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}
