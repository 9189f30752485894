import { nebrija } from './nebrija/index.js';
import { signalwire } from './signalwire/index.js';
import { sippet } from './sippet/index.js';
import type { ProviderDefinition } from './types.js';
import { voicetel } from './voicetel/index.js';
import { yeti } from './yeti/index.js';

/**
 * The built-in providers. A new one is a folder in src/providers/, a spec in specs/ and one entry
 * here; everything else (routes, state, control API, fixtures, tests) loops over this list.
 */
export const PROVIDERS: readonly ProviderDefinition[] = Object.freeze([sippet, signalwire, voicetel, nebrija, yeti]);

export function findProvider(slug: string): ProviderDefinition | undefined {
  return PROVIDERS.find((provider) => provider.slug === slug);
}
