import { documentsExample, type FixturePlan } from '../../recording/scenario-plan.js';

/** SignalWire refuses a gateway URI on its own SIP domain: shown by the request that causes it. */
export const signalwireFixtures: FixturePlan = {
  extras: (operation) =>
    documentsExample(operation, 422, 'uri-not-external')
      ? [
          {
            name: 'uri-not-external',
            description: "A gateway URI on SignalWire's own SIP domain: refused, it must point to an external SIP entity",
            expect: [422],
            body: ({ example }) => ({ ...(example as object), uri: 'sip:pbx@example.signalwire.com' }),
            fallback: 'code=422, example=uri-not-external',
          },
        ]
      : [],
};
