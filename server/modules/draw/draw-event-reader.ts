import { DataSource, EntityManager } from 'typeorm';
import { DrawEvent } from './draw.entity';
import { participantPathsOf } from './draw-audience';
import { DrawEventMessage, toMessage } from './draw-events';

/**
 * At most this many names per lookup: the first batches of a draw of tens of thousands of picks go
 * out without waiting for the names of the last ones.
 */
export const NAMES_PER_LOOKUP = 2000;

interface StoredPick { id: string; name?: string }
interface PicksPayload { segment?: number; fromOrdinal: number; picks: StoredPick[] }

/** A PICKS event stored without names (the draw stores who was drawn; names are for people watching). */
function unnamedPicks(message: DrawEventMessage): PicksPayload | null {
  if (message.type !== 'PICKS') return null;
  const payload = message.payload as unknown as PicksPayload;
  return typeof payload.segment === 'number' && payload.picks.some((p) => p.name === undefined) ? payload : null;
}

async function namesOf(db: DataSource | EntityManager, drawId: number, segment: number, from: number, to: number): Promise<Map<number, string>> {
  const rows: { ordinal: number; name: string | null }[] = await db.query(
    `SELECT p.ordinal AS ordinal, t.name AS name FROM draw_pick p LEFT JOIN target t ON t.id = p.targetId
     WHERE p.drawId = ? AND p.segmentPosition = ? AND p.ordinal >= ? AND p.ordinal < ?`,
    [drawId, segment, from, to],
  );
  return new Map(rows.map((r) => [Number(r.ordinal), r.name ?? '']));
}

/**
 * Stored events as subscribers receive them, each computed once however many watch: PICKS events get
 * the drawn targets' names, read through the stored picks (a lookup per segment run of events, at
 * most NAMES_PER_LOOKUP names each).
 */
export async function toMessages(db: DataSource | EntityManager, rows: readonly DrawEvent[]): Promise<DrawEventMessage[]> {
  const messages = rows.map(toMessage);
  const audiences = await participantPathsOf(db, messages.map((m) => m.drawId));
  for (const message of messages) message.participantPaths = audiences.get(message.drawId)!;
  const runs = new Map<string, { drawId: number; segment: number; from: number; to: number; payloads: PicksPayload[] }>();
  for (const message of messages) {
    const payload = unnamedPicks(message);
    if (!payload) continue;
    const key = `${message.drawId}/${payload.segment}`;
    const run = runs.get(key) ?? runs.set(key, { drawId: message.drawId, segment: payload.segment!, from: Infinity, to: 0, payloads: [] }).get(key)!;
    run.from = Math.min(run.from, payload.fromOrdinal);
    run.to = Math.max(run.to, payload.fromOrdinal + payload.picks.length);
    run.payloads.push(payload);
  }
  for (const run of runs.values()) {
    const names = new Map<number, string>();
    for (let from = run.from; from < run.to; from += NAMES_PER_LOOKUP) {
      for (const [ordinal, name] of await namesOf(db, run.drawId, run.segment, from, Math.min(run.to, from + NAMES_PER_LOOKUP))) names.set(ordinal, name);
    }
    for (const payload of run.payloads) payload.picks.forEach((pick, i) => { pick.name ??= names.get(payload.fromOrdinal + i) ?? ''; });
  }
  return messages;
}

/** Cuts a read of the log into pieces of at most NAMES_PER_LOOKUP picks, in order, to be named and handed out one after another. */
export function* inNamingSlices(rows: readonly DrawEvent[]): Generator<DrawEvent[]> {
  let slice: DrawEvent[] = [];
  let picks = 0;
  for (const row of rows) {
    // The payload is only measured here, not parsed: a PICKS payload holds one "id" per pick.
    const size = row.type === 'PICKS' ? row.payload.split('"id":').length - 1 : 0;
    if (slice.length && picks + size > NAMES_PER_LOOKUP) { yield slice; slice = []; picks = 0; }
    slice.push(row);
    picks += size;
  }
  if (slice.length) yield slice;
}
