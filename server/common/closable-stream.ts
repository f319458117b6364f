/**
 * Parks a generator that waits for events: `wait()` until `wake()`; `close()` ends the wait for good.
 * An async generator's own return() only takes effect at its next `yield`, so a subscriber that left
 * would otherwise stay registered until the next event arrived.
 */
export class Doorbell {
  closed = false;
  private ring: (() => void) | null = null;

  wait(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => (this.ring = resolve));
  }

  wake(): void {
    const ring = this.ring;
    this.ring = null;
    ring?.();
  }

  close(): void {
    this.closed = true;
    this.wake();
  }
}

/**
 * A generator that waits on `bell` (and returns when it finds the bell closed), as an iterator whose
 * return() ends it at once: the bell wakes it, it runs its `finally`, and the pending next() is done.
 */
export function closable<T>(bell: Doorbell, generator: AsyncGenerator<T>): AsyncIterableIterator<T> {
  const iterator: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]() { return iterator; },
    next: () => generator.next(),
    return: async () => {
      bell.close();
      return generator.return(undefined);
    },
    throw: async (error: unknown) => {
      bell.close();
      return generator.throw(error);
    },
  };
  return iterator;
}
