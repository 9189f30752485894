#!/usr/bin/env node
// Checks one spec's examples against their schemas: `node scripts/check-spec.mjs specs/yeti.openapi.yaml`.
// A thin shortcut over the spec tests, which are the real check.
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';
const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/check-spec.mjs specs/<slug>.openapi.yaml');
  process.exit(2);
}
const result = spawnSync('npx', ['vitest', 'run', 'test/spec/examples.test.ts', '-t', basename(file)], {
  stdio: 'inherit',
  cwd: new URL('..', import.meta.url).pathname,
});
process.exit(result.status ?? 1);
