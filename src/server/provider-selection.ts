import { MockError } from '../errors.js';
import { PROVIDERS } from '../providers/registry.js';
import type { ProviderDefinition } from '../providers/types.js';
import { DEFAULT_FIXTURES_DIR, loadFixtures } from '../recording/fixture-files.js';
import { Replayer, type ReplayMode } from '../recording/replay.js';
import type { ProviderStore } from '../state/store.js';

/** The definitions to serve: built-in slugs and definitions of your own, each once. */
export function selectProviders(wanted: Array<string | ProviderDefinition> | undefined): ProviderDefinition[] {
  if (!wanted || wanted.length === 0) return [...PROVIDERS];
  const unknown = wanted.filter((entry): entry is string => typeof entry === 'string' && !PROVIDERS.some((p) => p.slug === entry));
  if (unknown.length > 0) {
    throw new MockError('MOCK_ERR_CONFIG', {
      why: `unknown provider ${unknown.join(', ')}; known: ${PROVIDERS.map((p) => p.slug).join(', ')}`,
    });
  }
  // Built-ins keep the registry's order; definitions of your own follow in the order given.
  const chosen = [...PROVIDERS.filter((p) => wanted.includes(p.slug)), ...wanted.filter((entry): entry is ProviderDefinition => typeof entry !== 'string')];
  const slugs = chosen.map((definition) => definition.slug);
  const repeated = slugs.filter((slug, index) => slugs.indexOf(slug) !== index);
  if (repeated.length > 0) throw new MockError('MOCK_ERR_CONFIG', { why: `provider ${[...new Set(repeated)].join(', ')} is given twice` });
  return chosen;
}

/** What the state store needs of each stateful provider: its collections' id strategies and its seed. */
export function toProviderStores(definitions: ProviderDefinition[]): Map<string, ProviderStore> {
  const stores = new Map<string, ProviderStore>();
  for (const { slug, resources } of definitions) {
    if (!resources) continue;
    const collections = new Map(Object.entries(resources.collections).map(([name, collection]) => [name, collection.ids]));
    stores.set(slug, { collections, seed: (state) => resources.seed(state) });
  }
  return stores;
}

/** The replayer of `--replay`, matching on everything but each provider's secret and volatile fields. */
export async function createReplayer(replay: { mode: ReplayMode; fixturesDir?: string }, definitions: ProviderDefinition[]): Promise<Replayer> {
  const fixtures = await loadFixtures(replay.fixturesDir ?? DEFAULT_FIXTURES_DIR, definitions.map((d) => d.slug));
  const ignored = new Map(definitions.map((d) => [d.slug, new Set([...d.secretFields, ...d.volatileFields])]));
  return new Replayer(fixtures, replay.mode, ignored);
}
