import type { BodyContext, FixturePlan, ListedItem, Scenario } from '../../recording/scenario-plan.js';
import { documentsExample } from '../../recording/scenario-plan.js';

/** Yeti's model rules (unique names, dependents, keys in the URL) shown by the requests that cause them. */
export const yetiFixtures: FixturePlan = {
  extras(operation) {
    if (operation.operationId === 'createAuthToken') {
      return [{ name: 'invalid-credentials', description: 'A wrong admin password', expect: [401], body: () => ({ auth: { username: 'admin', password: 'wrong-password' } }) }];
    }
    const extras: Scenario[] = [];
    // A registration update needs a second registration to collide with or to name: the seed has one.
    const setup = /Registration$/.test(operation.operationId) && operation.method !== 'POST' ? ['createRegistration'] : undefined;
    if (documentsExample(operation, 422, 'name-taken')) {
      extras.push({ name: 'duplicate-name', description: 'A name another record already has', expect: [422], body: withTakenName, setup, fallback: 'code=422, example=name-taken' });
    }
    if (documentsExample(operation, 400, 'key-not-included-in-url')) {
      extras.push({ name: 'key-not-included-in-url', description: 'A body naming another record than the URL', expect: [400], body: withOtherId, setup });
    }
    for (const example of ['dependent-nodes', 'dependent-registrations'].filter((e) => documentsExample(operation, 422, e))) {
      extras.push({ name: example, description: 'A record others still depend on cannot be deleted', expect: [422], id: 'any-listed', fallback: `code=422, example=${example}` });
    }
    if (documentsExample(operation, 400, 'param-not-allowed') && operation.method === 'POST') {
      extras.push({ name: 'param-not-allowed', description: 'An attribute the resource does not have', expect: [400], body: withUnknownAttribute });
    }
    return extras;
  },
};

/** The JSON:API example with the name of another listed record (for a create, any listed record). */
function withTakenName({ example, listed, id }: BodyContext): unknown {
  const other = listed.find((l: ListedItem) => l.id !== id && typeof (l.item.attributes as { name?: unknown } | undefined)?.name === 'string');
  const body = structuredClone(example) as { data: { attributes?: Record<string, unknown> } };
  if (!other) return body;
  body.data.attributes = { ...body.data.attributes, name: (other.item.attributes as { name: string }).name };
  return body;
}

/** The JSON:API example naming another listed record in data.id. */
function withOtherId({ example, listed, id }: BodyContext): unknown {
  const body = structuredClone(example) as { data: { id?: unknown } };
  const other = listed.find((l) => l.id !== id);
  if (other) body.data.id = typeof body.data.id === 'number' ? Number(other.id) : other.id;
  return body;
}

function withUnknownAttribute({ example }: BodyContext): unknown {
  const body = structuredClone(example) as { data: { attributes?: Record<string, unknown> } };
  body.data.attributes = { ...body.data.attributes, 'not-an-attribute': 'x' };
  return body;
}
