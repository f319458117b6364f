import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Multi-row INSERT and upsert for bulk work (imports), a few hundred rows per statement instead of
 * TypeORM's statement-per-row `save()`. Values go through the driver exactly as TypeORM would send
 * them (column transformers, dates, booleans), so both databases store what `insert()` would.
 */
const MAX_PLACEHOLDERS = 30000; // below SQLite's 32,766 and MySQL's 65,535

function prepare<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, properties: readonly string[]) {
  const metadata = em.connection.getMetadata(entity);
  const driver = em.connection.driver;
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    return column;
  });
  const quote = (name: string) => driver.escape(name);
  return {
    table: quote(metadata.tableName),
    names: columns.map((c) => quote(c.databaseName)),
    isMysql: driver.options.type === 'mariadb' || driver.options.type === 'mysql',
    values: (row: E) => columns.map((column) => driver.preparePersistentValue(row[column.propertyName as keyof E], column)),
    quote,
  };
}

async function inChunks<E>(rows: readonly E[], width: number, run: (chunk: readonly E[]) => Promise<unknown>) {
  const size = Math.max(1, Math.floor(MAX_PLACEHOLDERS / width));
  for (let i = 0; i < rows.length; i += size) await run(rows.slice(i, i + size));
}

export async function bulkInsert<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, properties: readonly (keyof E & string)[], rows: readonly E[]): Promise<void> {
  if (!rows.length) return;
  const p = prepare(em, entity, properties);
  const tuple = `(${p.names.map(() => '?').join(',')})`;
  await inChunks(rows, p.names.length, (chunk) =>
    em.query(`INSERT INTO ${p.table} (${p.names.join(',')}) VALUES ${chunk.map(() => tuple).join(',')}`, chunk.flatMap(p.values)));
}

/** Inserts rows, or updates `updateProperties` of the row that has the same unique key. */
export async function bulkUpsert<E extends ObjectLiteral>(
  em: EntityManager, entity: EntityTarget<E>, properties: readonly (keyof E & string)[], keyProperties: readonly (keyof E & string)[],
  updateProperties: readonly (keyof E & string)[], rows: readonly E[],
): Promise<void> {
  if (!rows.length) return;
  const p = prepare(em, entity, properties);
  const metadata = em.connection.getMetadata(entity);
  const dbName = (prop: string) => p.quote(metadata.findColumnWithPropertyName(prop)!.databaseName);
  const tuple = `(${p.names.map(() => '?').join(',')})`;
  const onConflict = p.isMysql
    ? `ON DUPLICATE KEY UPDATE ${updateProperties.map((u) => `${dbName(u)} = VALUES(${dbName(u)})`).join(', ')}`
    : `ON CONFLICT (${keyProperties.map(dbName).join(', ')}) DO UPDATE SET ${updateProperties.map((u) => `${dbName(u)} = excluded.${dbName(u)}`).join(', ')}`;
  await inChunks(rows, p.names.length, (chunk) =>
    em.query(`INSERT INTO ${p.table} (${p.names.join(',')}) VALUES ${chunk.map(() => tuple).join(',')} ${onConflict}`, chunk.flatMap(p.values)));
}
