import type { IHttpOperation, IHttpParam } from '@stoplight/types';

/**
 * Parameters are strings on the wire, so their validator coerces ("5" → 5) in place; bodies are
 * parsed JSON and validated as they are.
 */
export type ValidatorFlavour = 'parameters' | 'body';

/** One schema an operation validates against, named by a key unique within its spec. */
export type ValidatorSpec = { key: string; flavour: ValidatorFlavour; schema: object };

/** The key of an operation's validator: the method and path template name the operation in its spec. */
function keyOf(source: IHttpOperation, part: string): string {
  return `${source.method.toUpperCase()} ${source.path} ${part}`;
}

/**
 * Parameters are validated as one object schema, so that Ajv coerces their string values in place
 * and reports each failing parameter by name.
 */
function parametersSpec(source: IHttpOperation, location: 'path' | 'query'): ValidatorSpec | undefined {
  const parameters: IHttpParam[] = source.request?.[location] ?? [];
  if (parameters.length === 0) return undefined;
  const schema = {
    type: 'object',
    properties: Object.fromEntries(parameters.map((p) => [p.name, p.schema ?? {}])),
    required: parameters.filter((p) => p.required).map((p) => p.name),
  };
  return { key: keyOf(source, location), flavour: 'parameters', schema };
}

export function pathSpec(source: IHttpOperation): ValidatorSpec | undefined {
  return parametersSpec(source, 'path');
}

export function querySpec(source: IHttpOperation): ValidatorSpec | undefined {
  return parametersSpec(source, 'query');
}

/** Request body validators by (lower-case) media type. */
export function bodySpecs(source: IHttpOperation): Map<string, ValidatorSpec> {
  const specs = new Map<string, ValidatorSpec>();
  for (const content of source.request?.body?.contents ?? []) {
    const mediaType = content.mediaType.toLowerCase();
    if (content.schema) specs.set(mediaType, { key: keyOf(source, `body ${mediaType}`), flavour: 'body', schema: content.schema });
  }
  return specs;
}

export function responseSpec(source: IHttpOperation, status: number, mediaType: string, schema: object): ValidatorSpec {
  return { key: keyOf(source, `response ${status} ${mediaType}`), flavour: 'body', schema };
}

/** Every validator of an operation: what the build compiles ahead of time. */
export function allValidatorSpecs(source: IHttpOperation): ValidatorSpec[] {
  const specs = [pathSpec(source), querySpec(source), ...bodySpecs(source).values()].filter((s) => s !== undefined);
  for (const response of source.responses) {
    const status = Number(response.code);
    if (!Number.isInteger(status)) continue;
    for (const content of response.contents ?? []) {
      if (content.schema) specs.push(responseSpec(source, status, content.mediaType.toLowerCase(), content.schema as object));
    }
  }
  return specs;
}
