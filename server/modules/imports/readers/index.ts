import { DomainError, ErrorCode } from '../../../common/errors';
import { readCsvBatches } from './csv-reader';
import type { SheetRow } from './sheet-row';
import type { SheetFormat } from './sniff';
import { readXlsxBatches } from './xlsx-reader';

export { sniffFormat, SNIFF_BYTES, type SheetFormat } from './sniff';
export type { SheetRow } from './sheet-row';

/**
 * Streams the rows of an uploaded sheet (the first visible worksheet of an xlsx, or the CSV): trimmed
 * strings, '' for empty cells, completely empty rows skipped, the header row first. Rows can be
 * shorter than the header when their trailing cells are empty. Throws EMPTY_FILE when the file has
 * no non-empty row at all, UNSUPPORTED_FILE_TYPE when an "xlsx" is not a readable workbook.
 */
export async function* readRows(filePath: string, format: SheetFormat): AsyncGenerator<SheetRow> {
  for await (const batch of readRowBatches(filePath, format)) yield* batch;
}

/**
 * The same rows in batches (one per chunk of the file, typically a few thousand rows). Each await of
 * an async generator costs a few hundred nanoseconds, so a consumer that handles millions of rows,
 * or inserts them in batches anyway, saves a noticeable share of the time this way.
 */
export async function* readRowBatches(filePath: string, format: SheetFormat): AsyncGenerator<SheetRow[]> {
  let empty = true;
  for await (const batch of format === 'xlsx' ? readXlsxBatches(filePath) : readCsvBatches(filePath)) {
    empty = false;
    yield batch;
  }
  if (empty) throw new DomainError(ErrorCode.EMPTY_FILE);
}
