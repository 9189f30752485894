import { startSipmock } from '../../src/server/create-app.js';
import type { Logger } from '../../src/server/logger.js';
import { createLogger } from '../../src/server/logger.js';
import { PROVIDER_CASES } from '../helpers/provider-cases.js';
import { http, type HttpResult } from '../helpers/start-server.js';

/** SignalWire gateways through the HTTP API: the state-file tests' records. */
export const BASE = '/signalwire/api/fabric/resources/sip_gateways';
export const PROJECT = 'bc949800-7b40-43cf-8438-a85facfcbdd1';

/** A logger that keeps its error lines, for tests that check what the server said. */
export function recordingLogger(): Logger & { errors: string[] } {
  const quiet = createLogger({ quiet: true });
  const errors: string[] = [];
  return { ...quiet, errors, error: (message) => errors.push(message) };
}

export const start = (stateFile: string, logger: Logger = createLogger({ quiet: true })) =>
  startSipmock({ port: 0, providers: ['signalwire'], stateFile, logger, secret: new Uint8Array(32) });

export async function createGateway(baseUrl: string, name: string, project = PROJECT): Promise<HttpResult> {
  return http(baseUrl, BASE, {
    method: 'POST',
    headers: { ...(await PROVIDER_CASES.signalwire.credentials('', project)), 'content-type': 'application/json' },
    body: JSON.stringify({ name, uri: 'sip:gw@carrier.example.net', encryption: 'default', ciphers: [], codecs: ['PCMU'] }),
  });
}

export async function create(baseUrl: string, name: string, project = PROJECT): Promise<string> {
  const response = await createGateway(baseUrl, name, project);
  if (response.status !== 201) throw new Error(`create answered ${response.status}`);
  return (response.json as { id: string }).id;
}

export async function listIds(baseUrl: string, project = PROJECT): Promise<string[]> {
  const response = await http(baseUrl, `${BASE}?page_size=1000`, { headers: await PROVIDER_CASES.signalwire.credentials('', project) });
  return (response.json as { data: Array<{ id: string }> }).data.map((g) => g.id);
}

/** The control API's dump of one account: records and allocation. */
export async function dump(baseUrl: string, project = PROJECT): Promise<unknown> {
  return (await http(baseUrl, `/__sipmock/state/signalwire?account=${project}`)).json;
}

/** A stored gateway as the control API takes it. */
export const gatewayRecord = (id: string, project: string, name: string) => ({
  id,
  project_id: project,
  display_name: name,
  type: 'sip_gateway',
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  sip_gateway: { id: '11111111-2222-4333-8444-555555555555', uri: 'sip:gw@carrier.example.net', name, ciphers: [], codecs: ['PCMU'], encryption: 'default' },
});

/** A control API call with a JSON body. */
export const control = (baseUrl: string, method: string, path: string, body?: unknown) =>
  http(baseUrl, `/__sipmock/state${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
