/** One non-empty spreadsheet row; rowNumber is 1-based as the spreadsheet shows it, for error reports. */
export interface SheetRow {
  rowNumber: number;
  cells: string[];
}

/**
 * Returns a copy of s that does not share memory with the text it was cut from. V8 represents a
 * substring of 13+ characters as a view into its parent, so a caller keeping one cell per row (say,
 * credit codes for a duplicate check) would otherwise keep every 1 MB chunk of the file alive.
 * Prepending and slicing forces V8 to copy the characters into a new string.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
