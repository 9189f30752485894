import { basename, relative, resolve } from 'node:path';
import { CommanderError } from 'commander';
import { loadFixtures } from '../../recording/fixture-files.js';
import { PROVIDERS } from '../../providers/registry.js';
import { countByKind, diffSpecs, type SpecDiff } from '../../openapi/diff/diff-specs.js';
import type { ChangeKind, SpecChange } from '../../openapi/diff/spec-change.js';
import { loadSpec, type LoadedSpec } from '../../openapi/load-spec.js';
import type { CommandIo } from '../io.js';
import { toFixturesDir } from '../options.js';

export type DiffCliOptions = { fixtures?: string; provider?: string; json?: boolean };

/** One change with every operation it touches and those operations' fixtures. */
type ReportedChange = Omit<SpecChange, 'operationId' | 'method' | 'path'> & { operationIds: string[]; fixtures: string[] };

/** `sipmock diff`: loaded only when it runs (see diff.ts for its options). */
export async function runDiff(oldSpec: string, newSpec: string, options: DiffCliOptions, io: CommandIo): Promise<void> {
  const [before, after] = await Promise.all([loadSpec(resolve(oldSpec)), loadSpec(resolve(newSpec))]);
  const provider = options.provider ?? detectProvider(after) ?? detectProvider(before);
  if (!provider) io.stderr.write('sipmock diff: provider unknown (no info.x-sipmock-provider, file name names none); no fixtures listed. Use --provider.\n');
  const fixtures = provider ? await fixturesByOperation(await toFixturesDir(options.fixtures), provider) : new Map<string, string[]>();
  const diff = diffSpecs(before, after);
  const report = toReport(diff, provider, fixtures);
  io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatDiff(diff, provider, fixtures));
  if (!report.ok) throw new CommanderError(1, 'sipmock.diff.breaking', `${report.summary.breaking} breaking change(s)`);
}

function detectProvider(spec: LoadedSpec): string | undefined {
  const declared = spec.document.info['x-sipmock-provider'];
  if (typeof declared === 'string' && declared !== '') return declared;
  const name = basename(spec.file);
  return PROVIDERS.find((p) => name === basename(p.spec) || [`${p.slug}.`, `${p.slug}-`, `${p.slug}_`].some((prefix) => name.startsWith(prefix)))?.slug;
}

async function fixturesByOperation(dir: string, provider: string): Promise<Map<string, string[]>> {
  const byOperation = new Map<string, string[]>();
  for (const { file, fixture } of await loadFixtures(dir, [provider])) {
    const files = byOperation.get(fixture.meta.operationId) ?? [];
    files.push(displayPath(file));
    byOperation.set(fixture.meta.operationId, files);
  }
  return byOperation;
}

function toReport(diff: SpecDiff, provider: string | undefined, fixtures: Map<string, string[]>) {
  const merged = new Map<string, ReportedChange>();
  for (const { operationId, method: _method, path: _path, ...change } of diff.changes) {
    const key = JSON.stringify([change.kind, change.rule, change.where, change.pointer, change.message]);
    const entry = merged.get(key) ?? { ...change, operationIds: [], fixtures: [] };
    entry.operationIds.push(operationId);
    entry.fixtures.push(...(fixtures.get(operationId) ?? []));
    merged.set(key, entry);
  }
  const counts = countByKind(diff.changes);
  const operations = groupByOperation(diff.changes).map(([operationId, changes]) => ({
    operationId,
    method: changes[0].method,
    path: changes[0].path,
    ...countByKind(changes),
    fixtures: fixtures.get(operationId) ?? [],
  }));
  return {
    ok: counts.breaking === 0,
    provider: provider ?? null,
    before: { ...diff.before, file: displayPath(diff.before.file) },
    after: { ...diff.after, file: displayPath(diff.after.file) },
    summary: { ...counts, unchangedOperations: diff.unchanged.length },
    changes: [...merged.values()],
    operations,
  };
}

const LABELS: Record<ChangeKind, string> = { breaking: 'BREAKING', additive: 'additive', 'non-breaking': 'info' };

function formatDiff(diff: SpecDiff, provider: string | undefined, fixtures: Map<string, string[]>): string {
  const side = (version: SpecDiff['before']) => `${displayPath(version.file)} (${version.version})`;
  const lines = [`sipmock diff ${provider ?? '(unknown provider)'}: ${side(diff.before)} → ${side(diff.after)}`];
  const touched = new Set<string>();
  for (const [operationId, changes] of groupByOperation(diff.changes)) {
    lines.push('', `${operationId}  ${changes[0].method} ${changes[0].path}`);
    const ordered = [...changes].sort((a, b) => order(a.kind) - order(b.kind));
    for (const change of ordered) {
      const at = change.pointer ? `${change.where} ${change.pointer}` : change.where;
      lines.push(`  ${LABELS[change.kind].padEnd(8)}  ${at}  ${change.rule}: ${change.message}`);
    }
    if (!changes.some((change) => change.kind === 'breaking')) continue;
    const files = fixtures.get(operationId) ?? [];
    files.forEach((file) => touched.add(file));
    lines.push(`  fixtures: ${files.length > 0 ? files.join(', ') : '(none)'}`);
  }
  const counts = countByKind(diff.changes);
  const operations = groupByOperation(diff.changes).length;
  lines.push(
    '',
    `${counts.breaking} breaking, ${counts.additive} additive, ${counts['non-breaking']} non-breaking change(s) in ${operations} operation(s); ` +
      `${diff.unchanged.length} unchanged; ${touched.size} fixture(s) touched by breaking changes`,
  );
  return `${lines.join('\n')}\n`;
}

function groupByOperation(changes: SpecChange[]): Array<[string, SpecChange[]]> {
  const groups = new Map<string, SpecChange[]>();
  for (const change of changes) groups.set(change.operationId, [...(groups.get(change.operationId) ?? []), change]);
  return [...groups];
}

function order(kind: ChangeKind): number {
  return kind === 'breaking' ? 0 : kind === 'additive' ? 1 : 2;
}

function displayPath(file: string): string {
  const path = relative(process.cwd(), file);
  return path.startsWith('..') || path === '' ? file : path;
}
