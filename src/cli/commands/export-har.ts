import { Command } from 'commander';
import type { CommandIo } from '../io.js';
import type { ExportOptions } from './export-har-run.js';

export function registerExportHar(program: Command, io: CommandIo): void {
  program
    .command('export-har')
    .description('Write fixtures as a HAR 1.2 log, for tools that read HAR')
    .option('--provider <slug...>', 'only these providers (default: all)')
    .option('--fixtures <dir>', 'fixtures directory (default: the fixtures/ shipped with sipmock)')
    .option('--out <file>', 'HAR file to write, or - for stdout', '-')
    .addHelpText(
      'after',
      `
URLs use each provider's real base URL (the spec's first server, variables at their defaults).

Example:
  $ sipmock export-har --provider signalwire yeti --out sipmock.har`,
    )
    .action(async (options: ExportOptions) => {
      const { exportHar } = await import('./export-har-run.js');
      await exportHar(options, io);
    });
}
