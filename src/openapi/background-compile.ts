import type { IHttpOperation } from '@stoplight/types';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { compileAtRuntime, type ValidatorSource } from './schema-validator.js';
import { allValidatorSpecs, type ValidatorSpec } from './validator-specs.js';

/**
 * For specs the build did not precompile (a user's own provider, a changed spec): Ajv compiles their
 * validators one per timer tick after the spec is loaded, so that the server starts at once and a
 * first request usually finds its validators ready. A validator asked for before its turn is compiled
 * on the spot, once.
 */
export function compileInBackground(operations: IHttpOperation[]): ValidatorSource {
  const compiled = new Map<string, ValidateFunction>();
  const source: ValidatorSource = (spec) => {
    let validate = compiled.get(spec.key);
    if (!validate) {
      validate = compileAtRuntime(spec);
      compiled.set(spec.key, validate);
    }
    return validate;
  };
  const queue: ValidatorSpec[] = operations.flatMap(allValidatorSpecs);
  const step = () => {
    const spec = queue.shift();
    if (!spec) return;
    try {
      source(spec);
    } catch {
      // A schema Ajv refuses fails again, visibly, when a request needs it.
    }
    // Unref'd: a one-shot command (diff, verify) exits without waiting for the rest.
    setTimeout(step, 0).unref();
  };
  setTimeout(step, 0).unref();
  return source;
}
