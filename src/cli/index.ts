import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { registerCoverage } from './commands/coverage.js';
import { registerDiff } from './commands/diff.js';
import { registerExportHar } from './commands/export-har.js';
import { registerFixtures } from './commands/fixtures.js';
import { registerImportHar } from './commands/import-har.js';
import { registerRecord } from './commands/record.js';
import { registerServe } from './commands/serve.js';
import { registerVerify } from './commands/verify.js';
import { withDefaults, type CliIo, type CommandIo } from './io.js';
import { VERSION } from './version.js';

export type { CliIo, CliOutput } from './io.js';

/** The flags of `sipmock` itself; anything else starting with `-` is an option of the default command. */
const ROOT_FLAGS = new Set(['-h', '--help', '-V', '--version']);

/**
 * Parses argv and runs one command. Returns the exit code and never exits the process, so tests
 * and embedders can call it. Everything it prints goes to `io.stdout` / `io.stderr` (default: the
 * process's). A long-running command (serve, record) resolves once it has stopped: on
 * `io.signal`'s abort when given, else on SIGINT or SIGTERM.
 *
 * Each command file only declares its options; its implementation is imported when it runs, so
 * `sipmock --help` loads commander and nothing else.
 *
 * @example
 * const controller = new AbortController();
 * const exited = runCli(['serve', '--port', '0'], { stdout, stderr, signal: controller.signal });
 * // ... wait for the "sipmock ready <url>" line on stdout, talk to the server ...
 * controller.abort('SIGTERM');
 * expect(await exited).toBe(0);
 */
export async function runCli(argv: string[], io: CliIo = {}): Promise<number> {
  const out = withDefaults(io);
  const program = createProgram(out);
  try {
    await program.parseAsync(withDefaultCommand(argv), { from: 'user' });
    return 0;
  } catch (error) {
    return reportError(error, out);
  }
}

function createProgram(io: CommandIo): Command {
  const program = new Command('sipmock')
    .description('Contract-testing mock server for the SIP-gateway management APIs of telecom providers')
    .version(VERSION)
    // Set before the commands are added: subcommands copy these settings when they are created.
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      '\nserve is the default command: `sipmock --port 0` runs `sipmock serve --port 0`.\n\nExample:\n  $ sipmock serve --port 4010\n  $ sipmock verify signalwire --json',
    );
  for (const register of [registerServe, registerRecord, registerImportHar, registerExportHar, registerFixtures, registerVerify, registerDiff, registerCoverage]) {
    register(program, io);
  }
  return program;
}

/**
 * serve is the default command, but only for argv that is empty or starts with an option: a first
 * word that names no command is a typo, which commander reports with the closest command.
 */
function withDefaultCommand(argv: string[]): string[] {
  if (argv.length === 0) return ['serve'];
  if (argv[0].startsWith('-') && !ROOT_FLAGS.has(argv[0])) return ['serve', ...argv];
  return argv;
}

async function reportError(error: unknown, io: CommandIo): Promise<number> {
  // An invalid value found by a command itself; commander prints the ones its parsers find.
  if (error instanceof InvalidArgumentError) {
    io.stderr.write(`error: ${error.message}\n`);
    return error.exitCode;
  }
  // Commander has printed its own errors and help; a command that failed has printed its report.
  if (error instanceof CommanderError) return error.exitCode;
  const { isMockError } = await import('../errors.js');
  // Our own errors and system errors (a port in use, a file not found) are one line, not a stack.
  if (isMockError(error) || typeof (error as NodeJS.ErrnoException)?.code === 'string') {
    io.stderr.write(`sipmock: ${(error as Error).message}\n`);
    return 1;
  }
  throw error;
}
