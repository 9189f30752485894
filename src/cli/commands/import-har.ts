import { Command } from 'commander';
import type { CommandIo } from '../io.js';
import type { ImportOptions } from './import-har-run.js';

export function registerImportHar(program: Command, io: CommandIo): void {
  program
    .command('import-har <file>')
    .description("Turn the entries of a HAR 1.2 file that match a provider's operations into fixtures")
    .requiredOption('--provider <slug>', 'the provider the traffic belongs to')
    .option('--out <dir>', 'fixtures directory (default: the fixtures/ shipped with sipmock)')
    .addHelpText(
      'after',
      `
URLs may be the provider's real host or sipmock's (http://127.0.0.1:4010/<slug>/...). Entries that match
no operation are skipped with the reason. Secrets are replaced by placeholders; an exchange that breaks
the spec is printed as DRIFT and marked in meta.drift. Existing files with the same name are overwritten.

Example:
  $ sipmock import-har ~/Downloads/signalwire.har --provider signalwire --out fixtures`,
    )
    .action(async (file: string, options: ImportOptions) => {
      const { importHar } = await import('./import-har-run.js');
      await importHar(file, options, io);
    });
}
