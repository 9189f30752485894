import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { startSipmock } from '../../src/server/create-app.js';
import { createLogger } from '../../src/server/logger.js';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { http } from '../helpers/start-server.js';

const BASE = '/signalwire/api/fabric/resources/sip_gateways';
const PROJECT = 'bc949800-7b40-43cf-8438-a85facfcbdd1';
const BIN = join(import.meta.dirname, '../../dist/cli/bin.js');

const start = (stateFile: string) =>
  startSipmock({ port: 0, providers: ['signalwire'], stateFile, logger: createLogger({ quiet: true }), secret: new Uint8Array(32) });

async function create(baseUrl: string, name: string): Promise<string> {
  const response = await http(baseUrl, BASE, {
    method: 'POST',
    headers: { ...(await PROVIDER_CASES.signalwire.credentials('', PROJECT)), 'content-type': 'application/json' },
    body: JSON.stringify({ name, uri: 'sip:gw@carrier.example.net', encryption: 'default', ciphers: [], codecs: ['PCMU'] }),
  });
  if (response.status !== 201) throw new Error(`create answered ${response.status}`);
  return (response.json as { id: string }).id;
}

async function listIds(baseUrl: string): Promise<string[]> {
  const response = await http(baseUrl, `${BASE}?page_size=1000`, { headers: await PROVIDER_CASES.signalwire.credentials('', PROJECT) });
  return (response.json as { data: Array<{ id: string }> }).data.map((g) => g.id);
}

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

  test('keeps every answered write when the process is killed -9 at any moment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sipmock-state-'));
    const file = join(dir, 'state.json');
    const acknowledged: string[] = [];
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--quiet', '--providers', 'signalwire', '--state-file', file], { stdio: ['ignore', 'pipe', 'inherit'] });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const url = await new Promise<string>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          const found = /sipmock ready (\S+)/.exec(chunk.toString());
          if (found) resolve(found[1]);
        });
      });
      // Keep writes in flight, then kill at an arbitrary moment among them.
      let firstAnswer!: () => void;
      const answered = new Promise<void>((resolve) => (firstAnswer = resolve));
      const writes = Array.from({ length: 60 }, (_, i) =>
        create(url, `round ${round} #${i}`).then((id) => {
          acknowledged.push(id);
          firstAnswer();
        }, () => undefined),
      );
      await answered;
      await new Promise((resolve) => setTimeout(resolve, round * 7));
      child.kill('SIGKILL');
      await Promise.all(writes);
      await exited;
      const snapshot = JSON.parse(await readFile(file, 'utf8')) as { format: string; providers: { signalwire: Record<string, { collections: { gateways: { records: Array<{ id: string }> } } }> } };
      expect(snapshot.format).toBe('sipmock-state');
      const stored = snapshot.providers.signalwire[PROJECT].collections.gateways.records.map((r) => r.id);
      expect(stored).toEqual(expect.arrayContaining(acknowledged));
    }
    expect(acknowledged.length).toBeGreaterThan(0);
    const restarted = await start(file);
    expect((await listIds(restarted.url)).length).toBeGreaterThan(1);
    await restarted.close();
  });
});
