import type { BodyContext, FixturePlan, Scenario } from '../../recording/scenario-plan.js';

/** VoiceTel's batches partly fail with a 409, and every operation takes the key in the body too. */
export const voicetelFixtures: FixturePlan = {
  setup: {
    gatewaysList: ['gatewaysAdd'],
    gatewaysUpdate: ['gatewaysAdd'],
    gatewaysRemove: ['gatewaysAdd'],
    numbersRoute: ['gatewaysAdd'],
    // v2.2's examples name route 1000, the first gateway an account adds.
    gatewaysGet: ['gatewaysAdd'],
    gatewaysPut: ['gatewaysAdd'],
    gatewaysDelete: ['gatewaysAdd'],
    gatewaysNumbers: ['gatewaysAdd'],
  },
  extras(operation) {
    const extras: Scenario[] = [];
    const partial = VOICETEL_PARTIAL[operation.operationId];
    if (partial && operation.responses.has(409)) {
      extras.push({ name: 'partial-failure', description: `${partial.why}: 409 lists what succeeded and what failed`, expect: [409], setup: ['gatewaysAdd'], body: partial.body });
    }
    const withKey = operation.source.request?.body?.contents?.[0]?.examples?.some((e) => e.key === 'apikey-in-body');
    if (withKey) {
      extras.push({ name: 'apikey-in-body', description: 'Success with the API key in the body instead of the Authorization header', expect: [operation.successStatus], credentials: false, body: ({ examples }) => examples.get('apikey-in-body') });
    }
    return extras;
  },
};

/** VoiceTel batches: a gateway is added first (setup), so in each of these the first item works and the second fails. */
const VOICETEL_PARTIAL: Record<string, { why: string; body: (context: BodyContext) => unknown }> = {
  gatewaysAdd: { why: 'Three gateways, the first already on the account', body: ({ examples }) => examples.get('several-gateways') },
  gatewaysUpdate: { why: 'Two routes, the second not on the account', body: ({ examples }) => examples.get('several-gateways') },
  gatewaysRemove: { why: 'Two routes, the second not on the account', body: ({ examples }) => examples.get('several-routes') },
  numbersRoute: {
    why: 'Two numbers, the second routed to a route the account does not have',
    body: ({ example }) => {
      const body = structuredClone(example) as { numbers: Array<{ number: number; route: number }> };
      body.numbers[1] = { ...body.numbers[1], route: 1001 };
      return body;
    },
  },
};

