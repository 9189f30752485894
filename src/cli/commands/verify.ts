import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { MockError } from '../../errors.js';
import { DEFAULT_FIXTURES_DIR } from '../../recording/fixture-files.js';
import { verifyFixtures, type VerifyProblem, type VerifyReport, type VerifyResult } from '../../recording/verify.js';
import { createProgressLine } from '../progress-line.js';

type VerifyCliOptions = { spec?: Record<string, string>; fixtures?: string; json?: boolean };

export function registerVerify(program: Command): void {
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
      const progress = createVerifyProgress();
      const fixturesDir = toFixturesDir(options.fixtures);
      const report = await verifyFixtures({
        providers: slugs,
        specs: options.spec,
        fixturesDir,
        onProgress: (done, total, result) => progress.update(done, total, result),
      });
      progress.done();
      const shown = { ...report, results: report.results.map((result) => ({ ...result, file: displayPath(result.file) })) };
      process.stdout.write(options.json ? `${JSON.stringify(shown, null, 2)}\n` : formatReport(shown, fixturesDir));
      if (!report.ok) throw new CommanderError(1, 'sipmock.verify.failed', `${report.failed} fixture(s) failed`);
    });
}

/** A directory named on the command line must exist: a typo must not pass as "no fixtures". */
function toFixturesDir(option: string | undefined): string {
  if (option === undefined) return DEFAULT_FIXTURES_DIR;
  const dir = resolve(option);
  if (!existsSync(dir)) throw new MockError('MOCK_ERR_CONFIG', { why: `the fixture directory ${option} does not exist` });
  return dir;
}

function collectSpec(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = value.indexOf('=');
  if (at <= 0 || at === value.length - 1) throw new InvalidArgumentError('expected <slug>=<path>, e.g. voicetel=./voicetel.openapi.yaml');
  return { ...previous, [value.slice(0, at)]: resolve(value.slice(at + 1)) };
}

function formatReport(report: VerifyReport, fixturesDir: string): string {
  if (report.total === 0) return `No fixtures found under ${displayPath(fixturesDir)}.\n`;
  const width = Math.min(72, Math.max(7, ...report.results.map((result) => result.fixture.length)));
  const lines = [`${'FIXTURE'.padEnd(width)}  ${'VERDICT'.padEnd(11)}  PROBLEMS`];
  for (const result of report.results) {
    const [first, ...rest] = result.problems.map(formatProblem);
    lines.push(`${result.fixture.padEnd(width)}  ${result.verdict.padEnd(11)}  ${first ?? ''}`.trimEnd());
    for (const line of rest) lines.push(`${''.padEnd(width)}  ${''.padEnd(11)}  ${line}`);
  }
  const count = (verdict: VerifyResult['verdict']) => report.results.filter((result) => result.verdict === verdict).length;
  lines.push('', `${report.total} fixture(s): ${count('ok')} ok, ${count('drift-known')} drift-known, ${report.failed} FAIL`);
  return `${lines.join('\n')}\n`;
}

/** `response /data/attributes/provider enum: must be one of …`, or `status 409 is not documented…`. */
export function formatProblem(problem: VerifyProblem): string {
  const known = problem.known ? ' (known drift)' : '';
  if (problem.where === 'operation' || problem.where === 'status' || problem.where === 'route') {
    return `${problem.where} ${problem.message}${known}`;
  }
  return `${problem.where} ${problem.pointer || '/'} ${problem.rule}: ${problem.message}${known}`;
}

/**
 * The fixture being checked on the status line in a terminal, and a line per provider once its
 * fixtures are checked (the only output in CI or when stderr is piped).
 */
function createVerifyProgress() {
  const line = createProgressLine();
  let provider: string | undefined;
  let checked = 0;
  let failed = 0;
  const flush = () => {
    if (provider !== undefined) line.log(`sipmock verify: ${provider} ${checked} fixture(s), ${failed} FAIL`);
  };
  return {
    update(done: number, total: number, result: VerifyResult) {
      const slug = result.fixture.split('/')[0];
      if (slug !== provider) {
        flush();
        provider = slug;
        checked = 0;
        failed = 0;
      }
      checked += 1;
      if (result.verdict === 'FAIL') failed += 1;
      line.update(`sipmock verify ${done}/${total} ${result.fixture}`);
    },
    done() {
      line.done();
      flush();
    },
  };
}

function displayPath(file: string): string {
  const path = relative(process.cwd(), file);
  return path.startsWith('..') || path === '' ? file : path;
}
