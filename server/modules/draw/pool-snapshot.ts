import { EntityManager } from 'typeorm';
import type { Exclusion, PoolEntry } from '../task/pool-builder';
import { DrawPoolChunk, PoolChunkKind } from './draw.entity';

/** Each chunk stays well inside MariaDB's 64 KB TEXT (in bytes, and Chinese takes 3 per character). */
const CHUNK_BYTES = 60000;
const ROWS_PER_INSERT = 100;

function* chunks(lines: Iterable<string>): Generator<string> {
  let current: string[] = [];
  let bytes = 0;
  for (const line of lines) {
    const size = Buffer.byteLength(line) + 1;
    if (bytes + size > CHUNK_BYTES && current.length) { yield current.join('\n'); current = []; bytes = 0; }
    current.push(line);
    bytes += size;
  }
  if (current.length) yield current.join('\n');
}

async function store(em: EntityManager, drawId: number, segmentPosition: number, kind: PoolChunkKind, lines: Iterable<string>) {
  const rows = [...chunks(lines)].map((data, chunkNo) => ({ drawId, segmentPosition, kind, chunkNo, data }));
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await em.getRepository(DrawPoolChunk).insert(rows.slice(i, i + ROWS_PER_INSERT));
}

/** Stores a segment's pool ("publicId<TAB>targetId", canonical order) and its exclusions ("publicId<TAB>targetId<TAB>reason"). */
export async function storePool(em: EntityManager, drawId: number, segmentPosition: number, entries: PoolEntry[], excluded: Exclusion[]) {
  await store(em, drawId, segmentPosition, PoolChunkKind.POOL, entries.map((e) => `${e.publicId}\t${e.targetId}`));
  await store(em, drawId, segmentPosition, PoolChunkKind.EXCLUDED, excluded.map((e) => `${e.publicId}\t${e.targetId}\t${e.reason}`));
}

async function load(em: EntityManager, drawId: number, kind: PoolChunkKind): Promise<Map<number, string[][]>> {
  const rows = await em.getRepository(DrawPoolChunk).find({ where: { drawId, kind }, order: { segmentPosition: 'ASC', chunkNo: 'ASC' } });
  const bySegment = new Map<number, string[][]>();
  for (const row of rows) {
    const list = bySegment.get(row.segmentPosition) ?? bySegment.set(row.segmentPosition, []).get(row.segmentPosition)!;
    for (const line of row.data.split('\n')) list.push(line.split('\t'));
  }
  return bySegment;
}

export async function loadPools(em: EntityManager, drawId: number): Promise<Map<number, { publicId: string; targetId: number }[]>> {
  const raw = await load(em, drawId, PoolChunkKind.POOL);
  return new Map([...raw].map(([position, lines]) => [position, lines.map(([publicId, targetId]) => ({ publicId, targetId: Number(targetId) }))]));
}

export async function loadExclusions(em: EntityManager, drawId: number): Promise<Map<number, { publicId: string; reason: string }[]>> {
  const raw = await load(em, drawId, PoolChunkKind.EXCLUDED);
  return new Map([...raw].map(([position, lines]) => [position, lines.map(([publicId, , reason]) => ({ publicId, reason }))]));
}
