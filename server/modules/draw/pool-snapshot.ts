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

async function store(em: EntityManager, drawId: number, segmentPosition: number, kind: PoolChunkKind, lines: string[]) {
  const packed = deflateRawSync(Buffer.from(lines.join('\n')), { level: 1 }).toString('base64');
  const rows = [];
  for (let at = 0, chunkNo = 0; at < packed.length || chunkNo === 0; at += CHUNK_CHARS, chunkNo++) {
    rows.push({ drawId, segmentPosition, kind, chunkNo, data: packed.slice(at, at + CHUNK_CHARS) });
  }
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await em.getRepository(DrawPoolChunk).insert(rows.slice(i, i + ROWS_PER_INSERT));
}

export async function storePool(em: EntityManager, drawId: number, segmentPosition: number, entries: PoolEntry[], excluded: Exclusion[]) {
  await store(em, drawId, segmentPosition, PoolChunkKind.POOL, entries.map((e) => `${e.publicId}\t${e.targetId}`));
  await store(em, drawId, segmentPosition, PoolChunkKind.EXCLUDED, excluded.map((e) => `${e.publicId}\t${e.targetId}\t${e.reason}`));
}

async function loadLines(em: EntityManager, drawId: number, kind: PoolChunkKind): Promise<Map<number, string[]>> {
  const rows = await em.getRepository(DrawPoolChunk).find({ where: { drawId, kind }, order: { segmentPosition: 'ASC', chunkNo: 'ASC' } });
  const packed = new Map<number, string[]>();
  for (const row of rows) (packed.get(row.segmentPosition) ?? packed.set(row.segmentPosition, []).get(row.segmentPosition)!).push(row.data);
  return new Map([...packed].map(([position, pieces]) => {
    const text = inflateRawSync(Buffer.from(pieces.join(''), 'base64')).toString();
    return [position, text ? text.split('\n') : []];
  }));
}

/** A segment's pool as stored: canonical order, one "publicId<TAB>targetId" line per member. */
export const loadPoolLines = (em: EntityManager, drawId: number) => loadLines(em, drawId, PoolChunkKind.POOL);

export function parsePoolLine(line: string): { publicId: string; targetId: number } {
  const tab = line.indexOf('\t');
  return { publicId: line.slice(0, tab), targetId: Number(line.slice(tab + 1)) };
}

export async function loadPools(em: EntityManager, drawId: number): Promise<Map<number, { publicId: string; targetId: number }[]>> {
  const raw = await loadPoolLines(em, drawId);
  return new Map([...raw].map(([position, lines]) => [position, lines.map(parsePoolLine)]));
}

export async function loadExclusions(em: EntityManager, drawId: number): Promise<Map<number, { publicId: string; reason: string }[]>> {
  const raw = await loadLines(em, drawId, PoolChunkKind.EXCLUDED);
  return new Map([...raw].map(([position, lines]) => [position, lines.map((line) => {
    const [publicId, , reason] = line.split('\t');
    return { publicId, reason };
  })]));
}
