import { describe, expect, test } from 'vitest';
import { useSipmock } from '../helpers/start-server.js';
import { createGateway, listIds, recordingLogger } from './gateways.js';

describe('--max-accounts', () => {
  const logger = recordingLogger();
  const sipmock = useSipmock({ providers: ['signalwire'], maxAccounts: 2, logger });
  const project = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

  test('refuses a new account past the cap with the provider 503 and says so in the log; written accounts keep working', async () => {
    expect((await createGateway(sipmock.current.url, 'a', project(1))).status).toBe(201);
    expect((await createGateway(sipmock.current.url, 'b', project(2))).status).toBe(201);
    const refused = await createGateway(sipmock.current.url, 'c', project(3));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('x-sipmock-error')).toBe('MOCK_ERR_ACCOUNT_LIMIT');
    expect(logger.errors.join('\n')).toMatch(/refused a new account: 2 accounts hold state already \(--max-accounts 2\)/);
    expect((await createGateway(sipmock.current.url, 'a2', project(1))).status).toBe(201);
  });

  test('an account refused past the cap still reads its seed: the refused record is nowhere, read after read', async () => {
    const url = sipmock.current.url;
    const seeded = await listIds(url, project(4));
    expect(seeded.length).toBeGreaterThan(0);
    // Read twice: the second read comes from the cached seed and must be the same.
    expect(await listIds(url, project(4))).toEqual(seeded);
    const refused = await createGateway(url, 'refused', project(4));
    expect(refused.status).toBe(503);
    expect(await listIds(url, project(4))).toEqual(seeded);
  });
});
