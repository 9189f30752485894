import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';

/**
 * Option parsers every command shares, so a fix in one (an empty --port) holds for all. They
 * import nothing heavy at the top: the parsers run while commander parses, before any command is
 * loaded.
 */

export function toPort(value: string): number {
  const port = Number(value);
  // Number('') and Number(' ') are 0, which would silently pick a random port.
  if (value.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('a port is an integer from 0 to 65535');
  return port;
}

export function toPositiveInteger(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number <= 0) throw new InvalidArgumentError('must be a positive integer');
  return number;
}

/** `a, b,,c` → `['a', 'b', 'c']`. */
export function toList(value: string): string[] {
  return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

/** The fixture directory of --fixtures. One named on the command line must exist: a typo must not pass as "no fixtures". */
export async function toFixturesDir(option: string | undefined): Promise<string> {
  const { DEFAULT_FIXTURES_DIR } = await import('../recording/fixture-files.js');
  if (option === undefined) return DEFAULT_FIXTURES_DIR;
  const dir = resolve(option);
  if (existsSync(dir)) return dir;
  const { MockError } = await import('../errors.js');
  throw new MockError('MOCK_ERR_CONFIG', { why: `the fixture directory ${option} does not exist` });
}

/** A whole number, 0 or more (a size where 0 turns something off). */
export function toCount(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isInteger(number) || number < 0) throw new InvalidArgumentError('must be a whole number (0 or more)');
  return number;
}

/** A repeatable option: every value, in order. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
