import type { EntityManager } from 'typeorm';
import type { Checked } from '../../../domain/field-problem';
import type { CellParser } from '../cells';
import type { ImportKind } from '../import-job.entity';

/** One column of an import sheet: the header offices write (and its variants) and how to read a cell. */
export interface ColumnSpec<F> {
  field: keyof F & string;
  header: string;
  headerEn: string;
  aliases?: string[];
  /** The column must be present in the sheet (cells may still be empty where the rules allow). */
  required: boolean;
  example: string;
  parse: CellParser<unknown>;
  /** Turns a stored value back into a cell, for export (so an export can be edited and imported again). */
  format(record: F): string | number;
}

export interface ImportLookups {
  regionExists(code: string): boolean;
  categoryExists(code: string): boolean;
  /** A category as offices write it (种子, or its code) → its code; unknown words come back as they are. */
  resolveCategory(word: string): string;
}

export interface WriteContext { em: EntityManager; departmentId: number; jobId: number; userId: number }
export interface ValidRow<V> { rowNumber: number; value: V }
export interface RowRejection { rowNumber: number; field: string; code: import('../../../common/errors').ErrorCode; params: Record<string, string | number> }
export interface WriteOutcome { created: number; updated: number; unchanged: number; rejected: RowRejection[] }

/**
 * Everything the import pipeline needs to know about one kind of record: its columns, the defaults
 * for absent columns, the domain rules, the key a re-import matches on, and how a chunk is written.
 */
export interface ImportKindSpec<F, V extends F = F> {
  kind: ImportKind;
  sheetName: string;
  columns: ColumnSpec<F>[];
  defaults(): F;
  check(fields: F, lookups: ImportLookups): Checked<V>;
  key(value: V): string;
  write(ctx: WriteContext, rows: ValidRow<V>[]): Promise<WriteOutcome>;
}
