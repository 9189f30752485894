import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { XMLValidator } from 'fast-xml-parser';

const SCHEMA = JSON.parse(readFileSync(fileURLToPath(new URL('../../schemas/coverage.schema.json', import.meta.url)), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
(addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
const validate = ajv.compile(SCHEMA);

/** The errors of a report against schemas/coverage.schema.json; [] when it conforms. */
export function schemaErrors(report: unknown): string[] {
  if (validate(report)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/**
 * Whether a text is well-formed XML, by fast-xml-parser's validator (a devDependency of
 * @stoplight/prism-cli): true, or the parser's error.
 */
export function xmlError(text: string): true | string {
  const result = XMLValidator.validate(text);
  return result === true ? true : `${result.err.code} line ${result.err.line}: ${result.err.msg}`;
}
