/**
 * Stops the browser shell once no page has been open for `idleMs`: counted from the moment the last
 * page's event stream closed. Before the first page connects it waits (the person may still be
 * opening the printed URL, e.g. through an SSH tunnel); Ctrl-C ends it then.
 */
export interface IdleWatch {
  /** The number of open pages changed. */
  update(open: number): void;
  dispose(): void;
}

export function createIdleWatch(idleMs: number, onIdle: () => void): IdleWatch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const clear = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
  };
  return {
    update(open) {
      clear();
      // Closing the streams at shutdown must not arm a timer that keeps the process alive.
      if (open === 0 && !disposed) timer = setTimeout(onIdle, idleMs);
    },
    dispose() {
      disposed = true;
      clear();
    },
  };
}
