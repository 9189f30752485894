import { Command, CommanderError } from 'commander';
import { isMockError } from '../errors.js';
import { VERSION } from '../server/control-routes.js';
import { registerServe } from './commands/serve.js';

/**
 * Parses argv and runs one command. Returns the exit code instead of exiting, so tests and
 * embedders can call it. A long-running command (serve) resolves only once it has stopped.
 */
export async function runCli(argv: string[]): Promise<number> {
  const program = new Command('sipmock')
    .description('Contract-testing mock server for the SIP-gateway management APIs of telecom providers')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  registerServe(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (isMockError(error)) {
      process.stderr.write(`sipmock: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
