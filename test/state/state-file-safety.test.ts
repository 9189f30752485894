import { execFileSync } from 'node:child_process';
import { lstat, mkdtemp, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { startSipmock } from '../../src/server/create-app.js';
import { createLogger } from '../../src/server/logger.js';
import { control, create, gatewayRecord, listIds, PROJECT, start } from './gateways.js';

const temporaryDir = () => mkdtemp(join(tmpdir(), 'sipmock-safe-'));

/** `count` accounts of one gateway each, for a control PUT. */
function manyAccounts(count: number): Record<string, unknown> {
  const accounts: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) {
    const project = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    accounts[project] = { gateways: [gatewayRecord('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', project, `account ${i}`)] };
  }
  return accounts;
}

/** The pid of a process that has exited: nothing holds it any more. */
function deadPid(): number {
  return Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).toString());
}

describe('--state-file at start', () => {
  test('refuses a directory that does not exist, naming it', async () => {
    const missing = join(await temporaryDir(), 'no', 'such');
    const error = await start(join(missing, 'state.json')).then(() => undefined, (e: Error) => e);
    expect(error?.message).toMatch(/Failed to restore state from .*state\.json: its directory .*no\/such does not exist/);
  });

  test('refuses a second server on the same file and names the holder; the first keeps serving', async () => {
    const file = join(await temporaryDir(), 'state.json');
    const first = await start(file);
    const error = await start(file).then(() => undefined, (e: Error) => e);
    expect(error?.message).toContain(`pid ${process.pid}`);
    expect((await readFile(`${file}.lock`, 'utf8')).trim()).toBe(String(process.pid));
    const id = await create(first.url, 'still mine');
    await first.close();
    await expect(lstat(`${file}.lock`)).rejects.toThrow(/ENOENT/);
    const next = await start(file);
    expect(await listIds(next.url)).toContain(id);
    await next.close();
  });

  test('takes over a lock whose process is gone (kill -9 never blocks a restart)', async () => {
    const file = join(await temporaryDir(), 'state.json');
    await writeFile(`${file}.lock`, `${deadPid()}\n`);
    const running = await start(file);
    expect((await readFile(`${file}.lock`, 'utf8')).trim()).toBe(String(process.pid));
    await running.close();
  });

  test('never writes through planted symlinks: guessable temporary names are not used, a log symlink is refused', async () => {
    const dir = await temporaryDir();
    const file = join(dir, 'state.json');
    const target = join(dir, 'victim.txt');
    await writeFile(target, 'untouched');
    for (const name of [`state.json.${process.pid}.tmp`, 'state.json.tmp', '.state.json.tmp']) await symlink(target, join(dir, name));
    const running = await start(file);
    await create(running.url, 'one');
    await running.close();
    expect(await readFile(target, 'utf8')).toBe('untouched');
    expect((await stat(file)).mode & 0o077).toBe(0);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp')).length).toBe(3);

    // A temporary snapshot a crash left (our pattern, a regular file) goes at the next start; the planted symlinks stay untouched.
    await writeFile(join(dir, '.state.json.0123456789abcdef.tmp'), 'half a snapshot');
    await (await start(file)).close();
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp')).sort()).toEqual(['.state.json.tmp', 'state.json.tmp', `state.json.${process.pid}.tmp`].sort());

    await symlink(target, `${file}.log`);
    const error = await start(file).then(() => undefined, (e: Error) => e);
    expect(error?.message).toMatch(/its log .*state\.json\.log cannot be read/);
    expect(await readFile(target, 'utf8')).toBe('untouched');
  });

  test('reads a state file in the first format (a whole snapshot, no log)', async () => {
    const file = join(await temporaryDir(), 'state.json');
    const record = gatewayRecord('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', PROJECT, 'old');
    const old = { format: 'sipmock-state', version: 1, providers: { signalwire: { [PROJECT]: { draws: 3, collections: { gateways: { sequence: 0, records: [record] } } } } } };
    await writeFile(file, JSON.stringify(old));
    const running = await start(file);
    expect(await listIds(running.url)).toEqual([record.id]);
    await running.close();
  });

  test('a save costs what changed: with 2,000 accounts stored, one create appends a few hundred bytes', async () => {
    const file = join(await temporaryDir(), 'state.json');
    const first = await start(file);
    const accounts = manyAccounts(2000);
    expect((await control(first.url, 'PUT', '/signalwire', { accounts })).status).toBe(200);
    await first.close();
    const snapshotSize = (await stat(file)).size;

    const running = await start(file);
    await create(running.url, 'one more');
    const logSize = (await stat(`${file}.log`)).size;
    await running.close();
    expect(snapshotSize).toBeGreaterThan(500_000);
    expect(logSize).toBeLessThan(4096);
  });
});

describe('the log beside the snapshot', () => {
  test('replayed onto the snapshot it was already folded into (a crash between the two steps), changes nothing', async () => {
    const file = join(await temporaryDir(), 'state.json');
    const running = await start(file);
    const ids = [await create(running.url, 'one'), await create(running.url, 'two')];
    const listed = await listIds(running.url);
    const log = await readFile(`${file}.log`);
    await running.close();
    await writeFile(`${file}.log`, log);
    const again = await start(file);
    expect(await listIds(again.url)).toEqual(listed);
    expect(listed).toEqual(expect.arrayContaining(ids));
    const next = await create(again.url, 'three');
    expect(listed).not.toContain(next);
    await again.close();
  });

  test('drops a torn last line (a batch never acknowledged) and refuses a damaged middle line', async () => {
    const file = join(await temporaryDir(), 'state.json');
    const running = await start(file);
    await create(running.url, 'one');
    const log = await readFile(`${file}.log`, 'utf8');
    await running.close();
    await writeFile(`${file}.log`, `${log}[{"p":"signalwire","a":"x","drop"`);
    const torn = await start(file);
    expect((await listIds(torn.url)).length).toBe(2);
    await torn.close();
    await writeFile(`${file}.log`, `garbage\n${log}`);
    const error = await start(file).then(() => undefined, (e: Error) => e);
    expect(error?.message).toMatch(/line 1 of its log .* is malformed/);
  });

  test('is folded into the snapshot once it outgrows it, while serving', async () => {
    const file = join(await temporaryDir(), 'state.json');
    const running = await start(file);
    const accounts = manyAccounts(2000);
    const sizes: number[] = [];
    // Each PUT logs every account whole (about 1 MB); the log passes 4 MiB after a few.
    for (let round = 0; round < 6; round++) {
      expect((await control(running.url, 'PUT', '/signalwire', { accounts })).status).toBe(200);
      sizes.push((await stat(`${file}.log`).catch(() => ({ size: 0 }))).size);
    }
    expect(Math.max(...sizes)).toBeGreaterThan(3_000_000);
    expect(sizes.at(-1)).toBeLessThan(Math.max(...sizes));
    expect((await stat(file)).size).toBeGreaterThan(500_000);
    await running.close();
    const again = await start(file);
    expect(await listIds(again.url, '00000000-0000-4000-8000-000000001999')).toEqual(['aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee']);
    await again.close();
  });
});

describe('a start that fails after the state file is opened', () => {
  test('releases the lock: a port in use does not lock the file for the next attempt', async () => {
    const file = join(await temporaryDir(), 'state.json');
    const blocker = await startSipmock({ port: 0, providers: ['sippet'], logger: createLogger({ quiet: true }) });
    const error = await startSipmock({ port: blocker.port, providers: ['signalwire'], stateFile: file, logger: createLogger({ quiet: true }) }).then(() => undefined, (e: Error) => e);
    expect(error?.message).toMatch(/EADDRINUSE/);
    await blocker.close();
    const retried = await start(file);
    expect(retried.port).toBeGreaterThan(0);
    await retried.close();
  });
});
