/**
 * Unseeded dynamic bodies, generated ahead: generating one costs a millisecond or more, far more
 * than answering it. Each response keeps a small pool that is served round-robin, so consecutive
 * answers differ, and every body served is replaced in the background by a fresh one, so the pool
 * keeps changing. The first answers are generated on the spot until the pool has two bodies.
 */
const POOL_SIZE = 16;
/** One regeneration per tick at most, so that refreshing never takes more than a slice of a core. */
const REFRESH_EVERY_MS = 10;
const SERVE_FROM = 2;

type Pool = {
  bodies: Buffer[];
  /** The slot served last: the next answer takes the one after it, so consecutive answers differ. */
  last: number;
  /** Slots served since they were last generated. */
  stale: Set<number>;
  timer?: NodeJS.Timeout;
  /** Background generations that failed in a row; at FAILURES_TO_STOP the pool stops refreshing. */
  failures: number;
};
const FAILURES_TO_STOP = 3;

/** What the pool asks for: a serialized body, or undefined when it must not be pooled (it broke the spec). */
export type Generate = () => Buffer | undefined;

const pools = new WeakMap<object, Pool>();

/**
 * A body for `owner` (one documented response content): from its pool when it holds enough,
 * else generated now. Undefined when `generate` gives a body that must not be pooled.
 */
export function pooledBody(owner: object, generate: Generate): Buffer | undefined {
  let pool = pools.get(owner);
  if (!pool) {
    pool = { bodies: [], last: -1, stale: new Set(), failures: 0 };
    pools.set(owner, pool);
  }
  if (pool.bodies.length < SERVE_FROM) {
    const body = generate();
    if (body) pool.last = pool.bodies.push(body) - 1;
    scheduleRefresh(pool, generate);
    return body;
  }
  const index = (pool.last + 1) % pool.bodies.length;
  pool.last = index;
  pool.stale.add(index);
  scheduleRefresh(pool, generate);
  return pool.bodies[index];
}

function scheduleRefresh(pool: Pool, generate: Generate): void {
  if (pool.timer || pool.failures >= FAILURES_TO_STOP) return;
  if (pool.stale.size === 0 && pool.bodies.length >= POOL_SIZE) return;
  pool.timer = setTimeout(() => refresh(pool, generate), REFRESH_EVERY_MS);
  // A pending refresh must not keep a process alive that has nothing else to do.
  pool.timer.unref();
}

function refresh(pool: Pool, generate: Generate): void {
  pool.timer = undefined;
  let body: Buffer | undefined;
  try {
    body = generate();
  } catch {
    body = undefined;
  }
  if (!body) {
    // The answers generated on the spot report the problem; a pool that keeps failing stops changing.
    pool.failures++;
    scheduleRefresh(pool, generate);
    return;
  }
  pool.failures = 0;
  if (pool.bodies.length < POOL_SIZE) {
    pool.bodies.push(body);
  } else {
    const [slot] = pool.stale;
    pool.stale.delete(slot);
    pool.bodies[slot] = body;
  }
  scheduleRefresh(pool, generate);
}
