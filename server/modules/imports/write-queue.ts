/**
 * The writes of an import's chunks, started in order on the transaction's connection while the
 * next chunks are read and checked. Up to `depth` writes are under way at once: with two, one runs
 * on the server while the next is already turned into statements and queued behind it on the
 * connection, so the server does not wait for the parser between chunks.
 */
export class WriteQueue {
  private pending: Promise<unknown>[] = [];

  constructor(private readonly depth: number) {}

  /** Waits until fewer than `depth` writes are under way, then starts `write`; an earlier write's failure is thrown here. */
  async add(write: () => Promise<unknown>): Promise<void> {
    while (this.pending.length >= this.depth) await this.pending.shift();
    const started = write();
    started.catch(() => undefined); // observed when awaited; meanwhile not an unhandled rejection
    this.pending.push(started);
  }

  /** Waits for every write; the first failure is thrown. */
  async drain(): Promise<void> {
    while (this.pending.length) await this.pending.shift();
  }

  /**
   * Waits until every write has ended, failed or not. Before a failed import's transaction is
   * rolled back: otherwise a write still under way could send statements after the rollback.
   */
  async settle(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.allSettled(pending);
  }
}
