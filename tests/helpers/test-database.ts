import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../../server/config';
import { dataSourceOptions, migrate } from '../../server/db/data-source';
import { createLogger } from '../../server/logger';
import { freshDatabase, usingMariaDb } from './test-server';

/**
 * A fresh migrated database for tests of the storage layer on its own (no server): a temporary
 * SQLite file, or a temporary database on the MariaDB server DATABASE_URL names. Dropped by close().
 */
export async function openDatabase(kind: 'SQLite' | 'MariaDB'): Promise<{ ds: DataSource; close(): Promise<void>; config: DatabaseConfig }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-storage-'));
  const fresh = await freshDatabase(dir, kind === 'MariaDB' ? 'mariadb' : 'sqlite');
  const ds = await new DataSource(dataSourceOptions(fresh.database, createLogger('silent'))).initialize();
  await migrate(ds);
  return {
    ds, config: fresh.database,
    close: async () => {
      await ds.destroy();
      await fresh.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The kinds to run such tests on: SQLite always, MariaDB too when DATABASE_URL names it. */
export const databases: ('SQLite' | 'MariaDB')[] = usingMariaDb() ? ['SQLite', 'MariaDB'] : ['SQLite'];
