import { Command, CommanderError } from 'commander';
import { isMockError } from '../errors.js';
import { VERSION } from '../server/control-routes.js';
import { registerExportHar } from './commands/export-har.js';
import { registerFixtures } from './commands/fixtures.js';
import { registerImportHar } from './commands/import-har.js';
import { registerRecord } from './commands/record.js';
import { registerServe } from './commands/serve.js';
import { registerVerify } from './commands/verify.js';
import { registerDiff } from './commands/diff.js';

/**
 * Parses argv and runs one command. Returns the exit code instead of exiting, so tests and
 * embedders can call it. A long-running command (serve) resolves only once it has stopped.
 */
export async function runCli(argv: string[]): Promise<number> {
  const program = new Command('sipmock')
    .description('Contract-testing mock server for the SIP-gateway management APIs of telecom providers')
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', '\nExample:\n  $ sipmock serve --port 4010\n  $ sipmock verify signalwire --json');
  registerServe(program);
  registerRecord(program);
  registerImportHar(program);
  registerExportHar(program);
  registerFixtures(program);
  registerVerify(program);
  registerDiff(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    // Our own errors and system errors (a port in use, a file not found) are one line, not a stack.
    if (isMockError(error) || typeof (error as NodeJS.ErrnoException)?.code === 'string') {
      process.stderr.write(`sipmock: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}
