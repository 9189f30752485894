import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CoverageReport } from './coverage-report.js';
import { toHtml } from './format-html.js';
import { toJunitXml } from './format-junit.js';
import { toMarkdown } from './format-markdown.js';

export const COVERAGE_FORMATS = ['json', 'junit', 'markdown', 'html'] as const;
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

/** The file each format is written to in a --coverage-report directory. */
export const COVERAGE_FILES: Record<CoverageFormat, string> = {
  json: 'coverage.json',
  junit: 'coverage-junit.xml',
  markdown: 'coverage.md',
  html: 'coverage.html',
};

export const COVERAGE_CONTENT_TYPES: Record<CoverageFormat, string> = {
  json: 'application/json; charset=utf-8',
  junit: 'application/xml; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

export function formatCoverage(report: CoverageReport, format: CoverageFormat): string {
  if (format === 'junit') return toJunitXml(report);
  if (format === 'markdown') return toMarkdown(report);
  if (format === 'html') return toHtml(report);
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Writes the report in every format into `dir` (created if needed); resolves to the files written. */
export async function writeCoverageReport(dir: string, report: CoverageReport): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files = COVERAGE_FORMATS.map((format) => join(dir, COVERAGE_FILES[format]));
  await Promise.all(COVERAGE_FORMATS.map((format, index) => writeFile(files[index], formatCoverage(report, format))));
  return files;
}

/** One line per threshold, for a log: `coverage operations 40% < 80%: FAIL`. */
export function describeThresholds(report: CoverageReport): string[] {
  return report.thresholds.map((t) => `sipmock coverage: ${t.metric} ${t.percent}% ${t.ok ? '>=' : '<'} ${t.min}%${t.ok ? '' : ' FAIL'}`);
}
