import { EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { bulkInsert } from '../../db/bulk';
import { isMysql } from '../../db/row-lock';
import { chooseVisit, departmentLevel, leadAfterJoin } from '../../domain/merge-rules';
import type { NewEvent } from '../draw/draw-events';
import { Draw, SequenceCounter } from '../draw/draw.entity';
import { Department } from '../org/department.entity';
import { Task } from '../task/task.entity';
import { OPEN_VISIT_STATUSES, Visit, VisitStatus, VisitTask } from './visit.entity';

/** The sequence_counter row every change to which visits exist takes first: visits are formed and merged one transaction at a time, hub-wide. */
export const VISIT_MERGE_COUNTER = 'visit_merge';

/** Under MariaDB's IN-list conversion threshold (1000), so a list stays a list. */
const ID_LIST = 900;

/**
 * Takes the hub-wide visit lock: the UPDATE holds the counter row until the transaction ends, so a
 * second draw being locked (or a manual merge) waits here until the first has committed its visits.
 * SQLite queues whole transactions anyway. Every write that creates visits or moves tasks between
 * them takes it first (after any draw rows it needs, as lockDraw does).
 */
export async function takeVisitLock(em: EntityManager): Promise<void> {
  await em.createQueryBuilder().update(SequenceCounter).set({ value: () => 'value + 1' }).where('name = :name', { name: VISIT_MERGE_COUNTER }).execute();
}

/**
 * Reads that must see what other transactions committed while this one waited for the visit lock.
 * Under MariaDB's REPEATABLE READ a plain SELECT reads the snapshot taken at the transaction's
 * first read, which may be older than the lock; a locking read sees the latest committed rows.
 */
export const latest = (em: EntityManager) => (isMysql(em) ? ' FOR UPDATE' : '');

/** A Date as the database stores a DATETIME(3) column, for raw statements. */
export function dateParam<E extends ObjectLiteral>(em: EntityManager, entity: EntityTarget<E>, property: keyof E & string, value: Date): unknown {
  const column = em.connection.getMetadata(entity).findColumnWithPropertyName(property)!;
  return em.connection.driver.preparePersistentValue(value, column);
}

export function inChunks<T>(values: readonly T[], size = ID_LIST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
}

interface PickRow { publicId: string; targetId: number; visitId: number | null; windowStart: string | null; windowEnd: string | null; status: string | null; leadDepartmentId: number | null; taskId: number | null }

interface Candidate { id: number; start: string; end: string; status: VisitStatus; leadDepartmentId: number; taskIds: number[] }

/**
 * Art. 19, 24 — called inside the transaction that locks a draw (which already holds the draw's
 * row): every pick becomes a visit. A pick joins the open visit of the same target whose window
 * overlaps the task's the longest (then the oldest), which narrows to the intersection; otherwise a
 * new visit is formed for the task's executing department. Set-based: one read of the picks with
 * their candidate visits (and the tasks those serve), one bulk insert of the new visits, one of the
 * visit_task rows, one UPDATE for the merged windows. Returns the VISITS_FORMED event for the draw's log.
 */
export async function formVisits(em: EntityManager, draw: Draw, at: Date = new Date()): Promise<NewEvent> {
  await takeVisitLock(em);
  const task = await em.getRepository(Task).findOneOrFail({ where: { id: draw.taskId }, select: { id: true, windowStart: true, windowEnd: true, executingDepartmentId: true } });
  const executing = await em.getRepository(Department).findOneOrFail({ where: { id: task.executingDepartmentId }, select: { id: true, path: true, regionCode: true } });
  const window = { start: task.windowStart, end: task.windowEnd };
  const open = OPEN_VISIT_STATUSES.map((s) => `'${s}'`).join(',');

  // Every pick, with every open visit of its target whose window overlaps the task's, once per task that visit serves.
  const rows: PickRow[] = await em.query(
    `SELECT p.publicId AS publicId, p.targetId AS targetId, v.id AS visitId, v.windowStart AS windowStart, v.windowEnd AS windowEnd, v.status AS status,
            v.leadDepartmentId AS leadDepartmentId, x.taskId AS taskId
       FROM draw_pick p
       LEFT JOIN visit v ON v.publicId = p.publicId AND v.status IN (${open}) AND v.windowStart <= ? AND v.windowEnd >= ?
       LEFT JOIN visit_task x ON x.visitId = v.id
      WHERE p.drawId = ?${latest(em)}`,
    [window.end, window.start, draw.id],
  );

  // A pick without candidates is one row (a new visit); the others are grouped, each with a few candidates.
  const merged: Candidate[] = [];
  const fresh: { id: number; publicId: string; targetId: number }[] = [];
  const withCandidates = new Map<string, { targetId: number; candidates: Candidate[] }>();
  for (const r of rows) {
    if (r.visitId == null) { fresh.push({ id: 0, publicId: r.publicId, targetId: Number(r.targetId) }); continue; }
    let pick = withCandidates.get(r.publicId);
    if (!pick) withCandidates.set(r.publicId, (pick = { targetId: Number(r.targetId), candidates: [] }));
    const id = Number(r.visitId);
    let candidate = pick.candidates.find((c) => c.id === id);
    if (!candidate) pick.candidates.push((candidate = { id, start: r.windowStart!, end: r.windowEnd!, status: r.status as VisitStatus, leadDepartmentId: Number(r.leadDepartmentId), taskIds: [] }));
    if (r.taskId != null) candidate.taskIds.push(Number(r.taskId));
  }
  for (const [publicId, pick] of withCandidates) {
    // A visit that already serves this task (an earlier draw of it) is not joined twice.
    const chosen = chooseVisit(window, pick.candidates.filter((c) => !c.taskIds.includes(task.id)));
    if (chosen) merged.push(chosen);
    else fresh.push({ id: 0, publicId, targetId: pick.targetId });
  }

  // New visits get their ids here: nobody else makes visits while this transaction holds the visit lock.
  const [{ last }] = await em.query(`SELECT MAX(id) AS last FROM visit${latest(em)}`);
  const existingUpTo = Number(last ?? 0);
  fresh.forEach((f, i) => { f.id = existingUpTo + 1 + i; });
  await bulkInsert(em, Visit, ['id', 'publicId', 'targetId'], fresh, {
    leadDepartmentId: executing.id, departmentPath: executing.path, windowStart: window.start, windowEnd: window.end,
    status: VisitStatus.PENDING_TEAM, createdAt: at, updatedAt: at, version: 1,
  });
  await bulkInsert(em, VisitTask, ['visitId'], [...merged.map((m) => ({ visitId: m.id })), ...fresh.map((f) => ({ visitId: f.id }))], {
    taskId: task.id, drawId: draw.id, departmentId: executing.id, windowStart: window.start, windowEnd: window.end, addedAt: at, addedById: null,
  });

  let leadChanged = 0;
  if (merged.length) {
    // The merged window is the intersection: narrow every earlier visit the task joined, in one statement.
    const narrow = (v: string) => `${v}windowStart = CASE WHEN ${v}windowStart < ? THEN ? ELSE ${v}windowStart END, ${v}windowEnd = CASE WHEN ${v}windowEnd > ? THEN ? ELSE ${v}windowEnd END, ${v}version = ${v}version + 1, ${v}updatedAt = ?`;
    const params = [window.start, window.start, window.end, window.end, dateParam(em, Visit, 'updatedAt', at), task.id, draw.id, existingUpTo];
    if (isMysql(em)) await em.query(`UPDATE visit v JOIN visit_task vt ON vt.visitId = v.id SET ${narrow('v.')} WHERE vt.taskId = ? AND vt.drawId = ? AND v.id <= ?`, params);
    else await em.query(`UPDATE visit SET ${narrow('')} WHERE id IN (SELECT visitId FROM visit_task WHERE taskId = ? AND drawId = ?) AND id <= ?`, params);

    // A visit without a team yet goes to the department of the highest level (the joining task is the latest).
    const leadIds = [...new Set(merged.filter((m) => m.status !== VisitStatus.STAFFED).map((m) => m.leadDepartmentId))];
    const leads = new Map((leadIds.length ? await em.getRepository(Department).find({ where: { id: In(leadIds) }, select: { id: true, regionCode: true } }) : []).map((d) => [d.id, d]));
    const joining = { departmentId: executing.id, level: departmentLevel(executing.regionCode), taskId: task.id };
    const moving = merged.filter((m) => {
      const lead = leads.get(m.leadDepartmentId);
      if (!lead || m.leadDepartmentId === executing.id) return false;
      // The visit's tasks are all earlier: only its lead's level counts against the joining task.
      return leadAfterJoin({ staffed: m.status === VisitStatus.STAFFED, lead: { departmentId: lead.id, level: departmentLevel(lead.regionCode), taskId: 0 } }, joining) === joining;
    }).map((m) => m.id);
    for (const ids of inChunks(moving)) {
      await em.createQueryBuilder().update(Visit).set({ leadDepartmentId: executing.id, departmentPath: executing.path }).where({ id: In(ids) }).execute();
    }
    leadChanged = moving.length;
  }

  // Which other tasks this draw's picks now share visits with (for the departments following the stream).
  const sharedWith = new Map<number, number>();
  for (const m of merged) for (const other of new Set(m.taskIds)) sharedWith.set(other, (sharedWith.get(other) ?? 0) + 1);
  const others = sharedWith.size ? await em.getRepository(Task).find({ where: { id: In([...sharedWith.keys()]) }, select: { id: true, executingDepartmentId: true }, order: { id: 'ASC' } }) : [];

  return {
    type: 'VISITS_FORMED',
    payload: {
      taskId: task.id, visits: merged.length + fresh.length, merged: merged.length, created: fresh.length, leadChanged, window,
      mergedWith: others.map((t) => ({ taskId: t.id, departmentId: t.executingDepartmentId, visits: sharedWith.get(t.id)! })),
    },
  };
}
