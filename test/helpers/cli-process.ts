import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/index.js';

/** The repository root, where `dist/cli/bin.js` lives once `tsc -p tsconfig.build.json` has run. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** What a CLI run printed so far, and a way to wait for a line. */
type Output = {
  /** Complete stdout lines so far. */
  lines(): string[];
  stderr(): string;
  /** Waits until `predicate(lines())` holds; rejects after `timeoutMs` or when the run ends first. */
  waitFor(predicate: (lines: string[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Waits until a stdout line satisfies `predicate`. */
  waitForLine(predicate: (line: string) => boolean, timeoutMs?: number): Promise<string>;
};

/** A sipmock CLI process started by a test; everything it printed is kept. */
export type CliProcess = Output & {
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the exit once the process has exited (and its output is drained). */
  exited: Promise<Exit>;
};

/** `runCli` started in this process by a test. */
export type InProcessCli = Output & {
  /** The exit code runCli resolved with. */
  exited: Promise<number>;
  /** Stops a long-running command as SIGTERM would (the reason names it in the "stopping" line) and waits for its exit code. */
  stop(reason?: string): Promise<number>;
};

function collectOutput() {
  let stdout = '';
  let stderr = '';
  let done = false;
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
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

  const output: Output = {
    lines,
    stderr: () => stderr,
    waitFor,
    async waitForLine(predicate, timeoutMs) {
      await waitFor((all) => all.some(predicate), timeoutMs);
      return lines().find(predicate)!;
    },
  };
  return {
    output,
    writeOut(chunk: string) {
      stdout += chunk;
      notify();
    },
    writeErr(chunk: string) {
      stderr += chunk;
    },
    end() {
      done = true;
      notify();
    },
  };
}

const running = new Set<ChildProcessWithoutNullStreams>();
const runningInProcess = new Set<AbortController>();

/** Starts `node dist/cli/bin.js <args>`. */
export function startCli(args: string[]): CliProcess {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'test' } });
  running.add(child);
  const collected = collectOutput();
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', collected.writeOut);
  child.stderr.on('data', collected.writeErr);
  const exited = new Promise<Exit>((resolve) => {
    // 'close' waits for stdio to end, so every line is in the output by then.
    child.on('close', (code, signal) => {
      running.delete(child);
      collected.end();
      resolve({ code, signal });
    });
  });
  return { ...collected.output, child, exited };
}

/** Runs `runCli(args)` in this process, printing into buffers instead of the process's streams. */
export function startInProcess(args: string[]): InProcessCli {
  const collected = collectOutput();
  const controller = new AbortController();
  runningInProcess.add(controller);
  const exited = runCli(args, {
    stdout: { write: collected.writeOut },
    stderr: { write: collected.writeErr },
    signal: controller.signal,
  }).finally(() => {
    runningInProcess.delete(controller);
    collected.end();
  });
  return {
    ...collected.output,
    exited,
    stop(reason = 'SIGTERM') {
      controller.abort(reason);
      return exited;
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

const SERVE_ARGS = ['serve', '--port', '0', '--host', '127.0.0.1'];
const isReady = (line: string) => messageOf(line).startsWith('sipmock ready ');
const readyUrl = (line: string) => /^sipmock ready (\S+)/.exec(messageOf(line))![1];

export type ServingCli = CliProcess & { url: string };

/** Starts the process `sipmock serve --port 0 <args>` and waits for its `sipmock ready <url>` line. */
export async function startServe(args: string[] = []): Promise<ServingCli> {
  const cli = startCli([...SERVE_ARGS, ...args]);
  return { ...cli, url: readyUrl(await cli.waitForLine(isReady)) };
}

export type ServingInProcess = InProcessCli & { url: string };

/** Runs `sipmock serve --port 0 <args>` in this process and waits for its ready line. */
export async function serveInProcess(args: string[] = []): Promise<ServingInProcess> {
  const cli = startInProcess([...SERVE_ARGS, ...args]);
  return { ...cli, url: readyUrl(await cli.waitForLine(isReady)) };
}

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** Runs the CLI process to completion and returns what it printed (stdout as its complete lines). */
export async function runCliToEnd(args: string[], timeoutMs = 15_000): Promise<CliResult> {
  const cli = startCli(args);
  const timer = setTimeout(() => cli.child.kill('SIGKILL'), timeoutMs);
  const exit = await cli.exited;
  clearTimeout(timer);
  return { code: exit.code, stdout: cli.lines().join('\n'), stderr: cli.stderr() };
}

/** `runCliToEnd` in this process: the same result, without starting node. A run past `timeoutMs` is stopped. */
export async function runInProcess(args: string[], timeoutMs = 15_000): Promise<CliResult> {
  const cli = startInProcess(args);
  const timer = setTimeout(() => cli.stop('timeout'), timeoutMs);
  const code = await cli.exited.finally(() => clearTimeout(timer));
  return { code, stdout: cli.lines().join('\n'), stderr: cli.stderr() };
}

/** Kills every CLI process a test left running (by its own pid) and stops the in-process runs. */
export function killLeftovers(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
  for (const controller of runningInProcess) controller.abort('leftover');
}
