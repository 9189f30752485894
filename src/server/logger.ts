import type { Writable } from 'node:stream';

export type LogFormat = 'text' | 'json';

/** One line per request. */
export type RequestLogEntry = {
  time: string;
  provider: string;
  method: string;
  path: string;
  operationId?: string;
  status: number;
  ms: number;
  /** Why a request was refused (validation, auth), or what the response broke in the spec. */
  reason?: string;
};

export type Logger = {
  /** False when request lines go nowhere: the caller then skips building them. */
  readonly logsRequests?: boolean;
  request(entry: RequestLogEntry): void;
  info(message: string): void;
  error(message: string): void;
};

/**
 * A logger that writes whole lines synchronously-enough for a mock: one `write` per line, text for
 * people and JSON for CI. A logging library would add a dependency and a worker for what is one
 * formatted line per request.
 */
export function createLogger(options: { format?: LogFormat; quiet?: boolean; stream?: Writable } = {}): Logger {
  const stream = options.stream ?? process.stdout;
  const format = options.format ?? 'text';
  const write = (line: string) => {
    stream.write(`${line}\n`);
  };
  return {
    logsRequests: !options.quiet,
    request(entry) {
      if (options.quiet) return;
      if (format === 'json') return write(JSON.stringify({ level: 'info', ...entry }));
      const reason = entry.reason ? ` - ${escape(entry.reason)}` : '';
      write(
        `${entry.time} ${entry.provider} ${escape(entry.method)} ${escape(entry.path)} ${entry.operationId ?? '-'} ${entry.status} ${entry.ms.toFixed(1)}ms${reason}`,
      );
    },
    info(message) {
      if (options.quiet) return;
      write(format === 'json' ? JSON.stringify({ level: 'info', time: new Date().toISOString(), message }) : message);
    },
    error(message) {
      const line = format === 'json' ? JSON.stringify({ level: 'error', time: new Date().toISOString(), message }) : message;
      process.stderr.write(`${line}\n`);
    },
  };
}

/**
 * Control characters in a field (a JSON key or a path sent by a client) are written escaped, as
 * JSON would: a newline inside a field can never start a line of its own and forge an entry.
 */
function escape(field: string): string {
  return field.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
