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

