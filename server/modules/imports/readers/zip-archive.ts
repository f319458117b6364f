import { open, type FileHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { pipeline, type Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { DomainError, ErrorCode } from '../../../common/errors';

interface ZipEntry {
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
/** An xlsx has a few dozen parts; a bigger directory means this is not a spreadsheet. */
const MAX_CENTRAL_DIRECTORY_BYTES = 16 << 20;
/**
 * zlib inflates in 256 KiB pieces: each piece is a round trip to the thread pool, and 64 KiB pieces
 * made inflating a third slower (bigger ones save little more and raise peak RSS). Consumers get
 * 64 KiB slices of them, so the Latin-1 strings they make stay under 128 KiB and are allocated in
 * V8's young generation; larger strings go to the large-object space, which measured several
 * times slower.
 */
const INFLATE_BYTES = 256 << 10;
const CHUNK_BYTES = 64 << 10;
/** Bound on a part read whole (workbook, relationships, styles), against a damaged or hostile file. */
const MAX_TEXT_BYTES = 64 << 20;
const STORED = 0;
const DEFLATED = 8;
const ENCRYPTED_FLAG = 1;

/**
 * Random access to a zip file through its central directory. xlsx writers order parts freely (some
 * put sharedStrings.xml after the sheets), so a forward-only unzip stream cannot be used.
 * Anything that is not a readable zip is reported as UNSUPPORTED_FILE_TYPE.
 */
export class ZipArchive {
  private constructor(
    private readonly filePath: string,
    private readonly entries: Map<string, ZipEntry>,
  ) {}

  static async open(filePath: string): Promise<ZipArchive> {
    const file = await open(filePath, 'r');
    try {
      return new ZipArchive(filePath, await readCentralDirectory(file));
    } finally {
      await file.close();
    }
  }

  /** Part names are matched case-insensitively, as Excel does. */
  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** The entry's uncompressed bytes in chunks of up to 64 KiB. Corrupt or truncated data is UNSUPPORTED_FILE_TYPE. */
  async *chunks(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name.toLowerCase());
    if (entry === undefined) throw unsupported();
    // createReadStream's end is inclusive, so an empty entry needs its own case.
    if (entry.compressedSize === 0) return;
    const start = await this.dataOffset(entry);
    const raw = createReadStream(this.filePath, { start, end: start + entry.compressedSize - 1, highWaterMark: INFLATE_BYTES });
    let content: Readable = raw;
    if (entry.method === DEFLATED) {
      const inflate = createInflateRaw({ chunkSize: INFLATE_BYTES });
      // Errors from either stream reach the loop below through the inflate stream, which pipeline destroys.
      pipeline(raw, inflate, () => undefined);
      content = inflate;
    }
    try {
      for await (const piece of content) {
        const bytes = piece as Buffer;
        for (let at = 0; at < bytes.length; at += CHUNK_BYTES) yield bytes.subarray(at, at + CHUNK_BYTES);
      }
    } catch (error) {
      throw isZlibError(error) ? unsupported() : error;
    }
  }

  /** Reads a small part (workbook, relationships, styles) whole. */
  async text(name: string): Promise<string> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of this.chunks(name)) {
      size += chunk.length;
      if (size > MAX_TEXT_BYTES) throw unsupported();
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private async dataOffset(entry: ZipEntry): Promise<number> {
    const file = await open(this.filePath, 'r');
    try {
      const header = await readAt(file, entry.localHeaderOffset, 30);
      if (header.readUInt32LE(0) !== LOCAL_SIGNATURE) throw unsupported();
      return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    } finally {
      await file.close();
    }
  }
}

async function readCentralDirectory(file: FileHandle): Promise<Map<string, ZipEntry>> {
  const { size } = await file.stat();
  const tailLength = Math.min(size, EOCD_MIN + MAX_COMMENT);
  const tail = await readAt(file, size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unsupported();

  let count = tail.readUInt16LE(eocd + 10);
  let directorySize = tail.readUInt32LE(eocd + 12);
  let directoryOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locatorAt = eocd - 20;
    if (locatorAt < 0 || tail.readUInt32LE(locatorAt) !== ZIP64_LOCATOR_SIGNATURE) throw unsupported();
    const zip64 = await readAt(file, Number(tail.readBigUInt64LE(locatorAt + 8)), 56);
    if (zip64.readUInt32LE(0) !== ZIP64_EOCD_SIGNATURE) throw unsupported();
    count = Number(zip64.readBigUInt64LE(32));
    directorySize = Number(zip64.readBigUInt64LE(40));
    directoryOffset = Number(zip64.readBigUInt64LE(48));
  }
  if (directorySize > MAX_CENTRAL_DIRECTORY_BYTES || directoryOffset + directorySize > size) throw unsupported();

  const directory = await readAt(file, directoryOffset, directorySize);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL_SIGNATURE) throw unsupported();
    const flags = directory.readUInt16LE(p + 8);
    const method = directory.readUInt16LE(p + 10);
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    const name = directory.toString('utf8', p + 46, p + 46 + nameLength);
    const sizes = {
      uncompressed: directory.readUInt32LE(p + 24),
      compressed: directory.readUInt32LE(p + 20),
      offset: directory.readUInt32LE(p + 42),
    };
    readZip64Extra(directory.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), sizes);
    if ((flags & ENCRYPTED_FLAG) === 0 && (method === STORED || method === DEFLATED)) {
      // Some Windows tools write backslashes; part names are case-insensitive in OPC.
      entries.set(name.replace(/\\/g, '/').toLowerCase(), {
        method,
        compressedSize: sizes.compressed,
        localHeaderOffset: sizes.offset,
      });
    }
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Zip64 moves sizes and offsets that overflow 32 bits into extra field 0x0001, in this order. */
function readZip64Extra(extra: Buffer, sizes: { uncompressed: number; compressed: number; offset: number }): void {
  for (let q = 0; q + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(q);
    const length = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      for (const key of ['uncompressed', 'compressed', 'offset'] as const) {
        if (sizes[key] === 0xffffffff && r + 8 <= q + 4 + length) {
          sizes[key] = Number(extra.readBigUInt64LE(r));
          r += 8;
        }
      }
      return;
    }
    q += 4 + length;
  }
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead !== length) throw unsupported();
  return buffer;
}

function isZlibError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}

function unsupported(): DomainError {
  return new DomainError(ErrorCode.UNSUPPORTED_FILE_TYPE);
}
