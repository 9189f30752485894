import { afterEach, describe, expect, test } from 'vitest';
import type { Fault } from '../../src/overrides/override-spec.js';
import { startSipmock, type RunningSipmock } from '../../src/server/create-app.js';
import { startCli } from '../helpers/cli-process.js';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { http } from '../helpers/start-server.js';

const LIST = '/signalwire/api/fabric/resources/sip_gateways';
const override = (fault: Fault, status?: number) => ({ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { fault, status } });

describe('override faults', () => {
  let sipmock: RunningSipmock | undefined;
  afterEach(async () => {
    await sipmock?.close();
    sipmock = undefined;
  });
  const start = async () => {
    sipmock = await startSipmock({ providers: ['signalwire'] });
    return { sipmock, auth: await PROVIDER_CASES.signalwire.credentials('') };
  };

  test('reset destroys the connection', async () => {
    const { sipmock, auth } = await start();
    sipmock.override(override('reset'));
    await expect(fetch(`${sipmock.url}${LIST}`, { headers: auth })).rejects.toThrow();
    expect(sipmock.journal.entries()).toEqual([expect.objectContaining({ source: 'override', fault: 'reset', response: expect.objectContaining({ status: 0 }) })]);
  });

  test('empty answers the status with no body', async () => {
    const { sipmock, auth } = await start();
    sipmock.override(override('empty', 503));
    const answered = await http(sipmock.url, LIST, { headers: auth });
    expect(answered.status).toBe(503);
    expect(answered.text).toBe('');
  });

  test('malformed answers a truncated JSON body that does not parse', async () => {
    const { sipmock, auth } = await start();
    // An override's 200 is the documented example, which Prefer: code=200 also answers.
    const whole = await http(sipmock.url, LIST, { headers: { ...auth, prefer: 'code=200' } });
    sipmock.override(override('malformed'));
    const answered = await http(sipmock.url, LIST, { headers: auth });
    expect(answered.status).toBe(200);
    expect(answered.text.length).toBeGreaterThan(0);
    expect(whole.text.startsWith(answered.text)).toBe(true);
    expect(() => JSON.parse(answered.text)).toThrow();
  });

  test('slow-body trickles the whole body out over about a second', async () => {
    const { sipmock, auth } = await start();
    sipmock.override({ ...override('slow-body'), respond: { fault: 'slow-body', status: 503 } });
    const started = performance.now();
    const answered = await http(sipmock.url, LIST, { headers: auth });
    expect(performance.now() - started).toBeGreaterThanOrEqual(500);
    expect(answered.status).toBe(503);
    expect(answered.json).toEqual({ error: 'Service Unavailable' });
  });

  test('hang answers nothing until the client gives up, and close() does not wait for it', async () => {
    const { sipmock: running, auth } = await start();
    running.override(override('hang'));
    await expect(fetch(`${running.url}${LIST}`, { headers: auth, signal: AbortSignal.timeout(300) })).rejects.toThrow(/timeout|aborted/i);
    const pending = fetch(`${running.url}${LIST}`, { headers: auth }).then(() => 'answered', () => 'destroyed');
    await running.journal.waitFor({ since: running.journal.entries().at(-1)!.id }, { timeoutMs: 2000 });
    const started = performance.now();
    await running.close();
    sipmock = undefined;
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await pending).toBe('destroyed');
  });

  test('close() also ends a slow body and a long delay at once', async () => {
    const { sipmock: running, auth } = await start();
    running.override({ provider: 'signalwire', operationId: 'list_sip_gateways', respond: { status: 503 }, delayMs: 60_000 });
    const delayed = fetch(`${running.url}${LIST}`, { headers: auth }).then((r) => r.status, () => 'destroyed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    await running.close();
    sipmock = undefined;
    expect(performance.now() - started).toBeLessThan(1000);
    // The delay ends, the answer goes out with Connection: close.
    expect(await delayed).toBe(503);
  });
});

describe('serve and SIGTERM', () => {
  test('SIGTERM ends a hung response and the process exits promptly', async () => {
    const cli = startCli(['serve', '--port', '0', '--providers', 'signalwire', '--quiet']);
    const ready = await cli.waitForLine((line) => line.startsWith('sipmock ready'));
    const url = /sipmock ready (\S+)/.exec(ready)![1];
    const added = await http(url, '/__sipmock/overrides', { method: 'POST', body: JSON.stringify(override('hang')) });
    expect(added.status).toBe(201);
    const auth = await PROVIDER_CASES.signalwire.credentials('');
    const pending = fetch(`${url}${LIST}`, { headers: auth }).then(() => 'answered', () => 'destroyed');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    cli.child.kill('SIGTERM');
    const exit = await cli.exited;
    expect(performance.now() - started).toBeLessThan(3000);
    expect(exit.code).toBe(0);
    expect(await pending).toBe('destroyed');
  });
});
