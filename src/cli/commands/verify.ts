import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import type { CommandIo } from '../io.js';
import type { VerifyCliOptions } from './verify-run.js';

export function registerVerify(program: Command, io: CommandIo): void {
  program
    .command('verify')
    .description("Check every fixture's request and response against its provider's spec (or a candidate new spec)")
    .argument('[slugs...]', 'providers to verify; all of them when none is named')
    .option('--spec <slug=path>', 'check this provider against the spec at path instead of specs/<slug>.openapi.yaml (repeatable)', collectSpec)
    .option('--fixtures <dir>', "fixture directory (default: sipmock's fixtures/)")
    .option('--json', 'print a machine-readable report on stdout')
    .addHelpText(
      'after',
      [
        '',
        'Exit code 1 when any fixture FAILs. A problem that the fixture\'s meta.drift already records is "drift-known".',
        '',
        'Examples:',
        '  $ sipmock verify',
        '  $ sipmock verify voicetel --spec voicetel=./voicetel-2.2.openapi.yaml',
        '  $ sipmock verify sippet yeti --fixtures ./my-fixtures --json > report.json',
      ].join('\n'),
    )
    .action(async (slugs: string[], options: VerifyCliOptions) => {
      const { runVerify } = await import('./verify-run.js');
      await runVerify(slugs, options, io);
    });
}

function collectSpec(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0 || at === value.length - 1) throw new InvalidArgumentError('expected <slug>=<path>, e.g. voicetel=./voicetel.openapi.yaml');
  return { ...previous, [value.slice(0, at)]: resolve(value.slice(at + 1)) };
}
