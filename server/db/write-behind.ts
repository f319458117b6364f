/** Lets statements just issued, and writes under way, reach the database before the event loop is held by computation again. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes on one transaction's connection, one after another, while the caller prepares the next:
 * `await writes.queue(() => insert(...))` starts the write and returns at the next turn of the event
 * loop, so the database works while this process computes. `flush()` waits for all and throws the
 * first failure.
 */
export class WriteBehind {
  private last: Promise<unknown> = Promise.resolve();

  async queue(write: () => Promise<unknown>): Promise<void> {
    this.last = this.last.then(write);
    this.last.catch(() => undefined); // reported by flush(), not as an unhandled rejection meanwhile
    await nextTurn();
  }

  async flush(): Promise<void> {
    await this.last;
  }
}
