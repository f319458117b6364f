import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { CellValue } from './xlsx-writer';

const BATCH_BYTES = 1 << 20;
const RESOLVED = Promise.resolve();
/** Without a BOM, Excel on Chinese Windows reads a CSV as GBK and garbles UTF-8 text. */
const UTF8_BOM = '\ufeff';
const NEEDS_QUOTES = /[",\r\n]/;
/**
 * Cells Excel would run as formulas when the CSV is opened (CSV injection). Targets' names come from
 * other agencies' files, so exported text is neutralised with a leading apostrophe, unless it is
 * just a number like -5 or +86.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER_LIKE = /^[+-]?\d[\d.,]*$/;

/**
 * Streams rows to a UTF-8 CSV (with BOM, CRLF line ends, RFC 4180 quoting). Await addRow: it
 * resolves at once except when the disk is behind, which keeps memory bounded.
 */
export class CsvWriter {
  private readonly out: WriteStream;
  private batch = UTF8_BOM;
  private failure: Error | undefined;

  private constructor(private readonly filePath: string) {
    this.out = createWriteStream(filePath);
    // Kept until the next call reports it; without a listener a write error would crash the process.
    this.out.on('error', (error) => (this.failure ??= error));
  }

  /** Takes a sheet name only to match XlsxWriter.create, so callers can pick either writer; CSV has no sheets. */
  static create(filePath: string, _sheetName?: string): CsvWriter {
    return new CsvWriter(filePath);
  }

  addRow(cells: readonly CellValue[]): Promise<void> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    let line = '';
    for (let i = 0; i < cells.length; i++) {
      if (i > 0) line += ',';
      const value = cells[i];
      if (value !== null) line += typeof value === 'number' ? String(value) : csvField(value);
    }
    this.batch += line + '\r\n';
    // String length counts UTF-16 units; a Chinese character is 3 bytes, so this flushes around 1-3 MiB.
    return this.batch.length >= BATCH_BYTES ? this.flush() : RESOLVED;
  }

  /** Completes the file; the writer cannot be used afterwards. */
  async finish(): Promise<void> {
    await this.flush();
    this.out.end();
    await finished(this.out);
  }

  /** Stops writing and deletes the partial file. */
  async abort(): Promise<void> {
    this.out.destroy();
    await finished(this.out).catch(() => undefined);
    await rm(this.filePath, { force: true });
  }

  private async flush(): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    const ok = this.out.write(this.batch);
    this.batch = '';
    if (!ok) await once(this.out, 'drain');
  }
}

function csvField(text: string): string {
  const safe = FORMULA_START.test(text) && !NUMBER_LIKE.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
