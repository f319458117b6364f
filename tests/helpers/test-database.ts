import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../../server/config';
import { dataSourceOptions, migrate } from '../../server/db/data-source';
import { createLogger } from '../../server/logger';

/**
 * A fresh migrated database for tests of the storage layer on its own (no server): a temporary
 * SQLite file, or a temporary database on the MariaDB server DATABASE_URL names. Dropped by close().
 */
export async function openDatabase(kind: 'SQLite' | 'MariaDB'): Promise<{ ds: DataSource; close(): Promise<void>; config: DatabaseConfig }> {
  const log = createLogger('silent');
  if (kind === 'SQLite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-storage-'));
    const config: DatabaseConfig = { kind: 'sqlite', file: path.join(dir, 'hub.sqlite') };
    const ds = await new DataSource(dataSourceOptions(config, log)).initialize();
    await migrate(ds);
    return { ds, config, close: async () => { await ds.destroy(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const base = new URL(process.env.DATABASE_URL!.replace(/^mariadb:/, 'mysql:'));
  const name = `t_storage_${randomBytes(5).toString('hex')}`;
  const admin = await mysql.createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username), password: decodeURIComponent(base.password) });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const config: DatabaseConfig = { kind: 'mariadb', url: url.toString() };
  const ds = await new DataSource(dataSourceOptions(config, log)).initialize();
  await migrate(ds);
  return {
    ds, config,
    close: async () => { await ds.destroy(); await admin.query(`DROP DATABASE IF EXISTS \`${name}\``); await admin.end(); },
  };
}

const usingMariaDb = /^(mysql|mariadb):/.test(process.env.DATABASE_URL ?? '');
/** The kinds to run such tests on: SQLite always, MariaDB too when DATABASE_URL names it. */
export const databases: ('SQLite' | 'MariaDB')[] = usingMariaDb ? ['SQLite', 'MariaDB'] : ['SQLite'];

