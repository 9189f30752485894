import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BIN, ROOT, killLeftovers, runCliToEnd, runInProcess, startInProcess } from '../helpers/cli-process.js';

/**
 * What every command shares: help, version, the default command, typos, option parsers. Run
 * in-process through runCli, except where the process itself is the point (exit codes, what
 * `--help` loads).
 */

const PACKAGE = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
const LOG_LOADED = fileURLToPath(new URL('./log-loaded-modules.mjs', import.meta.url));
const portError = (port: string) => `error: option '-p, --port <port>' argument '${port}' is invalid. a port is an integer from 0 to 65535\n(run with --help for usage)\n`;

afterAll(() => {
  killLeftovers();
});

/** The files a real `node dist/cli/bin.js <args>` process loads, relative to the repository root. */
async function modulesLoadedBy(args: string[]): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', LOG_LOADED, BIN, ...args], { cwd: ROOT });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  await new Promise((resolve) => child.on('close', resolve));
  const root = new URL('../..', import.meta.url).href;
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('sipmock-test-loaded '))
    .map((line) => line.slice('sipmock-test-loaded '.length).replace(root, ''));
}

describe.concurrent('sipmock help and packaging', () => {
  test('the process prints usage listing the serve command for --help, and exits 0', async () => {
    const result = await runCliToEnd(['--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: sipmock \[options\] \[command\]/);
    expect(result.stdout).toMatch(/^\s+serve \[options\]\s+Serve every provider/m);
  });

  test('sipmock --help shows an example', async () => {
    const result = await runInProcess(['--help']);
    expect(result.stdout).toMatch(/Example:\n\s+\$ sipmock serve /);
  });

  test('sipmock serve --help prints every option and an example', async () => {
    const result = await runInProcess(['serve', '--help']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^Usage: sipmock serve \[options\]/);
    for (const option of ['--port <port>', '--host <host>', '--providers <slugs>', '--quiet', '--log-format <format>', '--credentials <file>', '--body-limit <bytes>', '--control-token <token>']) {
      expect(result.stdout).toContain(option);
    }
    // The slugs are not listed: that would load the providers' code just to print help.
    expect(result.stdout).toMatch(/--providers <slugs> +comma-separated provider slugs \(default: all\)/);
    expect(result.stdout).toMatch(/Example:\n\s+\$ sipmock serve --port 0 --providers sippet,yeti --log-format json$/);
  });

  test('the process prints the package version for --version', async () => {
    expect(await runCliToEnd(['--version'])).toEqual({ code: 0, stdout: PACKAGE.version, stderr: '' });
  });

  test("package.json's bin points at the built CLI, which starts with a node shebang", () => {
    expect(PACKAGE.bin).toEqual({ sipmock: 'dist/cli/bin.js' });
    const bin = join(ROOT, PACKAGE.bin.sipmock);
    expect(bin).toBe(BIN);
    expect(existsSync(bin)).toBe(true);
    // Plain `env node`: `env -S` fails on busybox (Alpine) and in npm's Windows shims.
    expect(readFileSync(bin, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  // The option definitions load with commander; each command's code loads when it runs.
  test.each(['--help', '--version', 'serve --help', 'fixtures generate --help'])('sipmock %s loads commander and the option definitions only', async (args) => {
    const loaded = await modulesLoadedBy(args.split(' '));
    expect(loaded).toContain('dist/cli/index.js');
    expect(loaded.filter((file) => !file.startsWith('dist/cli/') && !/node_modules\/commander\//.test(file))).toEqual([]);
    expect(loaded.filter((file) => /^dist\/cli\/commands\/.*-(run|report)\.js$/.test(file))).toEqual([]);
  });
});

describe.concurrent('the default command and typos', () => {
  test.each([
    ['verfy', 'verify'],
    ['serv', 'serve'],
    ['exprt-har', 'export-har'],
  ])('sipmock %s is an unknown command, with the closest one suggested', async (typo, closest) => {
    const result = await runInProcess([typo, '--json']);
    expect(result).toEqual({ code: 1, stdout: '', stderr: `error: unknown command '${typo}'\n(Did you mean ${closest}?)\n(run with --help for usage)\n` });
  });

  test('the process exits 1 for an unknown command, printing the suggestion on stderr', async () => {
    expect(await runCliToEnd(['verfy'])).toEqual({ code: 1, stdout: '', stderr: "error: unknown command 'verfy'\n(Did you mean verify?)\n(run with --help for usage)\n" });
  });

  test('argv starting with an option runs serve', async () => {
    expect(await runInProcess(['--port', 'abc'])).toEqual({ code: 1, stdout: '', stderr: portError('abc') });
    const cli = startInProcess(['--port', '0', '--providers', 'sippet', '--quiet']);
    await cli.waitForLine((line) => line.startsWith('sipmock ready http://127.0.0.1:'));
    expect(await cli.stop()).toBe(0);
  });

  test('no arguments at all runs serve on its default port 4010', async () => {
    const cli = startInProcess([]);
    // Another program may hold 4010 on this machine: the refusal names it too, and proves serve ran.
    const started = await Promise.race([cli.waitForLine((line) => line.startsWith('sipmock ready ')), cli.exited.then(() => cli.stderr())]);
    expect(started).toMatch(/^sipmock ready http:\/\/127\.0\.0\.1:4010 |^sipmock: .*127\.0\.0\.1:4010/);
    expect(await cli.stop()).toBe(started.startsWith('sipmock ready') ? 0 : 1);
  });
});

describe.concurrent('shared option parsers', () => {
  const record = ['record', 'nebrija', '--upstream', 'http://127.0.0.1:9'];
  test.each(['', ' ', 'abc', '70000', '-1', '1.5'])('serve and record both refuse --port %j', async (port) => {
    for (const command of [['serve', '--providers', 'acme'], record]) {
      expect(await runInProcess([...command, '--port', port], 5_000)).toEqual({ code: 1, stdout: '', stderr: portError(port) });
    }
  });

  test('serve --replay with an unknown mode exits 1 naming the valid modes', async () => {
    const result = await runInProcess(['serve', '--port', '0', '--replay', 'loose']);
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: "error: option '--replay [mode]' argument 'loose' is invalid. Allowed choices are strict, fallback.\n(run with --help for usage)\n",
    });
  });

  test('serve --replay without a mode and with strict both start', async () => {
    for (const replay of [['--replay'], ['--replay', 'strict']]) {
      const cli = startInProcess(['serve', '--port', '0', '--providers', 'sippet', '--quiet', ...replay]);
      await cli.waitForLine((line) => line.startsWith('sipmock ready '));
      expect(await cli.stop()).toBe(0);
    }
  });
});
