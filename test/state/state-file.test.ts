import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { create, listIds, start } from './gateways.js';

describe('--state-file', () => {
  test('keeps every record across a restart, and new ids do not collide with old ones', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'sipmock-state-')), 'state.json');
    const first = await start(file);
    const before = [await create(first.url, 'one'), await create(first.url, 'two')];
    const listed = await listIds(first.url);
    await first.close();

    const second = await start(file);
    expect(await listIds(second.url)).toEqual(listed);
    const after = await create(second.url, 'three');
    expect(before).not.toContain(after);
    await second.close();
  });

  test.each([
    ['a truncated file', (text: string) => text.slice(0, Math.floor(text.length / 2)), /not valid JSON .* may be truncated/],
    ['a JSON file that is not sipmock state', () => '{"hello": "world"}', /not a sipmock state file/],
    ['records without ids', () => JSON.stringify({ format: 'sipmock-state', version: 1, providers: { signalwire: { a: { collections: { gateways: { records: [{}] } } } } } }), /malformed/],
  ])('refuses to start from %s, names the file and leaves it as it was', async (_, corrupt, message) => {
    const file = join(await mkdtemp(join(tmpdir(), 'sipmock-state-')), 'state.json');
    const running = await start(file);
    await create(running.url, 'saved');
    await running.close();
    const broken = corrupt(await readFile(file, 'utf8'));
    await writeFile(file, broken);

    const error = await start(file).then(() => undefined, (e: Error) => e);
    expect(error?.message).toMatch(message);
    expect(error?.message).toContain(file);
    expect(await readFile(file, 'utf8')).toBe(broken);
  });
});
