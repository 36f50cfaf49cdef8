/** A promise with its resolve/reject exposed; `settled` lets handlers answer idempotently. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(err: unknown): void;
  readonly settled: boolean;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  let settled = false;
  const promise = new Promise<T>((res, rej) => {
    resolve = (v) => { settled = true; res(v); };
    reject = (e) => { settled = true; rej(e); };
  });
  // Nobody may be waiting yet (e.g. a cancel before the callback); avoid an unhandled rejection.
  promise.catch(() => undefined);
  return { promise, resolve, reject, get settled() { return settled; } };
}
