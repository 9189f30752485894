import { Command } from 'commander';
import type { CommandIo } from '../io.js';
import type { DiffCliOptions } from './diff-report.js';

export function registerDiff(program: Command, io: CommandIo): void {
  program
    .command('diff')
    .description("Classify every change between two versions of a provider's spec as breaking or additive, with the fixtures it touches")
    .argument('<old-spec>', 'the spec clients were written against')
    .argument('<new-spec>', 'the candidate new version')
    .option('--fixtures <dir>', "fixture directory, to list the fixtures of the operations a breaking change touches (default: sipmock's fixtures/)")
    .option('--provider <slug>', "the provider whose fixtures to list; default: the spec's info.x-sipmock-provider, else its file name")
    .option('--json', 'print a machine-readable report on stdout')
    .addHelpText(
      'after',
      [
        '',
        'Exit code 1 when anything breaks for clients. Kinds: BREAKING, additive, info (non-breaking).',
        'Seen from the client: in requests, a removed enum value or a new required field breaks; in responses,',
        'a removed field, a new enum value, or a field becoming optional or nullable breaks (strict clients).',
        '',
        'Examples:',
        '  $ sipmock diff specs/voicetel.openapi.yaml ./voicetel-2.2.openapi.yaml',
        '  $ git show HEAD~1:specs/yeti.openapi.yaml > /tmp/yeti-old.yaml && sipmock diff /tmp/yeti-old.yaml specs/yeti.openapi.yaml --provider yeti --json',
      ].join('\n'),
    )
    .action(async (oldSpec: string, newSpec: string, options: DiffCliOptions) => {
      const { runDiff } = await import('./diff-report.js');
      await runDiff(oldSpec, newSpec, options, io);
    });
}
