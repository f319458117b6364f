import { EntityManager } from 'typeorm';
import type { HubPubSub } from '../../graphql/pubsub';
import { bulkInsert } from '../../db/bulk';
import { Draw, DrawEvent, SequenceCounter } from './draw.entity';

/** What a subscriber receives for one event: everything plain JSON, computed once per event. */
export interface DrawEventMessage {
  drawId: number;
  seq: number;
  globalSeq: number;
  type: string;
  at: string;
  payload: Record<string, unknown>;
  /** For routing to jurisdiction streams; not shown to clients. */
  departmentPath: string;
  /** Also for routing: the paths of a joint task's confirmed participants (see draw-audience). */
  participantPaths: string[];
}

export interface NewEvent { type: string; payload: Record<string, unknown>; visibleAt?: Date }

/**
 * Takes `n` numbers from a hub-wide counter. The UPDATE locks the counter row until the transaction
 * ends, so numbers are handed out in commit order: whoever can see number k can see every number below.
 */
async function take(em: EntityManager, name: string, n: number): Promise<number> {
  await em.createQueryBuilder().update(SequenceCounter).set({ value: () => `value + ${Number(n)}` }).where('name = :name', { name }).execute();
  const row = await em.getRepository(SequenceCounter).findOneByOrFail({ name });
  return row.value - n + 1;
}

/**
 * Stores events of a draw in the caller's transaction (the one that changes the draw), numbered per
 * draw without gaps. The draw row's counter is advanced in the same statement that locks it.
 */
export async function appendEvents(em: EntityManager, draw: Draw, events: NewEvent[]): Promise<DrawEvent[]> {
  if (!events.length) return [];
  await em.createQueryBuilder().update(Draw).set({ lastSeq: () => `lastSeq + ${events.length}` }).where('id = :id', { id: draw.id }).execute();
  const { lastSeq } = await em.getRepository(Draw).findOneOrFail({ where: { id: draw.id }, select: { id: true, lastSeq: true } });
  const firstSeq = lastSeq - events.length + 1;
  const firstGlobal = await take(em, 'draw_event', events.length);
  const now = new Date();
  // Visibility never goes backwards within a draw: an event made while a paced reveal is still
  // showing picks comes after them, so "everything visible so far" is always a prefix of the log.
  const [{ last }] = await em.query('SELECT MAX(visibleAt) AS last FROM draw_event WHERE drawId = ?', [draw.id]);
  let floor = last ? new Date(last).getTime() : 0;
  const rows = events.map((e, i) => {
    const visibleAt = new Date(Math.max((e.visibleAt ?? now).getTime(), floor));
    floor = visibleAt.getTime();
    return Object.assign(new DrawEvent(), {
      drawId: draw.id, seq: firstSeq + i, globalSeq: firstGlobal + i, departmentPath: draw.departmentPath,
      type: e.type, payload: JSON.stringify(e.payload), createdAt: now, visibleAt,
    });
  });
  await bulkInsert(em, DrawEvent, ['drawId', 'seq', 'globalSeq', 'departmentPath', 'type', 'payload', 'createdAt', 'visibleAt'], rows);
  draw.lastSeq = lastSeq;
  return rows;
}

export function toMessage(event: DrawEvent): DrawEventMessage {
  return { drawId: event.drawId, seq: event.seq, globalSeq: event.globalSeq, type: event.type, at: event.visibleAt.toISOString(), payload: JSON.parse(event.payload), departmentPath: event.departmentPath, participantPaths: [] };
}

/** After commit: wake the subscribers of every hub process. The payload is only a hint; they read the log. */
export function announceCommitted(pubSub: HubPubSub, events: DrawEvent[]): void {
  if (!events.length) return;
  const last = events[events.length - 1];
  pubSub.publish('DRAW_WAKE', { drawId: last.drawId, seq: last.seq, globalSeq: last.globalSeq });
}
