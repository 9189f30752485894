import { beforeEach, describe, expect, test } from 'vitest';
import { http, useSipmock } from '../../helpers/start-server.js';

/**
 * Nebrija behaviour from its one public page, the seed: SEED =
 * https://docs.nebrijaai.com/api-reference/sip-trunks/actualizar-sip-trunk (PATCH /api/v1/sip-trunks/:id).
 * Cases marked [inferred] go beyond what the page states; specs/nebrija.openapi.yaml records them
 * as x-sipmock-assumption.
 */
const AUTH = { authorization: 'Bearer nbj_test_upstream', 'content-type': 'application/json' };
const TRUNK = '/api/v1/sip-trunks/3fa85f64-5717-4562-b3fc-2c963f66afa6';
const SYSTEM = '/api/v1/sip-trunks/0b6c2f3e-8d1a-4c52-9e7f-5a4d3b2c1e90';
const sipmock = useSipmock({ providers: ['nebrija'] });

function call(method: string, path: string, body?: unknown, headers: Record<string, string> = AUTH) {
  return http(sipmock.current.url, `/nebrija${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

beforeEach(async () => {
  await http(sipmock.current.url, '/__sipmock/state/nebrija', { method: 'DELETE' });
});

describe('nebrija PATCH /api/v1/sip-trunks/:id as the seed page describes it', () => {
  test('answers the page\'s own request, a Bearer token and the body {}, with the trunk in the page\'s shape (SEED curl example)', async () => {
    const response = await call('PATCH', TRUNK, {});
    expect(response.status).toBe(200);
    const trunk = response.json as Record<string, unknown>;
    expect(Object.keys(trunk).sort()).toEqual(['advanced', 'authentication', 'createdAt', 'gateways', 'id', 'isSystem', 'name', 'providerId', 'updatedAt']);
    expect(trunk).toMatchObject({ id: '3fa85f64-5717-4562-b3fc-2c963f66afa6', isSystem: false, authentication: { password: '********' } });
    expect((trunk.gateways as object[])[0]).toEqual({ ipOrDomain: 'sip-gateway.example.com', port: 5060, name: 'Primary Gateway' });
  });

  test('changes only the fields sent (SEED "Solo se actualizarán los campos proporcionados")', async () => {
    const before = (await call('GET', TRUNK)).json as Record<string, unknown>;
    const after = (await call('PATCH', TRUNK, { name: 'Renamed' })).json as Record<string, unknown>;
    expect({ ...after, name: before.name, updatedAt: before.updatedAt }).toEqual(before);
    expect(after.name).toBe('Renamed');
  });

  test('refuses to modify a system trunk with 403 (SEED: isSystem trunks "no pueden ser modificados"; errors list 403)', async () => {
    const response = await call('PATCH', SYSTEM, { name: 'Mine now' });
    expect(response.status).toBe(403);
    expect((await call('GET', SYSTEM)).json).toMatchObject({ name: 'Nebrija Platform Trunk' });
  });

  test('answers an id it does not have with 404 (SEED errors list "404 Not Found Error")', async () => {
    expect((await call('PATCH', '/api/v1/sip-trunks/9b2d7e41-3c6a-4f0e-8a15-d2c4b6e8f013', { name: 'x' })).status).toBe(404);
  });

  test('keeps the stored password when the mask is sent back (SEED: "Si la contraseña se envía como \'********\', se preserva")', async () => {
    await call('PATCH', TRUNK, { authentication: { username: 'office_sip_user', password: 'first-secret' } });
    await call('PATCH', TRUNK, { authentication: { username: 'renamed_user', password: '********' } });
    const dump = (await http(sipmock.current.url, '/__sipmock/state/nebrija')).json as Record<string, unknown>;
    expect(JSON.stringify(dump)).toContain('first-secret');
    expect((await call('GET', TRUNK)).json).toMatchObject({ authentication: { username: 'renamed_user', password: '********' } });
  });

  test('[inferred] refuses to delete a system trunk with 403 (SEED: isSystem is "no modificable/eliminable")', async () => {
    expect((await call('DELETE', SYSTEM)).status).toBe(403);
  });

  test('[inferred] answers a request without a Bearer token with 401 (SEED: "Bearer authentication of the form Bearer <token>")', async () => {
    expect((await call('PATCH', TRUNK, {}, { 'content-type': 'application/json' })).status).toBe(401);
  });
});
