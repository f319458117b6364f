import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { BulkColumns, bulkColumns, storedValue } from './column-values';
import { loadData, localInfileEnabled, sqlLiteralFor } from './load-data';
import { tsvRows } from './tsv';

/**
 * Multi-row writes for bulk work (imports) instead of TypeORM's statement-per-row `save()`. Values
 * are converted as TypeORM converts them (see column-values.ts), so both databases store what
 * `insert()` would. New rows go to MariaDB/MySQL by LOAD DATA when the server allows it (see
 * load-data.ts), otherwise as multi-row INSERTs of a few thousand values each.
 *
 * A write is prepared first — every row turned into the bytes or values to send — and then run.
 * While it runs it holds only those, not the row objects: an import waiting on the database would
 * otherwise keep each chunk's objects alive through garbage collections and fill V8's old space.
 */
export type PreparedWrite = () => Promise<void>;

const MAX_PLACEHOLDERS = 30000; // below SQLite's 32,766 and MySQL's 65,535
/** Rows per LOAD DATA: a few MB of text, so memory stays bounded whatever the caller passes. */
const LOAD_DATA_ROWS = 20000;

function chunks<E>(rows: readonly E[], size: number): (readonly E[])[] {
  const result: (readonly E[])[] = [];
  for (let i = 0; i < rows.length; i += size) result.push(rows.slice(i, i + size));
  return result;
}

function storedValues(columns: BulkColumns, row: ObjectLiteral, count: number): unknown[] {
  const values = new Array<unknown>(count);
  for (let c = 0; c < count; c++) values[c] = storedValue(columns.toStored[c], row[columns.properties[c]]);
  return values;
}

const placeholders = (width: number) => `(${new Array(width).fill('?').join(',')})`;

function runAll<S>(statements: S[], run: (statement: S) => Promise<unknown>): PreparedWrite {
  return async () => {
    for (const statement of statements) await run(statement);
  };
}

/**
 * Prepares an insert of rows. `constants` are columns with the same value in every row (the
 * department, the time): they are converted once and, with LOAD DATA, sent once per statement.
 */
export async function prepareInsert<E extends ObjectLiteral>(
  em: EntityManager, entity: EntityTarget<E>, properties: readonly (keyof E & string)[], rows: readonly Partial<E>[], constants: Partial<E> = {},
): Promise<PreparedWrite> {
  if (!rows.length) return async () => undefined;
  const fixedProperties = Object.keys(constants);
  const columns = bulkColumns(em, entity, [...properties, ...fixedProperties]);
  const width = properties.length;
  const fixed = fixedProperties.map((property, i) => storedValue(columns.toStored[width + i], constants[property]));
  if (columns.isMysql && (await localInfileEnabled(em))) {
    const literal = sqlLiteralFor(em);
    const dateText = (date: Date) => literal(date).slice(1, -1);
    const set = fixed.map((value, i): [string, string] => [columns.names[width + i], literal(value)]);
    const names = columns.names.slice(0, width);
    const statements = chunks(rows, LOAD_DATA_ROWS).map((chunk) => ({ data: tsvRows(chunk, properties, columns.toStored, dateText), count: chunk.length }));
    return runAll(statements, (s) => loadData(em, columns.table, names, set, s.data, s.count));
  }
  const tuple = placeholders(columns.names.length);
  const statements = chunks(rows, Math.max(1, Math.floor(MAX_PLACEHOLDERS / columns.names.length))).map((chunk) => ({
    sql: `INSERT INTO ${columns.table} (${columns.names.join(',')}) VALUES ${chunk.map(() => tuple).join(',')}`,
    values: chunk.flatMap((row) => [...storedValues(columns, row, width), ...fixed]),
  }));
  return runAll(statements, (s) => em.query(s.sql, s.values));
}

/** Prepares an insert of rows that updates `updateProperties` of the row with the same unique key instead. */
export function prepareUpsert<E extends ObjectLiteral>(
  em: EntityManager, entity: EntityTarget<E>, properties: readonly (keyof E & string)[], keyProperties: readonly (keyof E & string)[],
  updateProperties: readonly (keyof E & string)[], rows: readonly E[],
): PreparedWrite {
  if (!rows.length) return async () => undefined;
  const columns = bulkColumns(em, entity, [...properties, ...keyProperties, ...updateProperties]);
  const nameOf = (property: string) => columns.names[columns.properties.indexOf(property)];
  const names = properties.map(nameOf);
  const onConflict = columns.isMysql
    ? `ON DUPLICATE KEY UPDATE ${updateProperties.map((u) => `${nameOf(u)} = VALUES(${nameOf(u)})`).join(', ')}`
    : `ON CONFLICT (${keyProperties.map(nameOf).join(', ')}) DO UPDATE SET ${updateProperties.map((u) => `${nameOf(u)} = excluded.${nameOf(u)}`).join(', ')}`;
  const tuple = placeholders(names.length);
  const statements = chunks(rows, Math.max(1, Math.floor(MAX_PLACEHOLDERS / names.length))).map((chunk) => ({
    sql: `INSERT INTO ${columns.table} (${names.join(',')}) VALUES ${chunk.map(() => tuple).join(',')} ${onConflict}`,
    values: chunk.flatMap((row) => storedValues(columns, row, names.length)),
  }));
  return runAll(statements, (s) => em.query(s.sql, s.values));
}

export async function bulkInsert<E extends ObjectLiteral>(
  em: EntityManager, entity: EntityTarget<E>, properties: readonly (keyof E & string)[], rows: readonly Partial<E>[], constants: Partial<E> = {},
): Promise<void> {
  await (await prepareInsert(em, entity, properties, rows, constants))();
}
