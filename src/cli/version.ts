import { readFileSync } from 'node:fs';

/** The package version, read without loading the server (which `--version` must not pay for). */
export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
