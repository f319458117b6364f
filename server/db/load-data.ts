import { Readable } from 'node:stream';
import { escape } from 'mysql2';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * `LOAD DATA LOCAL INFILE` on MariaDB/MySQL: new rows sent as tab-separated text, which the server
 * reads markedly faster than the same rows as a multi-row INSERT (no SQL to parse, no literals to
 * quote). It runs on the connection of the caller's transaction, so it commits or rolls back with
 * everything else. The "file" is a stream of our own bytes: whatever name the server asks for,
 * nothing from the local disk is ever sent.
 */

/** The part of mysql2's callback connection (what TypeORM's MysqlQueryRunner holds) used here. */
interface Mysql2Connection {
  query(options: { sql: string; infileStreamFactory?: () => Readable }, callback: (error: Error | null, result: unknown) => void): void;
}
interface OkPacket { affectedRows: number; warningStatus: number }

const enabled = new WeakMap<DataSource, boolean>();

/**
 * Whether the server accepts LOAD DATA LOCAL (MariaDB allows it by default, MySQL 8 does not).
 * Asked once per data source; mysql2 offers it on every connection.
 */
export async function localInfileEnabled(em: EntityManager): Promise<boolean> {
  const known = enabled.get(em.connection);
  if (known !== undefined) return known;
  const [row] = (await em.query('SELECT @@local_infile AS enabled')) as { enabled: number | string }[];
  const on = Number(row?.enabled) === 1;
  enabled.set(em.connection, on);
  return on;
}

async function connectionOf<T>(em: EntityManager, work: (connection: Mysql2Connection, runner: QueryRunner) => Promise<T>): Promise<T> {
  if (em.queryRunner) return work((await em.queryRunner.connect()) as Mysql2Connection, em.queryRunner);
  const runner = em.connection.createQueryRunner();
  try {
    return await work((await runner.connect()) as Mysql2Connection, runner);
  } finally {
    await runner.release();
  }
}

function run<T>(connection: Mysql2Connection, sql: string, data?: Buffer[]): Promise<T> {
  return new Promise((resolve, reject) =>
    connection.query({ sql, infileStreamFactory: data && (() => Readable.from(data)) }, (error, result) => (error ? reject(error) : resolve(result as T))));
}

/**
 * A stored value as an SQL literal, written as mysql2 writes a query parameter on this data
 * source's connections (a Date in the configured time zone, 'local' unless set).
 */
export function sqlLiteralFor(em: EntityManager): (value: unknown) => string {
  const timezone = (em.connection.driver.options as { timezone?: string }).timezone || 'local';
  return (value) => escape(value as never, false, timezone);
}

/**
 * Loads `rowCount` rows of TSV (see tsv.ts) into `columns` of `table`; `constants` are columns with
 * the same value in every row, given as SQL literals and sent once rather than in every row.
 *
 * With LOCAL the server cannot stop the upload, so it turns errors it would raise for an INSERT (a
 * duplicate key, a value too long) into warnings and skips or cuts the row. Any warning therefore
 * fails the statement here, and the caller's transaction is rolled back as for a failed INSERT.
 */
export async function loadData(em: EntityManager, table: string, columns: string[], constants: [string, string][], data: Buffer[], rowCount: number): Promise<void> {
  await connectionOf(em, async (connection, runner) => {
    const set = constants.length ? ` SET ${constants.map(([name, literal]) => `${name} = ${literal}`).join(', ')}` : '';
    const sql = `LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE ${table} CHARACTER SET utf8mb4`
      + ` FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' (${columns.join(', ')})${set}`;
    em.connection.logger.logQuery(sql, undefined, runner);
    const result = await run<OkPacket>(connection, sql, data);
    if (result.affectedRows === rowCount && !result.warningStatus) return;
    const warnings = await run<{ Code: number; Message: string }[]>(connection, 'SHOW WARNINGS LIMIT 3');
    const error = new Error(`LOAD DATA into ${table} stored ${result.affectedRows} of ${rowCount} rows: ${warnings.map((w) => w.Message).join('; ') || 'no warning given'}`);
    // A skipped duplicate is reported as the INSERT would have reported it (see isUniqueViolation).
    if (warnings.some((w) => w.Code === 1062)) Object.assign(error, { code: 'ER_DUP_ENTRY' });
    throw error;
  });
}
