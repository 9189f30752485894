import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningSipmock } from '../../src/server/create-app.js';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { http } from '../helpers/start-server.js';
import { BASE, control, create, createGateway, dump, gatewayRecord, listIds, PROJECT, recordingLogger, start } from './gateways.js';

const SEEDED = '0823a606-0aff-4c90-9eba-f88ba118fe05';
const OTHER = '6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

describe('a save that fails (the state directory vanished)', () => {
  const logger = recordingLogger();
  let dir: string;
  let running: RunningSipmock;
  let kept: string;
  let before: unknown;
  let unhandled = 0;
  const onUnhandled = () => (unhandled += 1);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    dir = join(await mkdtemp(join(tmpdir(), 'sipmock-fail-')), 'state');
    await mkdir(dir);
    running = await start(join(dir, 'state.json'), logger);
    kept = await create(running.url, 'kept');
    before = await dump(running.url);
    await rm(dir, { recursive: true });
  });
  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    await running.close();
  });

  const headers = async () => ({ ...(await PROVIDER_CASES.signalwire.credentials('', PROJECT)), 'content-type': 'application/json' });

  test('answers a create with the provider 500, rolls it back and says so in the log', async () => {
    const response = await createGateway(running.url, 'lost');
    expect(response.status).toBe(500);
    expect(response.headers.get('x-sipmock-error')).toBe('MOCK_ERR_STATE_SAVE');
    // The account reads as before the request, its next ids included.
    expect(await dump(running.url)).toEqual(before);
    expect(logger.errors.join('\n')).toMatch(/saving state to .*state\.json failed .*rolled back 1 change/);
  });

  test('rolls back an update and a delete to the record as it was', async () => {
    const update = await http(running.url, `${BASE}/${kept}`, { method: 'PATCH', headers: await headers(), body: JSON.stringify({ name: 'renamed' }) });
    expect(update.status).toBe(500);
    const removal = await http(running.url, `${BASE}/${kept}`, { method: 'DELETE', headers: await headers() });
    expect(removal.status).toBe(500);
    expect(await dump(running.url)).toEqual(before);
  });

  test('keeps no new account whose first write failed', async () => {
    expect((await createGateway(running.url, 'new', OTHER)).status).toBe(500);
    const all = (await control(running.url, 'GET', '/signalwire')).json as { accounts: object };
    expect(Object.keys(all.accounts)).toEqual([PROJECT]);
  });

  test('answers control writes with a JSON 500 and keeps the state, without crashing', async () => {
    const put = await control(running.url, 'PUT', `/signalwire?account=${PROJECT}`, { gateways: [gatewayRecord('aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', PROJECT, 'put')] });
    expect(put.status).toBe(500);
    expect(put.json).toMatchObject({ error: 'MOCK_ERR_STATE_SAVE', message: expect.stringContaining('rolled back') });
    for (const path of ['', '/signalwire', `/signalwire?account=${PROJECT}`]) {
      const reset = await control(running.url, 'DELETE', path);
      expect(reset.status).toBe(500);
      expect(reset.json).toMatchObject({ error: 'MOCK_ERR_STATE_SAVE' });
    }
    expect(await dump(running.url)).toEqual(before);
    expect((await http(running.url, '/__sipmock/health')).status).toBe(200);
    expect(unhandled).toBe(0);
  });

  test('saves again once the directory is back, and a restart finds what was answered', async () => {
    await mkdir(dir);
    const id = await create(running.url, 'after');
    expect(await listIds(running.url)).toContain(id);
    await running.close();
    running = await start(join(dir, 'state.json'));
    expect(await listIds(running.url)).toEqual([SEEDED, kept, id]);
  });
});
