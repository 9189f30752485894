import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProviderDefinition } from './types.js';

/** sipmock's own specs/, where the built-in providers' documents live. */
export const DEFAULT_SPECS_DIR = fileURLToPath(new URL('../../specs', import.meta.url));

/** The file of a provider's spec: its absolute path, or its name inside `specsDir`. */
export function specPathOf(definition: Pick<ProviderDefinition, 'spec'>, specsDir = DEFAULT_SPECS_DIR): string {
  return isAbsolute(definition.spec) ? definition.spec : join(specsDir, definition.spec);
}
