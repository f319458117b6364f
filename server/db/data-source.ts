import fs from 'node:fs';
import path from 'node:path';
import { DataSource, DataSourceOptions, Logger as TypeOrmLogger } from 'typeorm';
import type { DatabaseConfig } from '../config';
import type { Logger } from '../logger';
import { migrations } from '../../migrations';
import { entities } from './entities';
import { countStatement } from './statement-counter';

/** Forwards TypeORM's messages to the structured log and feeds the per-request statement counter. */
class DbLogger implements TypeOrmLogger {
  constructor(private readonly hubLog: Logger) {}
  logQuery() { countStatement(); }
  logQueryError(error: string | Error, _query: string) {
    // The query text may hold user data; the error message is enough to diagnose.
    this.hubLog.warn('database query failed', { error: error instanceof Error ? error.message : error });
  }
  logQuerySlow(time: number, query: string) { this.hubLog.warn('slow query', { ms: time, query: query.slice(0, 200) }); }
  logSchemaBuild() {}
  logMigration(message: string) { this.hubLog.info('migration', { message }); }
  log(level: 'log' | 'info' | 'warn', message: unknown) { if (level === 'warn') this.hubLog.warn(String(message)); }
}

export function dataSourceOptions(db: DatabaseConfig, log: Logger): DataSourceOptions {
  const common = {
    entities,
    migrations,
    migrationsRun: false,
    synchronize: false,
    logging: ['query', 'error', 'warn', 'migration'] as ('query' | 'error' | 'warn' | 'migration')[],
    logger: new DbLogger(log),
    maxQueryExecutionTime: 2000,
  };
  if (db.kind === 'sqlite') {
    if (db.file !== ':memory:') fs.mkdirSync(path.dirname(db.file), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: db.file,
      // WAL lets readers go on while a writer holds the lock; NORMAL sync is safe with WAL.
      prepareDatabase: (sqlite: { pragma(p: string): unknown }) => {
        sqlite.pragma('journal_mode = WAL');
        sqlite.pragma('synchronous = NORMAL');
        sqlite.pragma('busy_timeout = 10000');
      },
    };
  }
  return {
    ...common,
    type: 'mariadb',
    url: db.url,
    timezone: 'Z',
    charset: 'utf8mb4_unicode_ci',
    extra: { connectionLimit: 20, dateStrings: false },
  } as DataSourceOptions;
}

export async function openDataSource(db: DatabaseConfig, log: Logger): Promise<DataSource> {
  const ds = new DataSource(dataSourceOptions(db, log));
  await ds.initialize();
  return ds;
}

/** Applies pending migrations; the only way the schema ever changes. */
export async function migrate(ds: DataSource): Promise<string[]> {
  const applied = await ds.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
