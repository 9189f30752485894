import { Command, Option } from 'commander';
import type { CommandIo } from '../io.js';
import { collect, toList } from '../options.js';
import type { CoverageCliOptions } from './coverage-run.js';

export function registerCoverage(program: Command, io: CommandIo): void {
  program
    .command('coverage')
    .description('Contract coverage of the requests in journal files (serve --journal-file): operations, statuses and request fields, out of what the specs document')
    .argument('<journals...>', 'NDJSON journal files; several (CI shards) merge into one report')
    .addOption(new Option('--format <format>', 'what is printed on stdout').choices(['markdown', 'json', 'junit', 'html']).default('markdown'))
    .option('--coverage-report <dir>', 'also write every format into <dir>: coverage.json, coverage-junit.xml, coverage.md, coverage.html')
    .option('--coverage-min <metrics>', 'minimum percentages, e.g. operations=80,statuses=50 (metrics: operations, statuses, fields); exit code 1 under any')
    .option('--coverage-ignore <operationId[:status]>', 'leave an operation, or one of its statuses, out of the percentages: JUnit <skipped> (repeatable)', collect)
    .option('--providers <slugs>', 'providers to report on (default: those the journals name)', toList)
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  $ sipmock serve --journal-file journal.ndjson   # then run the client tests',
        '  $ sipmock coverage journal.ndjson --coverage-min operations=80,statuses=50',
        '  $ sipmock coverage shard-*.ndjson --format junit > coverage-junit.xml',
      ].join('\n'),
    )
    .action(async (journals: string[], options: CoverageCliOptions) => {
      const { runCoverage } = await import('./coverage-run.js');
      await runCoverage(journals, options, io);
    });
}
