/**
 * Rows in the text format `LOAD DATA` reads with its default options (FIELDS TERMINATED BY '\t'
 * ESCAPED BY '\\' LINES TERMINATED BY '\n'): a backslash escapes the characters that would end a
 * field or a line, and \N is NULL. Values are what the driver would send as parameters; what a
 * parameter would be turned into by mysql2 (true → 1, a Date → its text in the connection's time
 * zone) is done here so the stored value is the same.
 */
export const TSV_NULL = '\\N';

const NEEDS_ESCAPE = /[\\\t\n\r\0]/;
const ESCAPED = /[\\\t\n\r\0]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };

export function tsvText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPED, (c) => ESCAPES[c]) : text;
}

/** One field; dateText writes a Date as the connection would (mysql2 formats dates in its configured time zone). */
export function tsvField(value: unknown, dateText: (date: Date) => string): string {
  switch (typeof value) {
    case 'string': return tsvText(value);
    case 'number': case 'bigint': return String(value);
    case 'boolean': return value ? '1' : '0';
    case 'undefined': return TSV_NULL;
    default:
      if (value === null) return TSV_NULL;
      if (value instanceof Date) return dateText(value);
      throw new TypeError(`cannot write a ${Object.prototype.toString.call(value)} as a LOAD DATA field`);
  }
}

/** Rows are encoded into buffers of this size (each becomes one packet to the server). */
const PIECE_BYTES = 256 << 10;

/**
 * The rows as UTF-8 pieces: each row's fields read from `properties`, converted per column by
 * `toStored` (null: sent as it is) and written by tsvField. A row is joined once and encoded
 * straight into the current piece: building all the text first would make a rope of millions of
 * small strings.
 */
export function tsvRows<R>(
  rows: readonly R[], properties: readonly string[], toStored: readonly (((value: unknown) => unknown) | null)[], dateText: (date: Date) => string,
): Buffer[] {
  const pieces: Buffer[] = [];
  let piece = Buffer.allocUnsafe(PIECE_BYTES);
  let used = 0;
  const fields = new Array<string>(properties.length);
  for (const row of rows) {
    for (let c = 0; c < properties.length; c++) {
      const convert = toStored[c];
      const value = (row as Record<string, unknown>)[properties[c]];
      fields[c] = tsvField(convert === null ? value : convert(value), dateText);
    }
    const line = fields.join('\t');
    const most = line.length * 3 + 1; // UTF-8 takes at most 3 bytes per UTF-16 unit, plus the newline
    if (used + most > piece.length) {
      pieces.push(piece.subarray(0, used));
      piece = Buffer.allocUnsafe(Math.max(PIECE_BYTES, most));
      used = 0;
    }
    used += piece.write(line, used);
    piece[used++] = 0x0a;
  }
  if (used) pieces.push(piece.subarray(0, used));
  return pieces;
}
