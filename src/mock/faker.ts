import { createRequire } from 'node:module';
import type { Faker, LocaleDefinition } from '@faker-js/faker';

const require = createRequire(import.meta.url);
let english: { Faker: new (options: { locale: LocaleDefinition }) => Faker; definitions: LocaleDefinition } | undefined;

/**
 * A faker with the English locale only, seeded. faker's main entry loads every locale (about
 * 140 ms and 36 MiB); its `locale/en` entry loads one (about 25 ms and 6 MiB). Its instance's own
 * class and definitions (English over the base locale) build the seeded copies, which draw the
 * same values as `new Faker({ locale: [en] })` from the main entry.
 */
export function seededFaker(seed: number): Faker {
  english ??= load();
  const faker = new english.Faker({ locale: english.definitions });
  faker.seed(seed);
  return faker;
}

/** Loads faker now, so that the first answer that needs it does not wait for it. */
export function preloadFaker(): void {
  english ??= load();
}

function load(): NonNullable<typeof english> {
  const { faker } = require('@faker-js/faker/locale/en') as { faker: Faker };
  return { Faker: faker.constructor as NonNullable<typeof english>['Faker'], definitions: faker.rawDefinitions };
}
