import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import { http, useSipmock } from '../helpers/start-server.js';

const AUTH = `Basic ${Buffer.from('bc949800-7b40-43cf-8438-a85facfcbdd1:PT0123').toString('base64')}`;
const GATEWAY = '/signalwire/api/fabric/resources/sip_gateways/0823a606-0aff-4c90-9eba-f88ba118fe05';

describe('Prefer: dynamic=true answers (served from a refreshing pool)', () => {
  const sipmock = useSipmock({ providers: ['signalwire'] });
  const get = (prefer: string) => http(sipmock.current.url, GATEWAY, { headers: { authorization: AUTH, prefer } });

  async function bodies(count: number): Promise<string[]> {
    const texts: string[] = [];
    for (let i = 0; i < count; i++) {
      const response = await get('dynamic=true');
      expect(response.status).toBe(200);
      expect(response.headers.get('sl-violations')).toBeNull();
      texts.push(response.text);
    }
    return texts;
  }

  test('differ from one request to the next, and match the spec', async () => {
    const texts = await bodies(40);
    for (let i = 1; i < texts.length; i++) expect(texts[i]).not.toBe(texts[i - 1]);
    expect(new Set(texts).size).toBeGreaterThan(2);
  });

  test('keep changing: bodies served are replaced by new ones in the background', async () => {
    const first = new Set(await bodies(40));
    await sleep(600);
    const later = await bodies(40);
    expect(later.filter((text) => !first.has(text)).length).toBeGreaterThan(0);
  });

  test('with a seed are the same body every time, and another seed gives another body', async () => {
    const [a, b, c] = [await get('dynamic=true, seed=alpha'), await get('dynamic=true, seed=alpha'), await get('dynamic=true, seed=beta')];
    expect(a.status).toBe(200);
    expect(b.text).toBe(a.text);
    expect(c.text).not.toBe(a.text);
  });
});
