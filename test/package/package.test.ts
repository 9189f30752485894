import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/cli-process.js';

const run = promisify(execFile);
const CONSUMER = join(ROOT, 'test/package/consumer');
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

/**
 * The package as a user receives it: `npm pack`, installed by name into a fresh project, whose
 * TypeScript test type-checks under tsc --strict (skipLibCheck off) and runs. It packs the current
 * dist/ (`npm test` builds first), so no build runs while other test files use dist/.
 */
describe('the packed sipmock', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('installs from its tarball, type-checks under --strict and passes a consumer test', { timeout: 300_000 }, async () => {
    await stat(join(ROOT, 'dist/index.d.ts'));
    dir = await mkdtemp(join(tmpdir(), 'sipmock-package-'));
    const { stdout: packed } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT });
    const [tarball] = JSON.parse(packed) as Array<{ filename: string; entryCount: number; size: number; files: Array<{ path: string }> }>;
    const paths = tarball.files.map((file) => file.path);
    expect(paths).toContain('dist/index.js');
    expect(paths).toContain('dist/index.d.ts');
    expect(paths).toContain('specs/signalwire.openapi.yaml');
    expect(paths.filter((path) => /^(test|bench|src)\//.test(path) || path.endsWith('.map'))).toEqual([]);

    const consumer = join(dir, 'consumer');
    await mkdir(consumer);
    await writeFile(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    await run('npm', ['install', join(dir, tarball.filename), '--prefer-offline', '--no-audit', '--no-fund'], { cwd: consumer });
    expect(await readdir(join(consumer, 'node_modules/sipmock/dist'))).toContain('index.d.ts');
    await copyFile(join(CONSUMER, 'consumer.ts'), join(consumer, 'consumer.ts'));
    await copyFile(join(CONSUMER, 'tsconfig.json'), join(consumer, 'tsconfig.json'));
    await run(process.execPath, [TSC, '-p', consumer], { cwd: consumer });
    const { stdout } = await run(process.execPath, [join(consumer, 'out/consumer.js')], { cwd: consumer, timeout: 60_000 });
    expect(stdout).toContain('consumer test passed');
    // The installed bin runs through its shebang (`env -S node <flags>`), as `npx sipmock` does.
    const version = await run(join(consumer, 'node_modules/.bin/sipmock'), ['--version'], { cwd: consumer });
    expect(version.stdout.trim()).toBe(JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')).version);
  });
});
