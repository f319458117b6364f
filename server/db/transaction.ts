import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs `work` in one transaction and returns its result; retries on deadlock or lock timeout.
 * SQLite (better-sqlite3 through TypeORM) has a single connection shared by everyone, so two
 * transactions at once would nest into each other: there they are queued one after another.
 */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();
const RETRYABLE = /ER_LOCK_DEADLOCK|ER_LOCK_WAIT_TIMEOUT|Deadlock found|SQLITE_BUSY/;

export async function inTransaction<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  if (ds.options.type === 'better-sqlite3') {
    const previous = sqliteQueues.get(ds) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(() => ds.transaction(work));
    sqliteQueues.set(ds, run.catch(() => undefined));
    return run;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await ds.transaction(work);
    } catch (error) {
      if (attempt >= 4 || !RETRYABLE.test(String((error as { code?: string }).code ?? '') + ' ' + String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt * Math.random() + 5));
    }
  }
}

/** True when the error is a unique-key violation (both databases). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === 'ER_DUP_ENTRY' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed|Duplicate entry/.test(e?.message ?? '');
}
