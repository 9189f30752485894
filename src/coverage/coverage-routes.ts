import express, { type Router } from 'express';
import { MockError } from '../errors.js';
import type { TestKit } from '../server/test-kit.js';
import { COVERAGE_CONTENT_TYPES, COVERAGE_FORMATS, formatCoverage, type CoverageFormat } from './coverage-files.js';

/**
 * GET /__sipmock/coverage (`?format=json|junit|markdown|html`, `?min=operations=80,statuses=50`,
 * `?ignore=<operationId>[:<status>]`, repeatable or comma-separated) and DELETE /__sipmock/coverage.
 */
export function createCoverageRoutes(kit: TestKit): Router {
  const router = express.Router();
  router.get('/coverage', (req, res) => {
    const format = toFormat(req.query.format);
    const report = kit.coverageReport({ min: single(req.query.min, 'min'), ignore: toList(req.query.ignore) });
    res.type(COVERAGE_CONTENT_TYPES[format]).send(formatCoverage(report, format));
  });
  router.delete('/coverage', (req, res) => {
    kit.coverage.clear();
    res.status(204).end();
  });
  return router;
}

function toFormat(value: unknown): CoverageFormat {
  const format = single(value, 'format') ?? 'json';
  if ((COVERAGE_FORMATS as readonly string[]).includes(format)) return format as CoverageFormat;
  throw new MockError('MOCK_ERR_COVERAGE_OPTION', { name: 'format', value: format, why: `formats are ${COVERAGE_FORMATS.join(', ')}` });
}

function single(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new MockError('MOCK_ERR_COVERAGE_OPTION', { name, value: String(value), why: 'give it once' });
  return value;
}

function toList(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  if (values.some((item) => typeof item !== 'string')) throw new MockError('MOCK_ERR_COVERAGE_OPTION', { name: 'ignore', value: String(value), why: 'give <operationId>[:<status>]' });
  return (values as string[]).flatMap((item) => item.split(',')).map((item) => item.trim()).filter((item) => item !== '');
}
