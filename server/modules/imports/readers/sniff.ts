import { DomainError, ErrorCode } from '../../../common/errors';

export type SheetFormat = 'csv' | 'xlsx';

/** How many leading bytes callers should pass to sniffFormat; more are ignored. */
export const SNIFF_BYTES = 8 * 1024;

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];

/**
 * Formats that users upload by mistake. Listed explicitly because some of them (PDF, HTML saved as
 * ".xls" by old government systems) are text and would otherwise pass as CSV.
 */
const REJECTED_MAGIC: readonly (readonly number[])[] = [
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE2: legacy .xls/.doc, and password-protected .xlsx
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x52, 0x61, 0x72, 0x21], // Rar!
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x1f, 0x8b], // gzip
  [0xff, 0xfe], // UTF-16LE BOM: Excel's "Unicode text" is tab-separated UTF-16, not CSV
  [0xfe, 0xff], // UTF-16BE BOM
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // {\rtf
];

/** Text extensions we accept for CSV content; a text file named .xls/.xlsx/.pdf is a disguised export. */
const TEXT_EXTENSIONS = new Set(['csv', 'txt']);

/**
 * Decides the format from the first bytes (up to SNIFF_BYTES) and the uploaded file name.
 * Zip content is xlsx whatever its name (readRows later rejects zips without a workbook); text is CSV
 * when the name, if any, has a text extension. Everything else is UNSUPPORTED_FILE_TYPE; an empty
 * file is EMPTY_FILE.
 */
export function sniffFormat(head: Buffer, fileName?: string): SheetFormat {
  const sample = head.subarray(0, SNIFF_BYTES);
  if (sample.length === 0) throw new DomainError(ErrorCode.EMPTY_FILE);
  if (startsWith(sample, ZIP_LOCAL_HEADER)) return 'xlsx';
  if (REJECTED_MAGIC.some((magic) => startsWith(sample, magic))) throw unsupported();
  if (!hasTextExtension(fileName) || !looksLikeText(sample) || looksLikeMarkup(sample)) throw unsupported();
  return 'csv';
}

function unsupported(): DomainError {
  return new DomainError(ErrorCode.UNSUPPORTED_FILE_TYPE);
}

function startsWith(bytes: Buffer, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

function hasTextExtension(fileName: string | undefined): boolean {
  if (fileName === undefined) return true;
  const dot = fileName.lastIndexOf('.');
  // A name without an extension says nothing about the content, so let the content decide.
  return dot < 0 || TEXT_EXTENSIONS.has(fileName.slice(dot + 1).toLowerCase());
}

/** Text means: no NUL, almost no control characters, and decodable as UTF-8 or GB18030. */
function looksLikeText(sample: Buffer): boolean {
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return false;
    // Tab, LF, VT, FF, CR and ESC occur in real text files; other C0 controls mean binary data.
    if (b < 0x20 && (b < 0x09 || b > 0x0d) && b !== 0x1b) controls++;
  }
  if (controls * 100 > sample.length) return false;
  return decodes('utf-8', sample) || decodes('gb18030', sample);
}

function decodes(encoding: string, sample: Buffer): boolean {
  try {
    // stream:true tolerates a multi-byte character cut off at the end of the sample.
    new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** HTML or XML (e.g. an "Excel" export that is really an HTML table, or SpreadsheetML 2003). */
function looksLikeMarkup(sample: Buffer): boolean {
  const text = sample.subarray(0, 512).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart();
  return /^<(?:!doctype|html|\?xml|table|head|body|meta)\b/i.test(text);
}
