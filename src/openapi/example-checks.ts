import type { IHttpOperation, IMediaTypeContent } from '@stoplight/types';
import type { Violation } from '../errors.js';
import { compileSchema, createAjv, toPointer } from './schema-validator.js';

export type ExampleProblem = {
  operationId: string;
  /** "request body", "response 404", "query parameter page[size]" */
  where: string;
  example: string;
  violations: Violation[];
};

/**
 * Validates every named example of an operation (request bodies, parameters, responses)
 * against the schema it sits under, so an example can never drift from its schema.
 */
export function checkOperationExamples(operation: IHttpOperation): ExampleProblem[] {
  const ajv = createAjv();
  const operationId = operation.iid ?? `${operation.method} ${operation.path}`;
  const problems: ExampleProblem[] = [];
  const checkContents = (contents: IMediaTypeContent[] | undefined, where: string) => {
    for (const content of contents ?? []) {
      if (!content.schema) continue;
      const validate = compileSchema(ajv, content.schema, 'body');
      for (const example of content.examples ?? []) {
        if (!('value' in example)) continue;
        const violations = validate(example.value);
        if (violations.length > 0) problems.push({ operationId, where: `${where} ${content.mediaType}`, example: example.key, violations });
      }
    }
  };
  checkContents(operation.request?.body?.contents, 'request body');
  for (const response of operation.responses) checkContents(response.contents, `response ${response.code}`);
  const parameters = [
    ...(operation.request?.query ?? []),
    ...(operation.request?.path ?? []),
    ...(operation.request?.headers ?? []),
  ];
  for (const parameter of parameters) {
    if (!parameter.schema) continue;
    const validate = compileSchema(ajv, parameter.schema, 'query');
    for (const example of parameter.examples ?? []) {
      if (!('value' in example)) continue;
      const violations = validate(example.value);
      if (violations.length > 0) problems.push({ operationId, where: `parameter ${parameter.name}`, example: example.key, violations });
    }
  }
  return problems;
}

/** One line per problem, for test failures and the CLI. */
export function formatExampleProblem(problem: ExampleProblem): string {
  const details = problem.violations.map((v) => `${toPointer(v.path) || '/'} ${v.message}`).join('; ');
  return `${problem.operationId}: ${problem.where} example "${problem.example}": ${details}`;
}
