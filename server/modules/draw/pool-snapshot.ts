import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { EntityManager } from 'typeorm';
import type { Exclusion, PoolEntry } from '../task/pool-builder';
import { DrawPoolChunk, PoolChunkKind } from './draw.entity';

/**
 * The stored snapshot of a draw's pools: per segment, the canonical list of "publicId<TAB>targetId"
 * lines, and the exclusions as "publicId<TAB>targetId<TAB>reason" lines — deflated and base64'd, cut
 * into pieces that fit a TEXT column on every database (MariaDB's holds 64 KB).
 */
const CHUNK_CHARS = 60000;
const ROWS_PER_INSERT = 50;

type ChunkRow = Pick<DrawPoolChunk, 'drawId' | 'segmentPosition' | 'kind' | 'chunkNo' | 'data'>;

function pack(drawId: number, segmentPosition: number, kind: PoolChunkKind, text: Buffer): ChunkRow[] {
  const packed = deflateRawSync(text, { level: 1 }).toString('base64');
  const rows: ChunkRow[] = [];
  for (let at = 0, chunkNo = 0; at < packed.length || chunkNo === 0; at += CHUNK_CHARS, chunkNo++) {
    rows.push({ drawId, segmentPosition, kind, chunkNo, data: packed.slice(at, at + CHUNK_CHARS) });
  }
  return rows;
}

const TAB = 0x09;
const NEWLINE_BYTE = 0x0a;

/**
 * The pool's "publicId<TAB>targetId" lines written straight into one buffer: building a million
 * template strings and joining them costs more than compressing the result. Public ids are ASCII.
 */
function poolText(entries: readonly PoolEntry[]): Buffer {
  let size = 0;
  for (const e of entries) size += e.publicId.length + 12;
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  const digits = new Uint8Array(16);
  for (let i = 0; i < entries.length; i++) {
    const { publicId, targetId } = entries[i];
    if (i) out[at++] = NEWLINE_BYTE;
    for (let k = 0; k < publicId.length; k++) out[at++] = publicId.charCodeAt(k);
    out[at++] = TAB;
    let n = targetId, count = 0;
    do { digits[count++] = 48 + (n % 10); n = Math.floor(n / 10); } while (n > 0);
    while (count) out[at++] = digits[--count];
  }
  return out.subarray(0, at);
}

/** A segment's pool and exclusions, compressed into the rows that store them (CPU only: see `storeChunks`). */
export function packPool(drawId: number, segmentPosition: number, entries: PoolEntry[], excluded: Exclusion[]): ChunkRow[] {
  return [
    ...pack(drawId, segmentPosition, PoolChunkKind.POOL, poolText(entries)),
    ...pack(drawId, segmentPosition, PoolChunkKind.EXCLUDED, Buffer.from(excluded.map((e) => `${e.publicId}\t${e.targetId}\t${e.reason}`).join('\n'))),
  ];
}

export async function storeChunks(em: EntityManager, rows: ChunkRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await em.getRepository(DrawPoolChunk).insert(rows.slice(i, i + ROWS_PER_INSERT));
}

/** The stored pieces of one kind, inflated per segment: the raw text of its lines. */
async function loadText(em: EntityManager, drawId: number, kind: PoolChunkKind): Promise<Map<number, Buffer>> {
  const rows = await em.getRepository(DrawPoolChunk).find({ where: { drawId, kind }, order: { segmentPosition: 'ASC', chunkNo: 'ASC' } });
  const packed = new Map<number, string[]>();
  for (const row of rows) (packed.get(row.segmentPosition) ?? packed.set(row.segmentPosition, []).get(row.segmentPosition)!).push(row.data);
  return new Map([...packed].map(([position, pieces]) => [position, inflateRawSync(Buffer.from(pieces.join(''), 'base64'))]));
}

async function loadLines(em: EntityManager, drawId: number, kind: PoolChunkKind): Promise<Map<number, string[]>> {
  const texts = await loadText(em, drawId, kind);
  return new Map([...texts].map(([position, text]) => [position, text.length ? text.toString().split('\n') : []]));
}

const NEWLINE = 0x0a;

/**
 * A segment's stored pool, read by position without turning every line into a string: a draw needs
 * a few thousand of a million lines, and splitting them all costs more than the draw itself.
 */
export class PoolLines {
  private readonly starts: Uint32Array;

  constructor(private readonly text: Buffer) {
    let lines = text.length ? 1 : 0;
    for (let at = text.indexOf(NEWLINE); at !== -1; at = text.indexOf(NEWLINE, at + 1)) lines++;
    this.starts = new Uint32Array(lines + 1);
    let line = 1;
    for (let at = text.indexOf(NEWLINE); at !== -1; at = text.indexOf(NEWLINE, at + 1)) this.starts[line++] = at + 1;
    this.starts[lines] = text.length + 1;
  }

  get size(): number {
    return this.starts.length - 1;
  }

  /** Member `index` of the canonical pool. */
  entry(index: number): { publicId: string; targetId: number } {
    return parsePoolLine(this.text.toString('latin1', this.starts[index], this.starts[index + 1] - 1));
  }
}

/** One segment's pool as stored, canonical order, for reading members by position. */
export async function loadSegmentPool(em: EntityManager, drawId: number, segmentPosition: number): Promise<PoolLines> {
  const rows = await em.getRepository(DrawPoolChunk).find({ where: { drawId, segmentPosition, kind: PoolChunkKind.POOL }, order: { chunkNo: 'ASC' }, select: { chunkNo: true, data: true } });
  return new PoolLines(inflateRawSync(Buffer.from(rows.map((row) => row.data).join(''), 'base64')));
}

export function parsePoolLine(line: string): { publicId: string; targetId: number } {
  const tab = line.indexOf('\t');
  return { publicId: line.slice(0, tab), targetId: Number(line.slice(tab + 1)) };
}

export async function loadPools(em: EntityManager, drawId: number): Promise<Map<number, { publicId: string; targetId: number }[]>> {
  const raw = await loadLines(em, drawId, PoolChunkKind.POOL);
  return new Map([...raw].map(([position, lines]) => [position, lines.map(parsePoolLine)]));
}

export async function loadExclusions(em: EntityManager, drawId: number): Promise<Map<number, { publicId: string; reason: string }[]>> {
  const raw = await loadLines(em, drawId, PoolChunkKind.EXCLUDED);
  return new Map([...raw].map(([position, lines]) => [position, lines.map((line) => {
    const [publicId, , reason] = line.split('\t');
    return { publicId, reason };
  })]));
}
