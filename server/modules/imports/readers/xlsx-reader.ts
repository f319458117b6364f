import { posix } from 'node:path';
import { DomainError, ErrorCode } from '../../../common/errors';
import { readSharedStrings, SharedStrings } from './shared-strings';
import type { SheetRow } from './sheet-row';
import { ZipArchive } from './zip-archive';
import { dateStyles, formatNumber, serialToDate } from './xlsx-values';
import { attribute, collectText, endsName, startTags, Tags, textValue } from './xlsx-xml';

/** Excel's column limit (XFD); a larger reference means a damaged file, not a wider sheet. */
const MAX_COLUMNS = 16_384;
/** One row's XML; far above any real row, it bounds memory when a file is damaged. */
const MAX_ROW_BYTES = 64 << 20;

interface Workbook {
  sheetPath: string;
  sharedStringsPath?: string;
  stylesPath?: string;
  date1904: boolean;
}

/**
 * Streams the rows of the first visible worksheet, a batch per inflated chunk. Only the shared-string
 * table is held in memory (compactly, see SharedStrings); the sheet is inflated and scanned chunk by
 * chunk.
 */
export async function* readXlsxBatches(filePath: string): AsyncGenerator<SheetRow[]> {
  const zip = await ZipArchive.open(filePath);
  const workbook = await readWorkbook(zip);
  const sharedStrings =
    workbook.sharedStringsPath !== undefined && zip.has(workbook.sharedStringsPath)
      ? await readSharedStrings(zip.chunks(workbook.sharedStringsPath))
      : new SharedStrings();
  const styles =
    workbook.stylesPath !== undefined && zip.has(workbook.stylesPath) ? dateStyles(await zip.text(workbook.stylesPath)) : [];
  const scanner = new SheetScanner(sharedStrings, styles, workbook.date1904);
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of zip.chunks(workbook.sheetPath)) {
    const bytes = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    const rows: SheetRow[] = [];
    pending = bytes.subarray(scanner.scan(bytes, bytes.toString('latin1'), rows));
    if (pending.length > MAX_ROW_BYTES) throw new DomainError(ErrorCode.UNSUPPORTED_FILE_TYPE);
    if (rows.length > 0) yield rows;
    if (scanner.finished) return;
  }
}

/** Follows the package relationships to the first visible sheet, as Excel opens it. */
async function readWorkbook(zip: ZipArchive): Promise<Workbook> {
  const packageRels = zip.has('_rels/.rels') ? relationships(await zip.text('_rels/.rels'), '') : [];
  const workbookPath = packageRels.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  if (!zip.has(workbookPath)) throw new DomainError(ErrorCode.UNSUPPORTED_FILE_TYPE);

  const workbookXml = await zip.text(workbookPath);
  const relsPath = posix.join(posix.dirname(workbookPath), '_rels', `${posix.basename(workbookPath)}.rels`);
  const rels = zip.has(relsPath) ? relationships(await zip.text(relsPath), posix.dirname(workbookPath)) : [];
  const sheets = startTags(workbookXml, 'sheet');
  const visible = sheets.find((tag) => !/^(hidden|veryHidden)$/.test(attribute(tag, 'state') ?? '')) ?? sheets[0];
  const sheetId = visible === undefined ? undefined : attribute(visible, 'r:id');
  const sheetPath = rels.find((r) => r.id === sheetId)?.target;
  if (sheetPath === undefined || !zip.has(sheetPath)) throw new DomainError(ErrorCode.UNSUPPORTED_FILE_TYPE);

  const workbookPr = startTags(workbookXml, 'workbookPr')[0] ?? '';
  const date1904 = /^(1|true)$/.test(attribute(workbookPr, 'date1904') ?? '');
  return {
    sheetPath,
    sharedStringsPath: rels.find((r) => r.type.endsWith('/sharedStrings'))?.target,
    stylesPath: rels.find((r) => r.type.endsWith('/styles'))?.target,
    date1904,
  };
}

function relationships(xml: string, baseDir: string): { id: string; type: string; target: string }[] {
  return startTags(xml, 'Relationship').map((tag) => {
    const target = attribute(tag, 'Target') ?? '';
    return {
      id: attribute(tag, 'Id') ?? '',
      type: attribute(tag, 'Type') ?? '',
      // Targets are relative to the source part's folder unless they start with "/".
      target: target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(baseDir, target)),
    };
  });
}

/** Cell types (the `t` attribute), as small integers so the hot loop compares numbers, not strings. */
const enum CellType {
  Number,
  Shared,
  Inline,
  /** t="str": the cached text result of a formula. */
  FormulaText,
  Boolean,
  Error,
  Date,
}

interface SheetTags {
  row: Tags;
  c: Tags;
  v: Tags;
  t: Tags;
  rPh: Tags;
  sheetDataEnd: string;
  /** <v>: how nearly every non-inline cell holds its value. */
  simpleValue: string;
  /** <is><t>: how nearly every inline string starts. */
  simpleInline: string;
  /** </is></c>: what follows the </t> of a plain inline string. */
  simpleInlineEnd: string;
}

/**
 * Scans <sheetData> incrementally over the Latin-1 view of each chunk; scan() returns how far it got,
 * and the caller prepends the rest to the next chunk. Rows are placed by their `r` attribute, cells
 * by theirs, so sparse sheets keep their shape; writers that omit `r` get consecutive numbering.
 */
class SheetScanner {
  finished = false;
  private lastRow = 0;
  private tags?: SheetTags;
  // Attributes of the cell being scanned, set by readCellAttributes.
  private cellColumn = -1;
  private cellType = CellType.Number;
  private cellStyle = 0;

  constructor(
    private readonly sharedStrings: SharedStrings,
    private readonly dateStyleFlags: boolean[],
    private readonly date1904: boolean,
  ) {}

  /** Appends the complete rows in text to rows; returns the offset of the first incomplete one. */
  scan(bytes: Buffer, text: string, rows: SheetRow[]): number {
    if (this.tags === undefined) {
      const sheetData = /<([\w.-]+:)?sheetData[\s>/]/.exec(text);
      if (sheetData === null) return 0;
      this.tags = sheetTags(sheetData[1] ?? '');
    }
    const { row, sheetDataEnd } = this.tags;
    let pos = 0;
    for (;;) {
      const open = text.indexOf(row.open, pos);
      if (open === -1) {
        if (text.indexOf(sheetDataEnd, pos) !== -1) this.finished = true;
        return Math.max(pos, text.length - sheetDataEnd.length);
      }
      if (open + row.open.length >= text.length) return open;
      if (!endsName(text, open + row.open.length)) {
        pos = open + 1;
        continue;
      }
      const gt = text.indexOf('>', open);
      if (gt === -1) return open;
      const rowNumber = readRowNumber(text, open + row.open.length, gt) || this.lastRow + 1;
      if (text.charCodeAt(gt - 1) === 0x2f) {
        this.lastRow = rowNumber;
        pos = gt + 1;
        continue;
      }
      const cells: string[] = [];
      const end = this.readCells(bytes, text, gt + 1, cells);
      if (end === -1) return open;
      this.lastRow = rowNumber;
      pos = end;
      if (cells.length > 0) rows.push({ rowNumber, cells });
    }
  }

  /**
   * Reads the cells of one row starting at from into cells (left empty when every cell is empty:
   * only a non-empty value pads the cells before it). Returns the offset after </row>, or -1 when
   * the row does not end in this text.
   */
  private readCells(bytes: Buffer, text: string, from: number, cells: string[]): number {
    const { row, c, v, t, rPh, simpleValue, simpleInline, simpleInlineEnd } = this.tags!;
    let column = -1;
    let i = from;
    for (;;) {
      const lt = text.indexOf('<', i);
      if (lt === -1) return -1;
      if (!text.startsWith(c.open, lt) || !endsName(text, lt + c.open.length)) {
        if (text.startsWith(row.close, lt)) return lt + row.close.length;
        i = lt + 1;
        continue;
      }
      const gt = text.indexOf('>', lt);
      if (gt === -1) return -1;
      this.readCellAttributes(text, lt + c.open.length, gt);
      column = this.cellColumn >= 0 ? this.cellColumn : column + 1;
      if (text.charCodeAt(gt - 1) === 0x2f) {
        i = gt + 1;
        continue;
      }
      let value = '';
      if (this.cellType === CellType.Inline && text.startsWith(simpleInline, gt + 1)) {
        const start = gt + 1 + simpleInline.length;
        const close = text.indexOf(t.close, start);
        if (close === -1) return -1;
        if (text.startsWith(simpleInlineEnd, close + t.close.length)) {
          value = textValue(bytes, text, start, close);
          i = close + t.close.length + simpleInlineEnd.length;
        } else {
          // Rich text: several runs.
          const end = text.indexOf(c.close, gt);
          if (end === -1) return -1;
          value = collectText(bytes, text, gt + 1, end, t, rPh);
          i = end + c.close.length;
        }
      } else if (this.cellType !== CellType.Inline && text.startsWith(simpleValue, gt + 1)) {
        const start = gt + 1 + simpleValue.length;
        const close = text.indexOf(v.close, start);
        if (close === -1) return -1;
        value = this.valueText(bytes, text, start, close);
        i = close + v.close.length;
      } else {
        // Formulas (<f> before <v>), <v/>, whitespace between elements, or an inline string in another shape.
        const end = text.indexOf(c.close, gt);
        if (end === -1) return -1;
        value = this.generalValue(bytes, text, gt + 1, end);
        i = end + c.close.length;
      }
      if (value === '' || column >= MAX_COLUMNS) continue;
      while (cells.length < column) cells.push('');
      cells[column] = value;
    }
  }

  private generalValue(bytes: Buffer, text: string, from: number, to: number): string {
    const { v, t, rPh } = this.tags!;
    if (this.cellType === CellType.Inline) return collectText(bytes, text, from, to, t, rPh);
    for (let open = text.indexOf(v.open, from); open !== -1 && open < to; open = text.indexOf(v.open, open + 1)) {
      if (!endsName(text, open + v.open.length)) continue;
      const gt = text.indexOf('>', open);
      if (text.charCodeAt(gt - 1) === 0x2f) return '';
      const close = text.indexOf(v.close, gt);
      return close === -1 || close > to ? '' : this.valueText(bytes, text, gt + 1, close);
    }
    return '';
  }

  /** The display text of a <v> value in bytes[from, to), according to the cell's type and style. */
  private valueText(bytes: Buffer, text: string, from: number, to: number): string {
    switch (this.cellType) {
      case CellType.Shared:
        return this.sharedStrings.get(readIndex(text, from, to));
      case CellType.Boolean:
        return textValue(bytes, text, from, to) === '1' ? 'TRUE' : 'FALSE';
      case CellType.Date: {
        // ISO 8601 date cells (t="d"), rare but valid: keep the calendar date.
        const iso = textValue(bytes, text, from, to);
        return /^\d{4}-\d\d-\d\d/.test(iso) ? iso.slice(0, 10) : iso;
      }
      case CellType.Number: {
        const number = textValue(bytes, text, from, to);
        if (this.dateStyleFlags[this.cellStyle] === true) {
          const date = serialToDate(Number(number), this.date1904);
          if (date !== null) return date;
        }
        return number === '' ? '' : formatNumber(number);
      }
      default:
        return textValue(bytes, text, from, to);
    }
  }

  /** Reads r (column), t and s from the attributes of a <c> start tag in text[from, to). */
  private readCellAttributes(text: string, from: number, to: number): void {
    this.cellColumn = -1;
    this.cellType = CellType.Number;
    this.cellStyle = 0;
    let i = from;
    while (i < to) {
      const eq = text.indexOf('=', i);
      if (eq === -1 || eq >= to) return;
      let nameStart = i;
      while (nameStart < eq && isSpace(text.charCodeAt(nameStart))) nameStart++;
      let nameEnd = eq;
      while (nameEnd > nameStart && isSpace(text.charCodeAt(nameEnd - 1))) nameEnd--;
      let q = eq + 1;
      while (q < to && isSpace(text.charCodeAt(q))) q++;
      const quote = text.charCodeAt(q);
      const valueStart = q + 1;
      const valueEnd = text.indexOf(quote === 0x27 ? "'" : '"', valueStart);
      if (valueEnd === -1 || valueEnd >= to) return;
      if (nameEnd - nameStart === 1) {
        const name = text.charCodeAt(nameStart);
        if (name === 0x72 /* r */) this.cellColumn = columnIndex(text, valueStart, valueEnd);
        else if (name === 0x74 /* t */) this.cellType = cellType(text, valueStart, valueEnd);
        else if (name === 0x73 /* s */) this.cellStyle = digits(text, valueStart, valueEnd);
      }
      i = valueEnd + 1;
    }
  }
}

function sheetTags(prefix: string): SheetTags {
  return {
    row: new Tags(prefix, 'row'),
    c: new Tags(prefix, 'c'),
    v: new Tags(prefix, 'v'),
    t: new Tags(prefix, 't'),
    rPh: new Tags(prefix, 'rPh'),
    sheetDataEnd: `</${prefix}sheetData>`,
    simpleValue: `<${prefix}v>`,
    simpleInline: `<${prefix}is><${prefix}t>`,
    simpleInlineEnd: `</${prefix}is></${prefix}c>`,
  };
}

/** A shared-string index; -1 (which SharedStrings.get maps to '') if it is not a number. */
function readIndex(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  const c = text.charCodeAt(i);
  return c >= 0x30 && c <= 0x39 ? digits(text, i, to) : -1;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Zero-based column of a reference such as "AB12", or -1 if it has no letters. */
function columnIndex(text: string, from: number, to: number): number {
  let column = 0;
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i) | 0x20; // lower-case
    if (c < 0x61 || c > 0x7a) break;
    column = column * 26 + (c - 0x60);
  }
  return i === from ? -1 : column - 1;
}

function cellType(text: string, from: number, to: number): CellType {
  const first = text.charCodeAt(from);
  const length = to - from;
  if (length === 1) {
    if (first === 0x73 /* s */) return CellType.Shared;
    if (first === 0x62 /* b */) return CellType.Boolean;
    if (first === 0x65 /* e */) return CellType.Error;
    if (first === 0x64 /* d */) return CellType.Date;
    return CellType.Number;
  }
  if (first === 0x69 /* inlineStr */) return CellType.Inline;
  if (first === 0x73 /* str */) return CellType.FormulaText;
  return CellType.Number;
}

function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) break;
    n = n * 10 + c;
  }
  return n;
}

/** The r attribute of a <row> start tag in text[from, to), or 0 if absent. */
function readRowNumber(text: string, from: number, to: number): number {
  for (let i = text.indexOf('r', from); i !== -1 && i < to; i = text.indexOf('r', i + 1)) {
    if (!isSpace(text.charCodeAt(i - 1))) continue;
    let q = i + 1;
    while (isSpace(text.charCodeAt(q))) q++;
    if (text.charCodeAt(q) !== 0x3d) continue;
    q++;
    while (isSpace(text.charCodeAt(q))) q++;
    return digits(text, q + 1, to);
  }
  return 0;
}
