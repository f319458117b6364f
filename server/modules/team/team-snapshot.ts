import { promisify } from 'node:util';
import { deflateRaw, inflateRawSync } from 'node:zlib';
import { EntityManager, In } from 'typeorm';
import type { RecordRound } from '../../domain/team-record';
import { TeamDrawChunk } from './team-draw.entity';

/**
 * A team draw's round as stored: JSON, deflated and base64'd, cut into pieces that fit a TEXT column
 * on every database (MariaDB's holds 64 KB). A draw of 50,000 visits is a few MB of JSON, a few
 * dozen pieces. Deflating runs on libuv's thread pool, so it can overlap a write in flight.
 */
const CHUNK_CHARS = 60000;
const ROWS_PER_INSERT = 20;
const deflate = promisify(deflateRaw);

/** The round in the pieces that store it. */
export async function packRound(round: RecordRound): Promise<string[]> {
  const packed = (await deflate(Buffer.from(JSON.stringify(round)), { level: 1 })).toString('base64');
  const pieces: string[] = [];
  for (let at = 0; at < packed.length || !pieces.length; at += CHUNK_CHARS) pieces.push(packed.slice(at, at + CHUNK_CHARS));
  return pieces;
}

export async function storePieces(em: EntityManager, teamDrawId: number, pieces: string[]): Promise<void> {
  const rows = pieces.map((data, chunkNo) => ({ teamDrawId, chunkNo, data }));
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await em.getRepository(TeamDrawChunk).insert(rows.slice(i, i + ROWS_PER_INSERT));
}

export async function storeRound(em: EntityManager, teamDrawId: number, round: RecordRound): Promise<void> {
  await storePieces(em, teamDrawId, await packRound(round));
}

/** The stored rounds of the team draws, by id. */
export async function loadRounds(em: EntityManager, teamDrawIds: number[]): Promise<Map<number, RecordRound>> {
  const out = new Map<number, RecordRound>();
  if (!teamDrawIds.length) return out;
  const rows = await em.getRepository(TeamDrawChunk).find({ where: { teamDrawId: In(teamDrawIds) }, order: { teamDrawId: 'ASC', chunkNo: 'ASC' } });
  const pieces = new Map<number, string[]>();
  for (const r of rows) (pieces.get(r.teamDrawId) ?? pieces.set(r.teamDrawId, []).get(r.teamDrawId)!).push(r.data);
  for (const [id, parts] of pieces) out.set(id, JSON.parse(inflateRawSync(Buffer.from(parts.join(''), 'base64')).toString()) as RecordRound);
  return out;
}
