import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { DatabaseConfig } from '../server/config';

/** What a benchmark does before its timed part, so that the figures are the work's own, not the seeding's. */
/**
 * Waits (up to two minutes) until MariaDB has written most of the seeding's changed pages back
 * (under a tenth of its buffer pool dirty), as on a server that was not bulk-loaded a moment ago:
 * otherwise the timed statements share the disk and the server's threads with that flushing, and
 * their times vary by a third from run to run. Returns the milliseconds waited; nothing on SQLite.
 */
export async function settleWrites(query: (sql: string) => Promise<{ Variable_name: string; Value: string }[]>, kind: DatabaseConfig['kind']): Promise<number> {
  if (kind === 'sqlite') return 0;
  const started = Date.now();
  for (;;) {
    const rows = await query("SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_buffer_pool_pages_dirty', 'Innodb_buffer_pool_pages_total')");
    const status = new Map(rows.map((r) => [r.Variable_name, Number(r.Value)]));
    const settled = status.get('Innodb_buffer_pool_pages_dirty')! < 0.1 * status.get('Innodb_buffer_pool_pages_total')!;
    if (settled || Date.now() - started > 120_000) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Collects the seeding's garbage now, rather than in the middle of the timed work. */
export function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}
