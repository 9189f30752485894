import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Fixture } from '../../src/recording/fixture.js';
import { loadFixtures, saveFixture } from '../../src/recording/fixture-files.js';
import { startSipmock, type RunningSipmock } from '../../src/server/create-app.js';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { http } from '../helpers/start-server.js';

const LIST = '/signalwire/api/fabric/resources/sip_gateways';

/** A recorded list answer whose only gateway is named after the scenario, so the answers tell which fixture replied. */
const recording = (scenario: string, recordedAt = '2025-03-01T08:00:00Z'): Fixture => ({
  request: { method: 'GET', path: '/api/fabric/resources/sip_gateways', query: {}, headers: { authorization: 'Basic <redacted:basic>' }, body: null },
  response: { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: { data: [], links: { self: scenario } } },
  meta: { provider: 'signalwire', operationId: 'list_sip_gateways', scenario, description: `recording ${scenario}`, recordedAt, source: 'recorded', specVersion: '1.0.0' },
});

describe('replay in recorded order', () => {
  let dir: string;
  let sipmock: RunningSipmock;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sipmock-replay-order-'));
    // Written out of order on purpose: the file names, not the writes, carry the order.
    for (const scenario of ['happy-path-10', 'happy-path-2', 'happy-path']) await saveFixture(dir, recording(scenario));
    sipmock = await startSipmock({ providers: ['signalwire'], replay: { mode: 'strict', fixturesDir: dir } });
  });
  afterAll(async () => {
    await sipmock?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const answeredBy = async () => {
    const response = await http(sipmock.url, LIST, { headers: await PROVIDER_CASES.signalwire.credentials('') });
    return (response.json as { links: { self: string } }).links.self;
  };

  test('loads happy-path before happy-path-2 before happy-path-10, then by recordedAt first', async () => {
    const names = (await loadFixtures(dir)).map((f) => f.fixture.meta.scenario);
    expect(names).toEqual(['happy-path', 'happy-path-2', 'happy-path-10']);
    await saveFixture(dir, recording('early', '2025-02-01T08:00:00Z'));
    expect((await loadFixtures(dir)).map((f) => f.fixture.meta.scenario)[0]).toBe('early');
    await rm(join(dir, 'signalwire/list_sip_gateways/early.json'));
  });

  test('identical requests get the recordings in turn, the last one repeats, and reset() starts over', async () => {
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await answeredBy());
    expect(answers).toEqual(['happy-path', 'happy-path-2', 'happy-path-10', 'happy-path-10']);
    expect(sipmock.journal.entries().map((e) => e.source)).toEqual(['fixture', 'fixture', 'fixture', 'fixture']);
    await sipmock.reset();
    expect(await answeredBy()).toBe('happy-path');
  });
});
