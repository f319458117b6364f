import { ZipWriter, type ZipEntryStream } from './zip-writer';

export type CellValue = string | number | null;

/** Excel's sheet limits; a bigger sheet would not open. */
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
/** XML is encoded into buffers of this size, each deflated as one piece. */
const BATCH_BYTES = 1 << 20;
const RESOLVED = Promise.resolve();

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const CONTENT_TYPES =
  `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '</Types>';

const PACKAGE_RELS =
  `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>';

const WORKBOOK_RELS =
  `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/>` +
  '</Relationships>';

/** Style 0 is the default; style 1 (bold) is used for the header row. 宋体 11 is what Chinese Excel expects. */
const STYLES =
  `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>' +
  '<font><b/><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** The header row stays visible while scrolling, and columns are wide enough for Chinese names. */
const SHEET_START =
  `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
  '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
  '<sheetFormatPr defaultColWidth="20" defaultRowHeight="15"/><sheetData>';
const SHEET_END = '</sheetData></worksheet>';

/**
 * Streams one worksheet to an xlsx file with constant memory: strings are written inline (no shared
 * string table to hold), rows are encoded into 1 MiB batches, and each batch is deflated in the
 * zlib thread pool while the next one is built. The first row is the header: bold and frozen.
 *
 * Await addRow: it resolves at once except when compression is behind, which is how memory stays
 * bounded. Cell strings are written as text (never as formulas); numbers as numbers; null leaves
 * the cell empty.
 */
export class XlsxWriter {
  private readonly sheet: ZipEntryStream;
  private batch = Buffer.allocUnsafe(BATCH_BYTES);
  private used = 0;
  private rowNumber = 0;

  private constructor(private readonly zip: ZipWriter) {
    this.sheet = zip.beginEntry('xl/worksheets/sheet1.xml');
    this.append(SHEET_START);
  }

  static create(filePath: string, sheetName: string): XlsxWriter {
    const zip = new ZipWriter(filePath);
    // The small parts go first: forward-only readers (exceljs's streaming reader among them)
    // expect the workbook and styles before the sheet.
    zip.addFile('[Content_Types].xml', CONTENT_TYPES);
    zip.addFile('_rels/.rels', PACKAGE_RELS);
    zip.addFile('xl/workbook.xml', workbookXml(sheetName));
    zip.addFile('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
    zip.addFile('xl/styles.xml', STYLES);
    return new XlsxWriter(zip);
  }

  addRow(cells: readonly CellValue[]): Promise<void> {
    if (this.rowNumber === MAX_ROWS) throw new Error(`An xlsx sheet holds at most ${MAX_ROWS} rows.`);
    if (cells.length > MAX_COLUMNS) throw new Error(`An xlsx sheet holds at most ${MAX_COLUMNS} columns.`);
    const r = ++this.rowNumber;
    const style = r === 1 ? ' s="1"' : '';
    let xml = `<row r="${r}">`;
    for (let i = 0; i < cells.length; i++) {
      const value = cells[i];
      if (value === null || value === '') continue;
      const ref = columnName(i) + r;
      if (typeof value === 'number' && Number.isFinite(value)) {
        xml += `<c r="${ref}"${style}><v>${value}</v></c>`;
      } else {
        const text = String(value);
        const space = needsPreserve(text) ? ' xml:space="preserve"' : '';
        xml += `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${escapeText(text)}</t></is></c>`;
      }
    }
    return this.append(xml + '</row>');
  }

  /** Completes the file; the writer cannot be used afterwards. */
  async finish(): Promise<void> {
    await this.append(SHEET_END);
    this.flush();
    this.sheet.end();
    await this.zip.finish();
  }

  /** Stops writing and deletes the partial file, e.g. when the export query fails. */
  abort(): Promise<void> {
    return this.zip.abort();
  }

  private append(xml: string): Promise<void> {
    // Worst case is three UTF-8 bytes per UTF-16 unit.
    if (this.used + xml.length * 3 > this.batch.length) {
      const written = this.flush();
      this.batch = Buffer.allocUnsafe(Math.max(BATCH_BYTES, xml.length * 3));
      this.used = this.batch.write(xml, 0);
      return written;
    }
    this.used += this.batch.write(xml, this.used);
    return RESOLVED;
  }

  /** Hands the current batch to the compressor; the buffer then belongs to it. */
  private flush(): Promise<void> {
    if (this.used === 0) return RESOLVED;
    const written = this.sheet.write(this.batch.subarray(0, this.used));
    this.used = 0;
    return written;
  }
}

function workbookXml(sheetName: string): string {
  return (
    `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheets><sheet name="${escapeAttribute(validSheetName(sheetName))}" sheetId="1" r:id="rId1"/></sheets>` +
    '</workbook>'
  );
}

/** Excel refuses names longer than 31 characters, with []:*?/\ in them, or quoted at either end. */
function validSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31);
  return cleaned.trim() === '' ? 'Sheet1' : cleaned;
}

const columnNames: string[] = [];

/** Zero-based column index to its letters (0 → A, 26 → AA), cached since every row repeats them. */
function columnName(index: number): string {
  let name = columnNames[index];
  if (name === undefined) {
    name = '';
    for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    columnNames[index] = name;
  }
  return name;
}

function needsPreserve(text: string): boolean {
  return text.charCodeAt(0) <= 0x20 || text.charCodeAt(text.length - 1) <= 0x20;
}

/**
 * Characters XML text cannot hold as they are: markup, control characters (which Excel writes as
 * _xHHHH_) and text that already looks like such an escape (protected with _x005F_).
 */
const NEEDS_ESCAPE = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9a-fA-F]{4}_/;
const ESCAPES = /[&<>\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)/g;

function escapeText(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPES, escapeChar) : text;
}

function escapeChar(c: string): string {
  switch (c) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    default:
      return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
  }
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
