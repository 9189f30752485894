import { Command } from 'commander';
import type { CommandIo } from '../io.js';
import { toList } from '../options.js';
import type { GenerateOptions } from './fixtures-run.js';

export function registerFixtures(program: Command, io: CommandIo): void {
  const fixtures = program.command('fixtures').description('Maintain the shipped fixture set');
  fixtures
    .command('generate')
    .description("Regenerate the spec fixtures: every operation's happy path and documented errors, played against the mock")
    .option('--out <dir>', 'fixtures directory (default: the fixtures/ shipped with sipmock)')
    .option('--providers <slugs>', 'comma-separated provider slugs (default: all)', toList)
    .addHelpText(
      'after',
      `
Runs sipmock in-process with a fixed clock and secret, so two runs give byte-identical files. Files made
from the spec (meta.source "spec") that a run no longer makes are removed; recorded and imported
fixtures are left alone. Run it after changing a spec or a provider's behaviour, and commit the result.

Example:
  $ sipmock fixtures generate --providers signalwire,yeti
  $ npm run fixtures:generate`,
    )
    .action(async (options: GenerateOptions) => {
      const { generate } = await import('./fixtures-run.js');
      await generate(options, io);
    });
}
