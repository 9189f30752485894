import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { tuneHeap, userChoseHeapGrowing } from '../../src/cli/heap-tuning.js';
import { ROOT } from '../helpers/cli-process.js';

const GiB = 1024 * 1024 * 1024;

/**
 * The CLI sets V8's heap growing itself (its effect on RSS is measured in `npm run bench`, not
 * here), but never over its user's own choice, and not on a small heap, where V8 grows less on its own.
 * Only the child process below sets the flag: this worker's V8 is left as it was.
 */
describe('the CLI process heap growing', () => {
  test("node's own argument, in either spelling, is its user's choice; look-alikes and other flags are not", () => {
    expect(userChoseHeapGrowing(['--heap-growing-percent=30'])).toBe(true);
    expect(userChoseHeapGrowing(['--inspect', '--heap_growing_percent=30'])).toBe(true);
    expect(userChoseHeapGrowing(['--max-semi-space-size=8', '--heap-growing-percentage=3'])).toBe(false);
    expect(userChoseHeapGrowing([])).toBe(false);
  });

  test('a user choice or a heap limit under 2 GiB leaves V8 alone', () => {
    expect(tuneHeap(['--heap-growing-percent=30'], 4 * GiB)).toBe(false);
    expect(tuneHeap([], 1.5 * GiB)).toBe(false);
  });

  // V8 answers a flag it does not know with "Error: unrecognized flag" on stderr, and goes on.
  test('on a large heap it is set, with a flag V8 knows: the process says nothing on stderr and runs on', () => {
    const script = "import('./dist/cli/heap-tuning.js').then((m) => { const set = m.tuneHeap([], 4 * 1024 ** 3); const kept = []; for (let i = 0; i < 2e5; i++) kept.push({ i }); console.log(set, kept.length); })";
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('true 200000');
  });
});
