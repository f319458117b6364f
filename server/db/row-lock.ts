import { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

const mysqlTypes = new Set(['mariadb', 'mysql']);

export const isMysql = (db: EntityManager | DataSource): boolean => mysqlTypes.has((db instanceof DataSource ? db : db.connection).options.type);

/**
 * Makes a read inside a transaction hold its rows until the transaction ends, so concurrent
 * changes of the same rows queue up: FOR UPDATE on MariaDB (whose plain reads see an older
 * snapshot); SQLite queues whole transactions already.
 */
export function forUpdate<E extends ObjectLiteral>(qb: SelectQueryBuilder<E>): SelectQueryBuilder<E> {
  return mysqlTypes.has(qb.connection.options.type) ? qb.setLock('pessimistic_write') : qb;
}
