/**
 * The few Ruby and ActiveSupport behaviours Yeti's answers depend on, so the mock reads values as
 * yeti-web (Rails + jsonapi-resources) reads them.
 */

/** Ruby's `Kernel#Integer(value)`: strict, with 0x/0b/0o/0 prefixes and `_` separators; undefined when it raises. */
export function rubyInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.trunc(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const match = /^([+-]?)(?:(0x)([0-9a-f]+(?:_[0-9a-f]+)*)|(0b)([01]+(?:_[01]+)*)|(0o?)([0-7]+(?:_[0-7]+)*)|([1-9][0-9]*(?:_[0-9]+)*|0))$/i.exec(text);
  if (!match) return undefined;
  const [, sign, hex, hexDigits, bin, binDigits, oct, octDigits, decimal] = match;
  const digits = (hexDigits ?? binDigits ?? octDigits ?? decimal).replaceAll('_', '');
  const radix = hex ? 16 : bin ? 2 : oct ? 8 : 10;
  const parsed = parseInt(digits, radix);
  return sign === '-' ? -parsed : parsed;
}

/** Ruby's `String#to_i`: the leading integer of the text (after blanks), 0 when there is none. */
export function rubyToI(text: string): number {
  const match = /^\s*([+-]?\d+(?:_\d+)*)/.exec(text);
  return match ? parseInt(match[1].replaceAll('_', ''), 10) : 0;
}

/** ActiveSupport's `String#underscore`, without acronyms: `retryDelay`, `retry-delay` → `retry_delay`. */
export function underscore(word: string): string {
  return word
    .replaceAll('::', '/')
    .replace(/(?<=[A-Z])(?=[A-Z][a-z])|(?<=[a-z\d])(?=[A-Z])/g, '_')
    .replaceAll('-', '_')
    .toLowerCase();
}

/** jsonapi-resources' dasherized key format: `underscore`, then `_` → `-`. */
export function dasherize(word: string): string {
  return underscore(word).replaceAll('_', '-');
}

/** `Object#blank?`: null, false, empty or whitespace-only text, empty arrays and hashes. */
export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined || value === false) return true;
  if (typeof value === 'string') return /^\s*$/u.test(value);
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** Ruby's `to_s` of a parsed JSON value (Ruby 3.4 inspect for arrays and hashes). */
export function rubyToS(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return rubyInspect(value);
}

function rubyInspect(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(rubyInspect).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)} => ${rubyInspect(item)}`).join(', ')}}`;
  return String(value);
}

/**
 * Ruby's `CSV.parse_line` for one query value: comma-separated fields, double quotes around a
 * field allowed; an empty field is null; undefined for malformed quoting (CSV::MalformedCSVError).
 */
export function csvLine(text: string): Array<string | null> | undefined {
  if (text === '') return [];
  const fields: Array<string | null> = [];
  let index = 0;
  while (index <= text.length) {
    if (text[index] === '"') {
      let field = '';
      index++;
      for (;;) {
        if (index >= text.length) return undefined;
        if (text[index] === '"' && text[index + 1] === '"') {
          field += '"';
          index += 2;
        } else if (text[index] === '"') {
          index++;
          break;
        } else field += text[index++];
      }
      if (index < text.length && text[index] !== ',') return undefined;
      fields.push(field);
    } else {
      const end = text.indexOf(',', index);
      const field = text.slice(index, end === -1 ? text.length : end);
      if (field.includes('"')) return undefined;
      fields.push(field === '' ? null : field);
      index = end === -1 ? text.length : end;
    }
    index++;
  }
  return fields;
}
