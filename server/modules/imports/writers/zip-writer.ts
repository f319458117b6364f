import { open, rm, type FileHandle } from 'node:fs/promises';
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';

const deflateRawAsync = promisify(deflateRaw) as (data: Buffer, options: object) => Promise<Buffer>;

const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIGNATURE = 0x06054b50;
const VERSION = 20; // 2.0: deflate
const DATA_DESCRIPTOR_FLAG = 0x0008;
const DEFLATED = 8;
const MAX_32 = 0xffffffff;
/**
 * Level 1 deflates spreadsheet XML about four times faster than the default level 6, for files
 * some 15% larger: the better trade for exports that users download once.
 */
const LEVEL = 1;
/** An empty final deflate block: ends a stream built from sync-flushed pieces. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);
/** Compressed batches in flight at once: enough to keep the zlib thread busy, few enough to bound memory. */
const MAX_IN_FLIGHT = 4;
const RESOLVED = Promise.resolve();

interface CentralEntry {
  name: Buffer;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/**
 * Writes a zip file front to back with bounded memory. Work is queued in order on one promise chain,
 * so callers only wait when the queue is full. No Zip64: an entry or the file must stay below 4 GiB.
 */
export class ZipWriter {
  private readonly file: Promise<FileHandle>;
  private tail: Promise<void>;
  private offset = 0;
  private readonly entries: CentralEntry[] = [];
  private readonly dosTime: number;
  private readonly dosDate: number;

  constructor(private readonly filePath: string) {
    this.file = open(filePath, 'w');
    this.tail = this.file.then(() => undefined);
    this.tail.catch(() => undefined);
    const now = new Date();
    this.dosTime = (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1);
    this.dosDate = ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  }

  /** Adds a small entry, compressed at once so its sizes go in the local header. */
  addFile(name: string, content: string): void {
    const data = Buffer.from(content, 'utf8');
    const entry = { name: Buffer.from(name), flags: 0, crc: crc32(data), size: data.length, compressedSize: 0, offset: 0 };
    const compressed = deflateRawSync(data, { level: LEVEL });
    entry.compressedSize = compressed.length;
    this.enqueue(() => {
      entry.offset = this.offset;
      return Buffer.concat([this.localHeader(entry), compressed]);
    });
    this.entries.push(entry);
  }

  /** Starts an entry whose content is streamed; its sizes follow it in a data descriptor. */
  beginEntry(name: string): ZipEntryStream {
    const entry = { name: Buffer.from(name), flags: DATA_DESCRIPTOR_FLAG, crc: 0, size: 0, compressedSize: 0, offset: 0 };
    this.enqueue(() => {
      entry.offset = this.offset;
      return this.localHeader(entry);
    });
    this.entries.push(entry);
    return new ZipEntryStream(this, entry);
  }

  /** Writes the central directory and closes the file; rejects with the first write error, if any. */
  async finish(): Promise<void> {
    this.enqueue(() => this.centralDirectory());
    await this.tail;
    await (await this.file).close();
  }

  /** Stops writing and deletes the partial file. */
  async abort(): Promise<void> {
    await this.tail.catch(() => undefined);
    await (await this.file.catch(() => undefined))?.close();
    await rm(this.filePath, { force: true });
  }

  /** Queues bytes (produced when their turn comes) for writing; settles once they are written. */
  enqueue(produce: () => Buffer | Promise<Buffer>): Promise<void> {
    const written = this.tail.then(async () => {
      const bytes = await produce();
      const file = await this.file;
      await file.write(bytes);
      this.offset += bytes.length;
      if (this.offset > MAX_32) throw new Error('The zip file would exceed 4 GiB, which needs Zip64.');
    });
    // Failures surface through finish() or the caller awaiting this write, never as unhandled rejections.
    written.catch(() => undefined);
    this.tail = written;
    return written;
  }

  private localHeader(entry: CentralEntry): Buffer {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_SIGNATURE, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(entry.flags, 6);
    header.writeUInt16LE(DEFLATED, 8);
    header.writeUInt16LE(this.dosTime, 10);
    header.writeUInt16LE(this.dosDate, 12);
    // With a data descriptor, CRC and sizes stay zero here.
    if ((entry.flags & DATA_DESCRIPTOR_FLAG) === 0) {
      header.writeUInt32LE(entry.crc, 14);
      header.writeUInt32LE(entry.compressedSize, 18);
      header.writeUInt32LE(entry.size, 22);
    }
    header.writeUInt16LE(entry.name.length, 26);
    return Buffer.concat([header, entry.name]);
  }

  private centralDirectory(): Buffer {
    const parts: Buffer[] = [];
    for (const entry of this.entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_SIGNATURE, 0);
      header.writeUInt16LE(VERSION, 4);
      header.writeUInt16LE(VERSION, 6);
      header.writeUInt16LE(entry.flags, 8);
      header.writeUInt16LE(DEFLATED, 10);
      header.writeUInt16LE(this.dosTime, 12);
      header.writeUInt16LE(this.dosDate, 14);
      header.writeUInt32LE(entry.crc, 16);
      header.writeUInt32LE(entry.compressedSize, 20);
      header.writeUInt32LE(entry.size, 24);
      header.writeUInt16LE(entry.name.length, 28);
      header.writeUInt32LE(entry.offset, 42);
      parts.push(header, entry.name);
    }
    const directory = Buffer.concat(parts);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(EOCD_SIGNATURE, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([directory, end]);
  }
}

/**
 * The content of one streamed entry. Each write is deflated on its own in the zlib thread pool,
 * in parallel with the caller building the next batch, and flushed to a byte boundary
 * (Z_SYNC_FLUSH) so the pieces concatenate into one valid deflate stream.
 */
export class ZipEntryStream {
  private readonly inFlight: Promise<void>[] = [];

  constructor(
    private readonly zip: ZipWriter,
    private readonly entry: CentralEntry,
  ) {}

  /** Queues data; the promise resolves at once unless MAX_IN_FLIGHT batches are still pending. */
  write(data: Buffer): Promise<void> {
    this.entry.crc = crc32(data, this.entry.crc);
    this.entry.size += data.length;
    if (this.entry.size > MAX_32) throw new Error('A zip entry would exceed 4 GiB, which needs Zip64.');
    // One output buffer per batch (XML deflates to about a tenth) instead of zlib's 16 KiB pieces.
    const compressed = deflateRawAsync(data, { level: LEVEL, finishFlush: constants.Z_SYNC_FLUSH, chunkSize: 256 << 10 });
    // Attach a handler now: the rejection is reported through the write queue, not here.
    compressed.catch(() => undefined);
    this.inFlight.push(
      this.zip.enqueue(async () => {
        const bytes = await compressed;
        this.entry.compressedSize += bytes.length;
        return bytes;
      }),
    );
    return this.inFlight.length > MAX_IN_FLIGHT ? this.inFlight.shift()! : RESOLVED;
  }

  /** Ends the deflate stream and writes the data descriptor. */
  end(): void {
    this.zip.enqueue(() => {
      this.entry.compressedSize += FINAL_BLOCK.length;
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(DESCRIPTOR_SIGNATURE, 0);
      descriptor.writeUInt32LE(this.entry.crc, 4);
      descriptor.writeUInt32LE(this.entry.compressedSize, 8);
      descriptor.writeUInt32LE(this.entry.size, 12);
      return Buffer.concat([FINAL_BLOCK, descriptor]);
    });
  }
}
