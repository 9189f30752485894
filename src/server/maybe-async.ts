/**
 * A value now or later. The request path stays synchronous until a step really waits (a body to
 * read, a save to disk, a delay): every `await` of a value that is already there costs a turn of
 * the microtask queue and a promise, which on a plain GET is a good part of the answer's time.
 */
export type MaybePromise<T> = T | Promise<T>;

export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return value instanceof Promise || (typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function');
}

/** `next(value)`, now when the value is there, or once it is. (Not named `then`: a module exporting `then` is itself a thenable to `import()`.) */
export function andThen<T, R>(value: MaybePromise<T>, next: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return isPromise(value) ? value.then(next) : next(value);
}
