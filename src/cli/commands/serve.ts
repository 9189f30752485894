import { Command, Option } from 'commander';
import type { CommandIo } from '../io.js';
import { collect, toCount, toList, toPort, toPositiveInteger } from '../options.js';
import type { ServeOptions } from './serve-run.js';

export function registerServe(program: Command, io: CommandIo): void {
  program
    .command('serve')
    .description('Serve every provider (or a subset) from its spec on one port')
    .option('-p, --port <port>', 'port to listen on; 0 picks a free one', toPort, 4010)
    .option('-H, --host <host>', 'interface to bind', '127.0.0.1')
    .option('--providers <slugs>', 'comma-separated provider slugs (default: all)', toList)
    .option('-q, --quiet', 'no request log lines')
    .addOption(new Option('--log-format <format>', 'request log format').choices(['text', 'json']).default('text'))
    .option('--credentials <file>', 'JSON or YAML file: only the credentials it lists per provider pass')
    .option('--body-limit <bytes>', 'largest accepted request body (default: 1048576, 1 MiB)', toPositiveInteger)
    .option('--control-token <token>', 'let non-loopback clients use /__sipmock with this bearer token')
    .option('--state-file <path>', 'restore stored state from this file at start and save every change (with <path>.log and <path>.lock beside it)')
    .option('--max-accounts <n>', "most accounts holding written state (default: 10000); a new one past it gets the provider's 503", toPositiveInteger)
    .addOption(
      new Option('--replay [mode]', 'answer requests that match a recorded fixture; mode "strict" refuses the others (default: fall back to the mock)').choices([
        'strict',
        'fallback',
      ]),
    )
    .option('--fixtures <dir>', 'fixtures directory for --replay (default: the fixtures/ shipped with sipmock)')
    .option('--journal-size <n>', 'requests the in-memory journal keeps, GET /__sipmock/journal (default: 1000; 0 turns it off)', toCount)
    .option('--journal-file <path>', 'also append every journal entry, redacted, to this NDJSON file (input of sipmock coverage)')
    .option('--latency <ms>', 'added latency: 100, 50-200, per provider signalwire=100, comma-separated')
    .option('--cors [origins]', 'answer CORS preflights for these comma-separated origins (all without a list); off: cross-site requests get a 403')
    .option('--rate-limits', "enforce each provider's documented rate limits (429s)")
    .option('--port-per-provider', 'also serve each provider on a port of its own, with its real paths at the root (printed at start)')
    .option('--coverage-report <dir>', 'at shutdown, write the contract coverage report into <dir> (coverage.json, coverage-junit.xml, coverage.md, coverage.html)')
    .option('--coverage-min <metrics>', 'at shutdown, exit with code 1 under these percentages, e.g. operations=80,statuses=50 (metrics: operations, statuses, fields)')
    .option('--coverage-ignore <operationId[:status]>', 'leave an operation, or one of its statuses, out of the coverage percentages (repeatable)', collect)
    .option('--root <slug>', 'serve one provider with its real paths at the root of --port (the control API stays under /__sipmock)')
    .addHelpText('after', '\nExample:\n  $ sipmock serve --port 0 --providers sippet,yeti --log-format json')
    .action(async (options: ServeOptions) => {
      const { serve } = await import('./serve-run.js');
      await serve(options, io);
    });
}
