import { ErrorCode } from '../../common/errors';
import { ErrorSink, rowError } from './error-sink';
import { HeaderMapping, headerOf } from './header-mapping';
import type { ImportKindSpec, ImportLookups, ValidRow } from './kinds/kind-spec';
import type { SheetRow } from './readers';

/**
 * A good row waiting in its chunk. A class, not an object literal, like every per-row object that
 * lives until its chunk is written: early in an import, while V8's young generation is still small,
 * nearly all such objects outlive a collection, and V8 may then decide to allocate everything from
 * that literal directly in the old generation for the rest of the process (allocation-site
 * pretenuring). A million rows of old-generation garbage, and all the strings they point to, is
 * what pushed a large import's memory past its budget. Class instances are never pretenured.
 */
class CheckedRow<V> implements ValidRow<V> {
  constructor(readonly rowNumber: number, readonly value: V) {}
}

/**
 * Reads and checks the rows of one file: every cell parsed by its column, the record checked by the
 * kind's rules (the same as a form), its key compared with the file's earlier rows. A bad row is
 * reported to the sink cell by cell and yields nothing; a good one is returned for writing.
 */
export function rowChecker<F extends Record<string, unknown>, V extends F>(
  spec: ImportKindSpec<F, V>, mapping: HeaderMapping<F>, lookups: ImportLookups, sink: ErrorSink,
): (row: SheetRow) => ValidRow<V> | undefined {
  // The sheet columns that feed a field, worked out once rather than per row.
  const plan = mapping.byIndex.flatMap((column, index) => (column ? [{ index, column, header: mapping.written[index] }] : []));
  const seenKeys = new Set<string>();
  return (row) => {
    const fields = spec.defaults() as Record<string, unknown>;
    let bad = false;
    for (const { index, column, header } of plan) {
      const cell = row.cells[index] ?? '';
      const parsed = column.parse(cell);
      if ('problem' in parsed) { sink.add(rowError(row.rowNumber, header, cell, parsed.problem)); bad = true; }
      else fields[column.field] = parsed.value;
    }
    if (bad) return undefined;
    const checked = spec.check(fields as F, lookups);
    if (!checked.ok) {
      for (const p of checked.problems) sink.add(rowError(row.rowNumber, headerOf(mapping, spec.columns, p.field), String(fields[p.field] ?? ''), p));
      return undefined;
    }
    const key = spec.key(checked.value);
    if (seenKeys.has(key)) {
      const reason = `与文件中前面的行重复：${key} (repeats an earlier row of the file)`;
      sink.add(rowError(row.rowNumber, headerOf(mapping, spec.columns, spec.columns[0].field), key, { code: ErrorCode.VALIDATION_FAILED, params: { reason } }));
      return undefined;
    }
    seenKeys.add(key);
    return new CheckedRow(row.rowNumber, checked.value);
  };
}
