import { createReadStream } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { DomainError, ErrorCode } from '../../../common/errors';
import { detach, type SheetRow } from './sheet-row';

/**
 * Decoded chunks stay under 128 KiB (at most 64 Ki UTF-16 units), so V8 allocates them in the young
 * generation; bigger strings go to the large-object space, which measured markedly slower.
 */
const CHUNK_BYTES = 64 << 10;
/**
 * A record can legitimately hold a few long cells (Excel allows 32,767 characters per cell), but an
 * unclosed quote would otherwise swallow the rest of the file into memory.
 */
const MAX_RECORD_CHARS = 4 << 20;

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Streams the records of a CSV file as trimmed cells, a batch per 64 KiB chunk. The encoding is UTF-8
 * (BOM optional) when the whole file is valid UTF-8, otherwise GB18030 (a superset of GBK, which
 * Excel and WPS use on Chinese Windows). rowNumber counts records, as Excel numbers the rows of an
 * opened CSV.
 */
export async function* readCsvBatches(filePath: string): AsyncGenerator<SheetRow[]> {
  const encoding = (await isUtf8File(filePath)) ? 'utf-8' : 'gb18030';
  const decoder = new TextDecoder(encoding);
  const parser = new CsvParser();
  let first = true;
  for await (const chunk of createReadStream(filePath, { highWaterMark: CHUNK_BYTES })) {
    let text = decoder.decode(chunk as Buffer, { stream: true });
    if (first) {
      // The UTF-8 decoder drops a BOM itself; a GB18030 BOM (84 31 95 33) decodes to U+FEFF.
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    const rows = parser.push(text, false);
    if (rows.length > 0) yield rows;
  }
  const rows = parser.push(decoder.decode(), true);
  if (rows.length > 0) yield rows;
}

/**
 * Validates the whole file rather than a sample: a GBK file can start with thousands of ASCII-only
 * rows, and guessing wrong would garble every later Chinese name. isUtf8 is SIMD-fast, so this
 * costs a small fraction of the parse.
 */
async function isUtf8File(filePath: string): Promise<boolean> {
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 20 })) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    const cut = incompleteTailStart(bytes);
    if (!isUtf8(bytes.subarray(0, cut))) return false;
    carry = Buffer.from(bytes.subarray(cut));
  }
  return isUtf8(carry);
}

/** Start of a multi-byte sequence that may continue in the next chunk (or bytes.length if none). */
function incompleteTailStart(bytes: Buffer): number {
  let i = bytes.length;
  while (i > 0 && bytes.length - i < 3 && (bytes[i - 1] & 0xc0) === 0x80) i--;
  return i > 0 && bytes[i - 1] >= 0xc0 ? i - 1 : bytes.length;
}

/**
 * RFC 4180 parser over decoded text. Lines without a quote character (nearly all of them) are split
 * natively, which is several times faster than a character loop; quoted records take the slow path.
 * Lenient like Excel: a quote inside an unquoted field is literal, text after a closing quote is
 * kept, and an unclosed quote at the end of the file ends the record.
 */
class CsvParser {
  private pending = '';
  private rowNumber = 0;

  /** Parses the complete records in pending + chunk; all of them when final. */
  push(chunk: string, final: boolean): SheetRow[] {
    const rows: SheetRow[] = [];
    const text = this.pending + chunk;
    const end = text.length;
    let pos = 0;
    let nextQuote = text.indexOf('"');
    while (pos < end) {
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
      const newline = text.indexOf('\n', pos);
      let cells: string[];
      if (nextQuote === -1 || (newline !== -1 && newline < nextQuote)) {
        if (newline === -1 && !final) break;
        const lineEnd = newline === -1 ? end : newline;
        const contentEnd = lineEnd > pos && text.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
        cells = text.slice(pos, contentEnd).split(',');
        pos = lineEnd + 1;
      } else {
        const record = parseQuotedRecord(text, pos, final);
        if (record === null) break;
        cells = record.cells;
        pos = record.next;
      }
      this.rowNumber++;
      const row = cleanCells(cells);
      if (row !== null) rows.push({ rowNumber: this.rowNumber, cells: row });
    }
    this.pending = pos < end ? text.slice(pos) : '';
    if (this.pending.length > MAX_RECORD_CHARS) {
      throw new DomainError(ErrorCode.BAD_REQUEST, {
        reason: `CSV 第 ${this.rowNumber + 1} 行的引号没有闭合 (unclosed quote in CSV row ${this.rowNumber + 1})`,
      });
    }
    return rows;
  }
}

/** Parses one record starting at pos; null when the text ends inside it and more text is coming. */
function parseQuotedRecord(text: string, pos: number, final: boolean): { cells: string[]; next: number } | null {
  const end = text.length;
  const cells: string[] = [];
  let i = pos;
  for (;;) {
    let value = '';
    if (text.charCodeAt(i) === QUOTE) {
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close === -1 || (close === end - 1 && !final)) {
          // Unclosed so far: wait for more text, or at the end of the file take the rest as the cell.
          if (!final) return null;
          value += text.slice(from);
          cells.push(value);
          return { cells, next: end };
        }
        value += text.slice(from, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          from = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
    }
    let j = i;
    while (j < end) {
      const c = text.charCodeAt(j);
      if (c === COMMA || c === LF) break;
      j++;
    }
    if (j === end && !final) return null;
    const fieldEnd = j > i && text.charCodeAt(j - 1) === CR && (j === end || text.charCodeAt(j) === LF) ? j - 1 : j;
    value += text.slice(i, fieldEnd);
    cells.push(value);
    if (j === end || text.charCodeAt(j) === LF) return { cells, next: j + 1 };
    i = j + 1;
  }
}

/**
 * Trims cells, unwraps ="..." (how exports keep leading zeros) and drops the apostrophe our own CSV
 * export puts before text that Excel would take for a formula (so an export imports back unchanged);
 * null for a completely empty row.
 */
const NEUTRALISED_START = /[=+\-@]/;

function cleanCells(cells: string[]): string[] | null {
  let empty = true;
  for (let k = 0; k < cells.length; k++) {
    let cell = cells[k].trim();
    if (cell.length >= 3 && cell.charCodeAt(0) === 0x3d && cell.charCodeAt(1) === QUOTE && cell.charCodeAt(cell.length - 1) === QUOTE) {
      cell = cell.slice(2, -1).trim();
    } else if (cell.length >= 2 && cell.charCodeAt(0) === 0x27 && NEUTRALISED_START.test(cell[1])) {
      cell = cell.slice(1);
    }
    cells[k] = detach(cell);
    if (cell !== '') empty = false;
  }
  return empty ? null : cells;
}
