/** Concurrent callers for the same key share one in-flight promise. */
export class SingleFlight<T> {
  private readonly inflight = new Map<string, Promise<T>>();

  run(key: string, task: () => Promise<T>): Promise<T> {
    const existing = this.inflight.get(key);
    if (existing) return existing;
    const p = task().finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  /** The task in flight for `key`, if any (to wait for it before undoing what it does). */
  pending(key: string): Promise<T> | undefined {
    return this.inflight.get(key);
  }
}
