let slugs: string[] | undefined;

/**
 * Loads the provider registry, for the "Providers:" line of a command's help. runCli calls it
 * before it hands over to a subcommand (which loads the providers anyway), never for
 * `sipmock --help`, which must not pay for the provider code.
 */
export async function loadProviderSlugs(): Promise<void> {
  const { PROVIDERS } = await import('../providers/registry.js');
  slugs = PROVIDERS.map((provider) => provider.slug);
}

/** Help text listing the provider slugs, once they are loaded (the value --providers takes). */
export function providersHelp(): string {
  return slugs ? `\nProviders: ${slugs.join(',')}` : '';
}
