import { DomainError, ErrorCode } from '../../../common/errors';
import { detach } from './sheet-row';
import { collectText, elementPrefix, endsName, Tags, textValue } from './xlsx-xml';

/**
 * Characters per pooled string. Small segments are joined soon after their parts are parsed, so the
 * parts die young instead of piling up in the old generation; and offsets fit in 16 bits.
 */
const SEGMENT_CHARS = 1 << 16;
/** Excel caps a cell at 32,767 characters; the 16-bit length field holds up to 65,535 (longer texts are cut). */
const MAX_TEXT_CHARS = 0xffff;
/** One entry's XML; far above any real entry, it bounds memory when a file is damaged. */
const MAX_ENTRY_BYTES = 64 << 20;
/**
 * Bounds on the table, about twice what a 1,048,576-row × 15-column directory needs (some 65 M
 * characters for unique codes, names, addresses and phone numbers). A small upload can inflate to
 * far more (a zip bomb); past these the table would not fit the import's memory budget.
 */
const MAX_ENTRIES = 1 << 24;
const MAX_TOTAL_CHARS = 128 << 20;
const TWO_BYTE_POOL = 0x8000;
const NON_LATIN1 = /[^\u0000-\u00ff]/;

/**
 * The shared-string table, stored compactly: Excel writes every distinct text of a sheet here, so
 * a 1,000,000-row target directory holds millions of entries (names, addresses, credit codes).
 * As separate JS strings each would cost a 16-byte header plus an 8-byte pointer, and millions of
 * objects slow every garbage collection. Instead the texts are concatenated into segments, with
 * Latin-1 texts (codes, numbers) kept apart from Chinese ones because V8 stores a string with any
 * non-Latin-1 character at two bytes per character; an entry costs 6 bytes of index.
 * (15-bit segment numbers allow 2 Gi characters per pool, beyond what the V8 heap holds anyway.)
 */
export class SharedStrings {
  private readonly pools: [StringPool, StringPool] = [new StringPool(), new StringPool()];
  private segment: Uint16Array = new Uint16Array(1024);
  private start: Uint16Array = new Uint16Array(1024);
  private length: Uint16Array = new Uint16Array(1024);
  private count = 0;
  private totalChars = 0;

  add(text: string): void {
    this.totalChars += text.length;
    if (this.count === MAX_ENTRIES || this.totalChars > MAX_TOTAL_CHARS) throw tooLarge();
    if (this.count === this.start.length) this.grow();
    const stored = text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text;
    const twoByte = NON_LATIN1.test(stored);
    const pool = this.pools[twoByte ? 1 : 0];
    pool.makeRoom(stored.length);
    this.segment[this.count] = pool.segments.length | (twoByte ? TWO_BYTE_POOL : 0);
    this.start[this.count] = pool.offset;
    this.length[this.count] = stored.length;
    pool.append(stored);
    this.count++;
  }

  /** Called once all strings are added, before the first get. */
  seal(): void {
    this.pools[0].seal();
    this.pools[1].seal();
  }

  /** The string at index, or '' for an index the table does not have (a damaged file). */
  get(index: number): string {
    if (!(index >= 0 && index < this.count)) return '';
    const segment = this.segment[index];
    const text = this.pools[segment & TWO_BYTE_POOL ? 1 : 0].segments[segment & ~TWO_BYTE_POOL];
    const start = this.start[index];
    return detach(text.slice(start, start + this.length[index]));
  }

  private grow(): void {
    const size = this.start.length * 2;
    this.segment = copyInto(new Uint16Array(size), this.segment);
    this.start = copyInto(new Uint16Array(size), this.start);
    this.length = copyInto(new Uint16Array(size), this.length);
  }
}

function tooLarge(): DomainError {
  return new DomainError(ErrorCode.BAD_REQUEST, {
    reason: '工作簿的共享字符串表过大，请将工作表另存为 CSV 后导入 (the shared-string table is too large; save the sheet as CSV and import that)',
  });
}

function copyInto(target: Uint16Array, source: Uint16Array): Uint16Array {
  target.set(source);
  return target;
}

class StringPool {
  readonly segments: string[] = [];
  /** Where the next text starts in the segment being built, which will be segments[segments.length]. */
  offset = 0;
  private parts: string[] = [];

  /** Starts a new segment if text would not fit in the current one. */
  makeRoom(length: number): void {
    if (this.offset + length > SEGMENT_CHARS) this.seal();
  }

  append(text: string): void {
    this.parts.push(text);
    this.offset += text.length;
  }

  seal(): void {
    if (this.parts.length === 0) return;
    this.segments.push(this.parts.join(''));
    this.parts = [];
    this.offset = 0;
  }
}

/** Parses sharedStrings.xml (<sst><si>…</si>…</sst>) chunk by chunk; each entry is trimmed once here. */
export async function readSharedStrings(chunks: AsyncIterable<Buffer>): Promise<SharedStrings> {
  const table = new SharedStrings();
  let pending: Buffer = Buffer.alloc(0);
  let tags: { si: Tags; t: Tags; rPh: Tags; simple: string } | undefined;
  for await (const chunk of chunks) {
    const bytes = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    const text = bytes.toString('latin1');
    if (tags === undefined) {
      const prefix = elementPrefix(text, 'sst');
      tags = { si: new Tags(prefix, 'si'), t: new Tags(prefix, 't'), rPh: new Tags(prefix, 'rPh'), simple: `<${prefix}t>` };
    }
    pending = bytes.subarray(scanEntries(table, bytes, text, tags));
    if (pending.length > MAX_ENTRY_BYTES) throw new DomainError(ErrorCode.UNSUPPORTED_FILE_TYPE);
  }
  table.seal();
  return table;
}

/** Adds the complete <si> entries in text to the table; returns where the first incomplete one starts. */
function scanEntries(table: SharedStrings, bytes: Buffer, text: string, tags: { si: Tags; t: Tags; rPh: Tags; simple: string }): number {
  const { si, t, rPh, simple } = tags;
  let pos = 0;
  for (;;) {
    const open = text.indexOf(si.open, pos);
    if (open === -1) return Math.max(pos, text.length - si.open.length);
    if (open + si.open.length >= text.length) return open;
    if (!endsName(text, open + si.open.length)) {
      pos = open + 1;
      continue;
    }
    const gt = text.indexOf('>', open);
    if (gt === -1) return open;
    if (text.charCodeAt(gt - 1) === 0x2f) {
      table.add('');
      pos = gt + 1;
      continue;
    }
    // Nearly every entry is <si><t>plain text</t></si>; rich text and phonetics take the general path.
    if (text.startsWith(simple, gt + 1)) {
      const close = text.indexOf(t.close, gt);
      if (close === -1) return open;
      const end = close + t.close.length;
      if (text.startsWith(si.close, end)) {
        table.add(textValue(bytes, text, gt + 1 + simple.length, close));
        pos = end + si.close.length;
        continue;
      }
    }
    const close = text.indexOf(si.close, gt);
    if (close === -1) return open;
    table.add(collectText(bytes, text, gt + 1, close, t, rPh));
    pos = close + si.close.length;
  }
}
