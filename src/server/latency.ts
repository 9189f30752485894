import { MockError } from '../errors.js';

/** Added latency in milliseconds: a fixed value (min = max) or a uniform range. */
export type LatencyRange = { min: number; max: number };

/** `serve --latency`: for every provider, and per provider (which wins). */
export type LatencyOptions = { all?: LatencyRange; byProvider?: Record<string, LatencyRange> };

export function pickDelay(range: LatencyRange | undefined): number {
  if (!range) return 0;
  return range.min + Math.random() * (range.max - range.min);
}

/**
 * Reads `100`, `50-200`, `signalwire=100` or `signalwire=50-200`, comma-separated:
 * `--latency 20,signalwire=100-300`.
 */
export function toLatencyOptions(text: string): LatencyOptions {
  const options: LatencyOptions = {};
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const [slug, range] = part.includes('=') ? part.split('=', 2) : [undefined, part];
    const parsed = toRange(range, part);
    if (slug === undefined) options.all = parsed;
    else (options.byProvider ??= {})[slug.trim()] = parsed;
  }
  return options;
}

function toRange(text: string, part: string): LatencyRange {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  const min = Number(match?.[1]);
  const max = match?.[2] === undefined ? min : Number(match[2]);
  if (!match || max < min || max > 600_000) {
    throw new MockError('MOCK_ERR_CONFIG', { why: `--latency "${part}": give milliseconds (100), a range (50-200), or <slug>=<ms or range>` });
  }
  return { min, max };
}

/** Waits `ms`, or less when `signal` aborts (the server is closing). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
