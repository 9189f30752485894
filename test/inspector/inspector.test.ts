import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSipmock, type RunningSipmock } from '../../src/server/create-app.js';
import { createLogger } from '../../src/server/logger.js';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { http } from '../helpers/start-server.js';

/** Debian's chromium package (.ci/run installs it); the test drives it with playwright-core and downloads no browser. */
const CHROMIUM = process.env.SIPMOCK_CHROMIUM ?? '/usr/bin/chromium';
const NO_BROWSER = !existsSync(CHROMIUM);
const SKIP_REASON = NO_BROWSER ? ` [skipped: no browser at ${CHROMIUM}; install Debian's chromium (apt-get install chromium) or set SIPMOCK_CHROMIUM]` : '';
/** Without the background-networking flags Chromium keeps calling home, which floods a closed network. */
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The README's screenshot is rewritten only when asked (SIPMOCK_UPDATE_SCREENSHOT=1), so a test run leaves the tree clean. */
const SCREENSHOT = process.env.SIPMOCK_UPDATE_SCREENSHOT
  ? fileURLToPath(new URL('../../docs/inspector.png', import.meta.url))
  : join(tmpdir(), `sipmock-inspector-${process.pid}.png`);
const GATEWAYS = '/signalwire/api/fabric/resources/sip_gateways';
const TRUNKS = '/nebrija/api/v1/sip-trunks';

describe.skipIf(NO_BROWSER)('the inspector in a real browser', () => {
  let sipmock: RunningSipmock;
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  let auth: Record<string, string>;

  beforeAll(async () => {
    sipmock = await startSipmock({ providers: ['signalwire', 'nebrija'], logger: createLogger({ quiet: true }), secret: new Uint8Array(32).fill(7) });
    auth = await PROVIDER_CASES.signalwire.credentials('');
    profile = await mkdtemp(join(tmpdir(), 'sipmock-chromium-'));
    const { chromium } = await import('playwright-core');
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1280, height: 900 } });
    page = context.pages()[0] ?? (await context.newPage());
  }, 30_000);

  afterAll(async () => {
    await context?.close();
    await sipmock?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  test(`shows requests live, creates an override that answers the next request, and is screenshotted${SKIP_REASON}`, async () => {
    await page.goto(`${sipmock.url}/__sipmock/`);
    await page.locator('#status', { hasText: 'live' }).waitFor();

    // Requests fired at the mock appear without a reload (server-sent events).
    expect((await http(sipmock.url, `${GATEWAYS}?page_size=5`, { headers: auth })).status).toBe(200);
    expect((await http(sipmock.url, GATEWAYS)).status).toBe(401);
    expect((await http(sipmock.url, GATEWAYS, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"name":"x"}' })).status).toBe(422);
    const gateway = { name: 'Office PBX', uri: 'sip:pbx@sip.example.net', encryption: 'required', ciphers: [], codecs: ['OPUS'] };
    expect((await http(sipmock.url, GATEWAYS, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(gateway) })).status).toBe(201);
    const nebrija = await PROVIDER_CASES.nebrija.credentials(sipmock.url);
    expect((await http(sipmock.url, TRUNKS, { headers: nebrija })).status).toBe(200);
    await page.locator('.entry').nth(4).waitFor();
    expect(await page.locator('.entry[data-operation="list_sip_gateways"]').count()).toBe(2);

    // An entry expands to its headers and bodies.
    const listed = page.locator('.entry[data-operation="list_sip_gateways"][data-status="200"]');
    await listed.locator('summary').click();
    await expect.poll(() => listed.locator('pre.body').last().textContent()).toContain('"data"');

    // Filters: by status, then by provider.
    await page.fill('#filter-status', '4xx');
    await expect.poll(() => page.locator('.entry').count()).toBe(2);
    await page.fill('#filter-status', '');
    await page.fill('#filter-operation', 'create_sip');
    await expect.poll(() => page.locator('.entry').count()).toBe(2);
    await page.fill('#filter-operation', '');
    await page.selectOption('#filter-provider', 'nebrija');
    await expect.poll(() => page.locator('.entry').count()).toBe(1);
    await page.selectOption('#filter-provider', '');
    await expect.poll(() => page.locator('.entry').count()).toBe(5);

    // The spec violation of the refused create is listed.
    await expect.poll(() => page.locator('#violations li').count()).toBeGreaterThan(0);
    expect(await page.locator('#violations').textContent()).toContain('create_sip_gateway');

    // An override created from the page answers the next request.
    await page.selectOption('#override-provider', 'signalwire');
    await page.selectOption('#override-operation', 'list_sip_gateways');
    await page.fill('#override-status', '503');
    await page.fill('#override-body', '{"errors":[{"code":"busy","message":"try later"}]}');
    await page.click('#override-form button[type="submit"]');
    await page.locator('#overrides tr', { hasText: 'list_sip_gateways' }).waitFor();
    const overridden = await http(sipmock.url, GATEWAYS, { headers: auth });
    expect(overridden.status).toBe(503);
    expect(overridden.json).toEqual({ errors: [{ code: 'busy', message: 'try later' }] });
    await page.locator('.entry[data-status="503"]').waitFor();

    // Coverage tables with a bar per provider, and the stored state per account.
    await expect.poll(() => page.locator('#coverage-summary tr[data-provider="signalwire"]').textContent()).toContain('33.3%');
    expect(await page.locator('#coverage-summary .bar').count()).toBe(6);
    await page.selectOption('#state-provider', 'signalwire');
    await page.locator('#state .account summary').first().waitFor();
    expect(await page.locator('#state .account summary').first().textContent()).toBe('bc949800-7b40-43cf-8438-a85facfcbdd1');

    await mkdir(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect((await stat(SCREENSHOT)).size).toBeGreaterThan(10_000);

    // Removed from the page, the override no longer answers.
    await page.locator('#overrides button[data-remove]').click();
    await expect.poll(() => page.locator('#overrides tr').count()).toBe(0);
    expect((await http(sipmock.url, GATEWAYS, { headers: auth })).status).toBe(200);
  }, 60_000);
});
