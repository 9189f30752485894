import { Command } from 'commander';
import type { CommandIo } from '../io.js';
import { toPort } from '../options.js';
import type { RecordOptions } from './record-run.js';

export function registerRecord(program: Command, io: CommandIo): void {
  program
    .command('record <slug>')
    .description('Run a reverse proxy in front of a real provider API and write every exchange as a fixture')
    .requiredOption('--upstream <url>', "the provider's base URL every request path is appended to")
    .option('--out <dir>', 'fixtures directory (default: the fixtures/ shipped with sipmock)')
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
      const { record } = await import('./record-run.js');
      await record(slug, options, io);
    });
}
