import { nebrija } from './nebrija/index.js';
import { signalwire } from './signalwire/index.js';
import { sippet } from './sippet/index.js';
import type { ProviderDefinition } from './types.js';
import { voicetel } from './voicetel/index.js';
import { yeti } from './yeti/index.js';

/** The only list of providers. A new provider is one folder, one line here, and one spec. */
export const PROVIDERS: ProviderDefinition[] = [sippet, signalwire, voicetel, nebrija, yeti];

export function findProvider(slug: string): ProviderDefinition | undefined {
  return PROVIDERS.find((provider) => provider.slug === slug);
}
