import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { tuneHeap } from '../../src/cli/heap-tuning.js';
import { ROOT } from '../helpers/cli-process.js';

/**
 * The CLI sets V8's heap growing itself (its effect on RSS is measured in `npm run bench`, not
 * here), but never over one its user chose: in node's arguments or in NODE_OPTIONS, spelled either way.
 */
describe('the CLI process heap growing', () => {
  test('a user choice in node arguments or NODE_OPTIONS wins, in either spelling', () => {
    expect(tuneHeap(['--heap-growing-percent=30'], '')).toBe(false);
    expect(tuneHeap(['--inspect'], '--max-semi-space-size=8 --heap_growing_percent=30')).toBe(false);
    expect(tuneHeap(['--heap-growing-percent', '30'], '')).toBe(false);
  });

  test('other flags, and look-alike names, do not stop it', () => {
    expect(tuneHeap(['--max-semi-space-size=8'], '--heap-growing-percentage=3')).toBe(true);
  });

  // V8 answers a flag it does not know with "Error: unrecognized flag" on stderr, and goes on.
  test('V8 knows the flag it sets: a process that sets it says nothing on stderr and runs on', () => {
    const script = "import('./dist/cli/heap-tuning.js').then((m) => { const set = m.tuneHeap([], ''); const kept = []; for (let i = 0; i < 2e5; i++) kept.push({ i }); console.log(set, kept.length); })";
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('true 200000');
  });
});
