import type { IHttpOperation, IHttpOperationResponse, INodeExample } from '@stoplight/types';
import type { Violation } from '../errors.js';
import { compileAtRuntime, toSchemaValidator, type SchemaValidator, type ValidatorSource } from './schema-validator.js';
import { bodySpecs, pathSpec, querySpec, responseSpec, type ValidatorSpec } from './validator-specs.js';

/** One documented response body: its media type, schema and named examples. */
export type ResponseContent = {
  mediaType: string;
  schema?: object;
  /** Named examples in spec order; the first one is the default answer. */
  examples: Map<string, unknown>;
};

export type OperationResponse = {
  status: number;
  /** Empty when the response has no body (204, Yeti's 401). */
  contents: ResponseContent[];
};

/** What a request carries, after parsing, for validation. */
export type RequestParts = {
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** The request's media type, lower-case, without parameters; '' when the request had no body. */
  mediaType: string;
};

/**
 * An operation prepared once at load time: a path matcher, lazily compiled validators and its
 * responses by status. The per-request path only matches, validates and picks.
 */
export type Operation = {
  operationId: string;
  method: string;
  pathTemplate: string;
  source: IHttpOperation;
  /** Path segments scored so literal paths win over templated ones, as Prism does. */
  score: number;
  match(path: string): Record<string, string> | undefined;
  /** Media types the request body may have; empty when the operation takes no body. */
  requestMediaTypes: string[];
  bodyRequired: boolean;
  /** True when the spec applies at least one security requirement that needs credentials. */
  needsCredentials: boolean;
  responses: Map<number, OperationResponse>;
  /** The lowest documented 2xx. */
  successStatus: number;
  /** The media types of the success response (what Accept is checked against); empty without a body. */
  successMediaTypes: string[];
  validateRequest(parts: RequestParts): Violation[];
  /**
   * `json`, when given, is the body as it goes on the wire: an answer the same, byte for byte, as
   * the last one checked for this status and media type (a record read again and again) keeps
   * that verdict.
   */
  validateResponse(status: number, mediaType: string, body: unknown, json?: string): Violation[];
};

/**
 * Where loaded operations get their validators (loadSpec registers it): the build's precompiled
 * code, or Ajv compiling in the background. Any other operation compiles them on first use.
 */
const validatorSources = new WeakMap<IHttpOperation, ValidatorSource>();

export function useValidators(source: IHttpOperation, validators: ValidatorSource): void {
  validatorSources.set(source, validators);
}

export function createOperation(source: IHttpOperation): Operation {
  const validators = validatorSources.get(source) ?? compileAtRuntime;
  const operationId = source.iid ?? `${source.method} ${source.path}`;
  const { regex, names, score } = compilePathTemplate(source.path);
  const responses = new Map<number, OperationResponse>();
  for (const response of source.responses) {
    const status = Number(response.code);
    if (Number.isInteger(status)) responses.set(status, toOperationResponse(response));
  }
  const successStatus = Math.min(...[...responses.keys()].filter((s) => s >= 200 && s < 300));
  const success = Number.isFinite(successStatus) ? successStatus : Math.min(...responses.keys());
  const bodyContents = source.request?.body?.contents ?? [];
  let requestValidators: RequestValidators | undefined;
  /** Per `status media-type`: the validator, and the last answer checked as sent with its verdict. */
  const responseValidators = new Map<string, { validate: SchemaValidator; last?: { json: string; verdict: Violation[] } }>();

  return {
    operationId,
    method: source.method.toUpperCase(),
    pathTemplate: source.path,
    source,
    score,
    match(path) {
      const found = regex.exec(path);
      if (!found) return undefined;
      const params: Record<string, string> = {};
      names.forEach((name, index) => {
        params[name] = safeDecode(found[index + 1]);
      });
      return params;
    },
    requestMediaTypes: bodyContents.map((c) => c.mediaType.toLowerCase()),
    bodyRequired: source.request?.body?.required === true,
    needsCredentials: (source.security ?? []).some((requirement) => requirement.length > 0),
    responses,
    successStatus: success,
    successMediaTypes: responses.get(success)?.contents.map((c) => c.mediaType) ?? [],
    validateRequest(parts) {
      requestValidators ??= compileRequestValidators(source, validators);
      return requestValidators.validate(parts);
    },
    validateResponse(status, mediaType, body, json) {
      const key = `${status} ${mediaType}`;
      let entry = responseValidators.get(key);
      if (!entry) {
        const content = responses.get(status)?.contents.find((c) => c.mediaType === mediaType);
        entry = { validate: content?.schema ? toSchemaValidator(validators(responseSpec(source, status, mediaType, content.schema)), 'body') : () => [] };
        responseValidators.set(key, entry);
      }
      if (json === undefined) return entry.validate(body);
      if (entry.last?.json === json) return entry.last.verdict;
      const verdict = entry.validate(body);
      entry.last = { json, verdict };
      return verdict;
    },
  };
}

function toOperationResponse(response: IHttpOperationResponse): OperationResponse {
  return {
    status: Number(response.code),
    contents: (response.contents ?? []).map((content) => ({
      mediaType: content.mediaType.toLowerCase(),
      schema: content.schema as object | undefined,
      examples: new Map(
        (content.examples ?? [])
          .filter((example): example is INodeExample => 'value' in example)
          .map((example) => [example.key, example.value]),
      ),
    })),
  };
}

type RequestValidators = { validate(parts: RequestParts): Violation[] };

function compileRequestValidators(source: IHttpOperation, validators: ValidatorSource): RequestValidators {
  const compile = (spec: ValidatorSpec | undefined, location: Violation['location']): SchemaValidator =>
    spec ? toSchemaValidator(validators(spec), location) : () => [];
  const validatePath = compile(pathSpec(source), 'path');
  const validateQuery = compile(querySpec(source), 'query');
  const bodies = new Map<string, SchemaValidator>();
  for (const [mediaType, spec] of bodySpecs(source)) bodies.set(mediaType, compile(spec, 'body'));
  return {
    validate(parts) {
      // Ajv coerces parameters in place: it works on copies, so the request keeps the strings the client sent.
      const violations = [...validatePath({ ...parts.pathParams }), ...validateQuery({ ...parts.query })];
      const validateBody = bodies.get(parts.mediaType);
      if (validateBody && parts.body !== undefined) violations.push(...validateBody(parts.body));
      return violations;
    },
  };
}

function compilePathTemplate(template: string): { regex: RegExp; names: string[]; score: number } {
  const names: string[] = [];
  let score = 0;
  const pattern = template
    .split('/')
    .map((segment) => {
      if (!segment.includes('{')) {
        score += segment === '' ? 0 : 1;
        return escapeRegExp(segment);
      }
      score += 0.5;
      return segment.replace(/\{([^}]+)\}|([^{]+)/g, (_, name: string | undefined, literal: string | undefined) => {
        if (literal !== undefined) return escapeRegExp(literal);
        names.push(name!);
        return '([^/]+)';
      });
    })
    .join('/');
  return { regex: new RegExp(`^${pattern}$`), names, score };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
