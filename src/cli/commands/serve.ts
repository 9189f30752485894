import { Command, Option } from 'commander';
import type { CommandIo } from '../io.js';
import { toList, toPort, toPositiveInteger } from '../options.js';
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
    .option('--state-file <path>', 'restore stored state from this JSON file at start and save it after every change')
    .addOption(
      new Option('--replay [mode]', 'answer requests that match a recorded fixture; mode "strict" refuses the others (default: fall back to the mock)').choices([
        'strict',
        'fallback',
      ]),
    )
    .option('--fixtures <dir>', 'fixtures directory for --replay (default: the fixtures/ shipped with sipmock)')
    .option('--port-per-provider', 'also serve each provider on a port of its own, with its real paths at the root (printed at start)')
    .option('--root <slug>', 'serve one provider with its real paths at the root of --port (the control API stays under /__sipmock)')
    .addHelpText('after', '\nExample:\n  $ sipmock serve --port 0 --providers sippet,yeti --log-format json')
    .action(async (options: ServeOptions) => {
      const { serve } = await import('./serve-run.js');
      await serve(options, io);
    });
}
