import { relative } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { MockError } from '../../errors.js';
import { DEFAULT_FIXTURES_DIR } from '../../recording/fixture-files.js';
import { startRecordProxy, type RecordEvent } from '../../recording/record-proxy.js';
import { createRedactionPolicy } from '../../recording/redaction-policy.js';
import { findProvider, PROVIDERS } from '../../providers/registry.js';
import { DEFAULT_SPECS_DIR } from '../../server/create-app.js';
import { mountProvider } from '../../server/mounted-provider.js';
import { createProgressLine } from '../progress-line.js';

type RecordOptions = { upstream: string; out: string; port: number; host: string };

export function registerRecord(program: Command): void {
  program
    .command('record <slug>')
    .description('Run a reverse proxy in front of a real provider API and write every exchange as a fixture')
    .requiredOption('--upstream <url>', "the provider's base URL every request path is appended to")
    .option('--out <dir>', 'fixtures directory', DEFAULT_FIXTURES_DIR)
    .option('-p, --port <port>', 'port to listen on; 0 picks a free one', toPort, 4020)
    .option('-H, --host <host>', 'interface to bind', '127.0.0.1')
    .addHelpText(
      'after',
      `
Each exchange goes to <out>/<slug>/<operationId>/<scenario>.json. The scenario comes from the status
(2xx happy-path, 401 missing-credentials or invalid-credentials, 404 unknown-id, 400/422 invalid-body or
invalid-query, 409 conflict, 403 forbidden, 500 internal-error); a name already written in this session
gets -2, -3... A file left by an earlier session is overwritten.
Secrets are replaced by placeholders before writing: only allowlisted headers are kept, secret-looking
names (token, apikey, password, secret...) at any depth of a JSON or form body and in the query, JWTs,
Basic/Bearer credentials and URL userinfo wherever they appear. A body that cannot be redacted (plain
text, malformed JSON) or is over 5 MiB, even once decoded, is not written; meta.omitted says why.
An exchange that breaks the spec is printed as DRIFT and marked in the fixture's meta.drift; one that
matches no operation of the spec is reported and not written.

Example:
  $ sipmock record signalwire --upstream https://example.signalwire.com --port 4020
  $ curl -u "$PROJECT:$TOKEN" http://127.0.0.1:4020/api/fabric/resources/sip_gateways`,
    )
    .action(async (slug: string, options: RecordOptions) => {
      await record(slug, options);
    });
}

async function record(slug: string, options: RecordOptions): Promise<void> {
  const definition = findProvider(slug);
  if (!definition) throw new MockError('MOCK_ERR_CONFIG', { why: `unknown provider ${slug}; known: ${PROVIDERS.map((p) => p.slug).join(', ')}` });
  if (!/^https?:\/\//.test(options.upstream)) throw new MockError('MOCK_ERR_CONFIG', { why: `--upstream must be an http(s) URL, got "${createRedactionPolicy().string(options.upstream)}"` });
  const provider = await mountProvider(definition, DEFAULT_SPECS_DIR);
  const progress = createProgressLine();
  const counts = { recorded: 0, drift: 0, skipped: 0, failed: 0 };
  const onEvent = (event: RecordEvent) => {
    progress.log(formatEvent(event, options.out));
    if (event.kind === 'recorded') counts.recorded += 1;
    if (event.kind === 'recorded' && event.drift.length > 0) counts.drift += 1;
    if (event.kind === 'skipped') counts.skipped += 1;
    if (event.kind === 'upstream-error') counts.failed += 1;
    progress.update(`recorded ${counts.recorded} (${counts.drift} with drift), skipped ${counts.skipped}, upstream errors ${counts.failed}`);
  };
  const proxy = await startRecordProxy({ provider, upstream: options.upstream, outDir: options.out, port: options.port, host: options.host, onEvent });
  process.stdout.write(`sipmock record ${slug} ${proxy.url} -> ${proxy.upstream} (fixtures: ${options.out})\n`);

  await new Promise<void>((resolve) => {
    const stop = async (signal: string) => {
      // Exchanges in flight are written first, so the count printed is the count on disk.
      await proxy.close().catch(() => undefined);
      progress.done();
      process.stdout.write(`sipmock record stopping (${signal}): ${counts.recorded} fixtures written, ${counts.drift} with drift\n`);
      resolve();
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });
}

function formatEvent(event: RecordEvent, outDir: string): string {
  if (event.kind === 'skipped') return `SKIP  ${event.method} ${event.path} ${event.status}: ${event.reason}`;
  if (event.kind === 'upstream-error') return `ERROR ${event.method} ${event.path} ${event.status}: ${event.message}`;
  const lines = [`REC   ${event.method} ${event.path} ${event.status} -> ${relative(outDir, event.file)}`];
  for (const drift of event.drift) lines.push(`DRIFT ${event.operationId}/${event.scenario} ${drift.location} ${drift.pointer || '/'} (${drift.rule}): ${drift.message}`);
  return lines.join('\n');
}

function toPort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is an integer from 0 to 65535');
  return port;
}
