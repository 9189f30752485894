// Removes dist/ before a build, so files of modules that were renamed or deleted never ship.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
