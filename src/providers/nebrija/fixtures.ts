import { documentsExample, type FixturePlan } from '../../recording/scenario-plan.js';

/** The platform's system trunk, which cannot be modified or deleted: a 403 shown for real. */
export const nebrijaFixtures: FixturePlan = {
  extras: (operation) =>
    documentsExample(operation, 403, 'system-trunk')
      ? [
          {
            name: 'system-trunk',
            description: "The platform's system trunk cannot be modified or deleted",
            expect: [403],
            id: (listed) => listed.find((l) => l.item.isSystem === true)?.id,
            fallback: 'code=403, example=system-trunk',
          },
        ]
      : [],
};
