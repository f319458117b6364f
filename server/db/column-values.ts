import { isMysql } from './row-lock';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * The columns of a bulk write and, per column, how an entity value becomes the value the database
 * stores — exactly what TypeORM's `insert()` sends (transformers, booleans, dates): TypeORM's own
 * `preparePersistentValue`, or for the column types it passes through, just the column's
 * transformers. The choice is made once per column rather than once per value; most columns of a
 * million-row import then cost no call at all.
 */
export type ToStored = (value: unknown) => unknown;

export interface BulkColumns {
  /** Quoted table name. */
  table: string;
  /** Entity property and quoted column name, per column. */
  properties: string[];
  names: string[];
  /** Per column; null where the value is sent as it is (most columns, skipped without a call). */
  toStored: (ToStored | null)[];
  isMysql: boolean;
}

/** Column types that neither the MySQL nor the SQLite driver converts (no branch of their preparePersistentValue matches them). */
const SENT_AS_IS = new Set<ColumnMetadata['type']>(['varchar', 'nvarchar', 'char', 'text', 'integer', 'int', 'double', String]);

export function toStoredFor(em: EntityManager, column: ColumnMetadata): ToStored | null {
  const { transformer } = column;
  if (SENT_AS_IS.has(column.type)) {
    // For these types preparePersistentValue applies the transformers and nothing more (its one
    // other case, a FindOperator in a query condition, is never a value being stored).
    if (!transformer) return null;
    return Array.isArray(transformer) ? (value) => transformer.reduce((v, t) => t.to(v), value) : (value) => transformer.to(value);
  }
  const driver = em.connection.driver;
  return (value) => driver.preparePersistentValue(value, column);
}

export function storedValue(toStored: ToStored | null, value: unknown): unknown {
  return toStored === null ? value : toStored(value);
}

export function bulkColumns<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, properties: readonly string[]): BulkColumns {
  const metadata = em.connection.getMetadata(entity);
  const driver = em.connection.driver;
  const columns = properties.map((property) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    return column;
  });
  return {
    table: driver.escape(metadata.tableName),
    properties: [...properties],
    names: columns.map((c) => driver.escape(c.databaseName)),
    toStored: columns.map((c) => toStoredFor(em, c)),
    isMysql: isMysql(em),
  };
}
