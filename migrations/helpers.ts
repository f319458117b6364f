import { TableColumnOptions } from 'typeorm';

/**
 * Column builders for migrations written with the QueryRunner Table API, so one migration runs on
 * SQLite and on MariaDB/MySQL alike (no dialect SQL, no database-side date defaults).
 */
export const id = (): TableColumnOptions => ({ name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' });
export const int = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable });
export const str = (name: string, length: number, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: String(length), isNullable: nullable });
export const text = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'text', isNullable: nullable });
export const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean' });
export const dbl = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'double', isNullable: nullable });
export const time = (name: string, nullable = false): TableColumnOptions => ({ name, type: 'datetime', precision: 3, isNullable: nullable });
