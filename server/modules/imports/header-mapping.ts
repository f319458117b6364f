import type { ColumnSpec } from './kinds/kind-spec';

/** Headers as typed by hand vary: spaces, full-width brackets, "*" or "（必填）" marks. Compare them without those. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/[（]/g, '(').replace(/[）]/g, ')')
    .replace(/\((必填|选填|可选)\)/g, '')
    .replace(/[*＊\s\u3000]/g, '')
    .toLowerCase();
}

export interface HeaderMapping<F> {
  /** For each sheet column index, the column spec it feeds (or undefined for a column we do not use). */
  byIndex: (ColumnSpec<F> | undefined)[];
  /** The header text as written in the file, per column index, for error reports. */
  written: string[];
  missing: ColumnSpec<F>[];
}

export function mapHeaders<F>(headerCells: string[], columns: ColumnSpec<F>[]): HeaderMapping<F> {
  const lookup = new Map<string, ColumnSpec<F>>();
  for (const column of columns) {
    for (const name of [column.header, column.headerEn, column.field, ...(column.aliases ?? [])]) lookup.set(normaliseHeader(name), column);
  }
  const used = new Set<ColumnSpec<F>>();
  const byIndex = headerCells.map((cell) => {
    const column = lookup.get(normaliseHeader(cell));
    if (!column || used.has(column)) return undefined; // a repeated column: the first one counts
    used.add(column);
    return column;
  });
  return { byIndex, written: headerCells, missing: columns.filter((c) => c.required && !used.has(c)) };
}

/** The header a field's problems are reported under: as written in the file, else the template's, else the field name. */
export function headerOf<F>(mapping: HeaderMapping<F>, columns: ColumnSpec<F>[], field: string): string {
  const index = mapping.byIndex.findIndex((c) => c?.field === field);
  return index >= 0 ? mapping.written[index] : columns.find((c) => c.field === field)?.header ?? field;
}
