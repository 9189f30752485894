import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { control, create, gatewayRecord, listIds, start } from './gateways.js';

const BIN = join(import.meta.dirname, '../../dist/cli/bin.js');
const ROUNDS = 4;

async function serveChild(file: string) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--quiet', '--providers', 'signalwire', '--state-file', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const found = /sipmock ready (\S+)/.exec(chunk.toString());
      if (found) resolve(found[1]);
    });
  });
  return { child, exited, url };
}

test('keeps every answered write, creates and control PUTs, when the process is killed -9 at any moment', async () => {
  const file = join(await mkdtemp(join(tmpdir(), 'sipmock-kill-')), 'state.json');
  const acknowledged: string[] = [];
  const puts: string[] = [];
  let sent = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts on the lock the killed one left: a dead holder's lock is taken over.
    const { child, exited, url } = await serveChild(file);
    let firstAnswer!: () => void;
    const answered = new Promise<void>((resolve) => (firstAnswer = resolve));
    const writes = Array.from({ length: 60 }, (_, i) => {
      sent += 1;
      return create(url, `round ${round} #${i}`).then((id) => {
        acknowledged.push(id);
        firstAnswer();
      }, () => undefined);
    });
    const account = `00000000-0000-4000-8000-00000000000${round}`;
    const put = control(url, 'PUT', `/signalwire?account=${account}`, { gateways: [gatewayRecord(`aaaaaaaa-bbbb-4ccc-8ddd-00000000000${round}`, account, 'put')] })
      .then((response) => (response.status === 200 ? puts.push(account) : undefined), () => undefined);
    // The PUT is answered before the kill: it must survive it.
    await put;
    await answered;
    await new Promise((resolve) => setTimeout(resolve, round * 7));
    child.kill('SIGKILL');
    await Promise.all([...writes, put]);
    await exited;
  }
  const restarted = await start(file);
  const found = await listIds(restarted.url);
  const foundPuts = [];
  for (const account of puts) if ((await listIds(restarted.url, account)).length === 1) foundPuts.push(account);
  await restarted.close();
  console.info(`kill -9 x${ROUNDS}: ${sent} creates sent, ${acknowledged.length} answered, ${acknowledged.filter((id) => found.includes(id)).length} found; ${puts.length} PUTs answered, ${foundPuts.length} found`);
  expect(acknowledged.length).toBeGreaterThan(0);
  expect(found).toEqual(expect.arrayContaining(acknowledged));
  expect(puts.length).toBe(ROUNDS);
  expect(foundPuts).toEqual(puts);
}, 60_000);
