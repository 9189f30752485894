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
    request(entry) {
      if (options.quiet) return;
      if (format === 'json') return write(JSON.stringify({ level: 'info', ...entry }));
      const reason = entry.reason ? ` - ${entry.reason}` : '';
      write(
        `${entry.time} ${entry.provider} ${entry.method} ${entry.path} ${entry.operationId ?? '-'} ${entry.status} ${entry.ms.toFixed(1)}ms${reason}`,
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
