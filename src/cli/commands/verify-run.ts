import { relative } from 'node:path';
import { CommanderError } from 'commander';
import { verifyFixtures, type VerifyProblem, type VerifyReport, type VerifyResult } from '../../recording/verify.js';
import type { CliOutput, CommandIo } from '../io.js';
import { toFixturesDir } from '../options.js';
import { createProgressLine } from '../progress-line.js';

export type VerifyCliOptions = { spec?: Record<string, string>; fixtures?: string; json?: boolean };

/** `sipmock verify` (its options are in verify.ts). */
export async function runVerify(slugs: string[], options: VerifyCliOptions, io: CommandIo): Promise<void> {
  const progress = createVerifyProgress(io.stderr);
  const fixturesDir = await toFixturesDir(options.fixtures);
  const report = await verifyFixtures({
    providers: slugs,
    specs: options.spec,
    fixturesDir,
    onProgress: (done, total, result) => progress.update(done, total, result),
  });
  progress.done();
  const shown = { ...report, results: report.results.map((result) => ({ ...result, file: displayPath(result.file) })) };
  io.stdout.write(options.json ? `${JSON.stringify(shown, null, 2)}\n` : formatReport(shown, fixturesDir));
  if (!report.ok) throw new CommanderError(1, 'sipmock.verify.failed', `${report.failed} fixture(s) failed`);
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
function createVerifyProgress(stream: CliOutput) {
  const line = createProgressLine(stream);
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
