import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import type { DatabaseConfig } from '../server/config';

/**
 * A database of the configured kind that exists only for one benchmark run, so a run never reads the
 * rows of an earlier one (a second million targets would double every scan). Dropped by `drop()`.
 */
export async function scratchDatabase(database: DatabaseConfig): Promise<{ database: DatabaseConfig; drop(): Promise<void> }> {
  if (database.kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));
    return { database: { kind: 'sqlite', file: path.join(dir, 'bench.sqlite') }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const base = new URL(database.url);
  const name = `bench_${randomBytes(5).toString('hex')}`;
  const admin = () => mysql.createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username), password: decodeURIComponent(base.password) });
  const conn = await admin();
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return {
    database: { kind: 'mariadb', url: url.toString() },
    async drop() {
      const c = await admin();
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}

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
