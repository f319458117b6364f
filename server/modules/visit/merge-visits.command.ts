import { EntityManager, In, IsNull, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { Permission } from '../../common/permissions';
import { inTransaction } from '../../db/transaction';
import { departmentLevel, intersectWindows, leadingClaim, planMerge } from '../../domain/merge-rules';
import { Actor, requirePermission, RequestContext } from '../../graphql/context';
import { announceCommitted, appendEvents, NewEvent } from '../draw/draw-events';
import { Draw, DrawEvent } from '../draw/draw.entity';
import { Department } from '../org/department.entity';
import { Task } from '../task/task.entity';
import { takeVisitLock } from './form-visits.command';
import { forUpdate } from '../../db/row-lock';
import { lockDraws } from '../draw/draw-locks';
import { OPEN_VISIT_STATUSES, Visit, VisitMember, VisitStatus, VisitTask } from './visit.entity';
import { whereVisible } from './visit.service';

/**
 * Manual merges and splits of visits (Art. 19, 24: a merge is undone only by an authorised,
 * recorded action). Both run in one transaction that takes the draws concerned and then the
 * hub-wide visit lock — the order a draw's lock takes them — and record a draw event on every draw
 * whose task the visit serves, so each department involved sees it in its streams.
 */

const STATUS_TEXT: Record<VisitStatus, { zh: string; en: string }> = {
  PENDING_TEAM: { zh: '待抽取检查组', en: 'waiting for its team' },
  STAFFED: { zh: '已组队', en: 'staffed' },
  UNSTAFFED: { zh: '未能组队', en: 'unstaffed' },
  DONE: { zh: '完成', en: 'done' },
  CANCELLED: { zh: '取消', en: 'cancelled' },
};

function checkReason(reason: string): string {
  const text = reason.trim();
  if (!text || text.length > 500) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '须说明理由（500字以内） (a reason of at most 500 characters is required)' });
  return text;
}

const closed = (v: Visit) => !OPEN_VISIT_STATUSES.includes(v.status);
const closedError = (v: Visit) => new DomainError(ErrorCode.VISIT_CLOSED, { id: v.id, statusZh: STATUS_TEXT[v.status].zh, statusEn: STATUS_TEXT[v.status].en });

/** Departments taking part in a visit: the executing and the owning department of each task, and the lead. */
async function involvedDepartments(em: EntityManager, visit: Visit, tasks: VisitTask[]): Promise<Set<number>> {
  const owners = tasks.length ? await em.getRepository(Task).find({ where: { id: In(tasks.map((t) => t.taskId)) }, select: { id: true, departmentId: true } }) : [];
  return new Set([visit.leadDepartmentId, ...tasks.map((t) => t.departmentId), ...owners.map((t) => t.departmentId)]);
}

/**
 * Who may merge or split: MANAGE_TASKS in a department taking part. A visit outside the actor's
 * scope "does not exist" (unless `sameTargetAs` names a visible visit of the same target); inside it,
 * a department that takes no part is refused.
 */
async function assertInvolved(ctx: RequestContext, actor: Actor, visits: Visit[], tasksOf: Map<number, VisitTask[]>): Promise<void> {
  const visible = new Set((await whereVisible(ctx.ds.getRepository(Visit).createQueryBuilder('v').where('v.id IN (:...ids)', { ids: visits.map((v) => v.id) }), await ctx.visibleDepartmentIds()).select('v.id', 'id').getRawMany<{ id: number }>()).map((r) => Number(r.id)));
  if (!visits.some((v) => visible.has(v.id))) throw notFound('检查', visits[0].id);
  for (const v of visits) {
    if ((await involvedDepartments(ctx.ds.manager, v, tasksOf.get(v.id) ?? [])).has(actor.departmentId)) return;
  }
  throw new DomainError(ErrorCode.FORBIDDEN);
}

/** The visits and their task rows; with `lock`, as last committed and held until the transaction ends. */
async function readVisits(em: EntityManager, ids: number[], lock: boolean): Promise<{ visits: Visit[]; tasksOf: Map<number, VisitTask[]> }> {
  const held = <E extends ObjectLiteral>(qb: SelectQueryBuilder<E>) => (lock ? forUpdate(qb) : qb);
  const visits = await held(em.getRepository(Visit).createQueryBuilder('v').where('v.id IN (:...ids)', { ids }).orderBy('v.id', 'ASC')).getMany();
  const tq = held(em.getRepository(VisitTask).createQueryBuilder('t').where('t.visitId IN (:...ids)', { ids }).orderBy('t.taskId', 'ASC'));
  const rows = visits.length ? await tq.getMany() : [];
  const tasksOf = new Map<number, VisitTask[]>();
  for (const r of rows) (tasksOf.get(r.visitId) ?? tasksOf.set(r.visitId, []).get(r.visitId)!).push(r);
  return { visits, tasksOf };
}

/** The lead of a visit without a team after its tasks changed (rule 4), with its path. */
async function leadOf(em: EntityManager, tasks: VisitTask[]): Promise<Department> {
  const departments = await em.getRepository(Department).find({ where: { id: In([...new Set(tasks.map((t) => t.departmentId))]) } });
  const byId = new Map(departments.map((d) => [d.id, d]));
  const claim = leadingClaim(tasks.map((t) => ({ departmentId: t.departmentId, taskId: t.taskId, level: departmentLevel(byId.get(t.departmentId)!.regionCode) })));
  return byId.get(claim.departmentId)!;
}

async function record(em: EntityManager, draws: Draw[], event: NewEvent): Promise<DrawEvent[][]> {
  const stored: DrawEvent[][] = [];
  for (const draw of draws) stored.push(await appendEvents(em, draw, [event]));
  return stored;
}

function checkVersions(visits: Visit[], ids: number[], expected?: number[] | null): void {
  if (!expected) return;
  if (expected.length !== ids.length) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: 'expectedVersions 须与 visitIds 一一对应 (one expected version per visit id)' });
  ids.forEach((id, i) => {
    const v = visits.find((x) => x.id === id);
    if (v && v.version !== expected[i]) throw new DomainError(ErrorCode.STALE_VERSION, { id }, { visitId: id, expectedVersion: expected[i], currentVersion: v.version });
  });
}

/**
 * Merges visits of one target whose windows overlap into one (rules: the visit with a team
 * survives, else the oldest; the window is the intersection; the others are cancelled, their
 * tasks move over and any team of theirs is stood down with the reason).
 */
export async function mergeVisits(ctx: RequestContext, visitIds: number[], reasonText: string, expectedVersions?: number[] | null): Promise<Visit> {
  const actor = requirePermission(ctx, Permission.MANAGE_TASKS);
  const reason = checkReason(reasonText);
  const ids = [...new Set(visitIds)];
  if (ids.length < 2 || ids.length > 20 || ids.length !== visitIds.length) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '请选择2至20个不同的检查进行合并 (choose 2 to 20 different visits to merge)' });
  const before = await readVisits(ctx.ds.manager, ids, false);
  const missing = ids.find((id) => !before.visits.some((v) => v.id === id));
  if (missing !== undefined) throw notFound('检查', missing);
  await assertInvolved(ctx, actor, before.visits, before.tasksOf);

  const { result, stored } = await inTransaction(ctx.ds, async (em) => {
    const draws = await lockDraws(em, [...before.tasksOf.values()].flat().map((t) => t.drawId));
    await takeVisitLock(em);
    const { visits, tasksOf } = await readVisits(em, ids, true);
    checkVersions(visits, ids, expectedVersions);
    const plan = planMerge(visits.map((v) => ({ id: v.id, start: v.windowStart, end: v.windowEnd, publicId: v.publicId, staffed: v.status === VisitStatus.STAFFED, closed: closed(v), visit: v })));
    if (!plan.ok) {
      const r = plan.refusal;
      if (r.code === 'VISIT_CLOSED') throw closedError(visits.find((v) => v.id === r.visitId)!);
      if (r.code === 'TARGETS_DIFFER') throw new DomainError(ErrorCode.VISIT_TARGETS_DIFFER, { publicIds: r.publicIds.join(', ') });
      if (r.code === 'WINDOWS_DO_NOT_OVERLAP') throw new DomainError(ErrorCode.WINDOWS_DO_NOT_OVERLAP, { windows: r.windows.map((w) => `${w.id}: ${w.start}–${w.end}`).join('; ') }, { windows: r.windows.map((w) => ({ visitId: w.id, windowStart: w.start, windowEnd: w.end })) });
      throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '请选择至少2个检查 (choose at least 2 visits)' });
    }
    const survivor = plan.survivor.visit;
    const absorbedIds = plan.absorbed.map((a) => a.id);
    const now = new Date();
    // Tasks move to the survivor; a task already there (cannot normally happen) keeps its row there.
    const kept = new Set((tasksOf.get(survivor.id) ?? []).map((t) => t.taskId));
    const moved: VisitTask[] = [], duplicates: VisitTask[] = [];
    for (const t of absorbedIds.flatMap((id) => tasksOf.get(id) ?? [])) {
      if (kept.has(t.taskId)) duplicates.push(t);
      else { kept.add(t.taskId); moved.push(t); }
    }
    if (duplicates.length) await em.getRepository(VisitTask).delete({ id: In(duplicates.map((t) => t.id)) });
    if (moved.length) await em.getRepository(VisitTask).update({ id: In(moved.map((t) => t.id)) }, { visitId: survivor.id });
    await em.getRepository(VisitMember).update({ visitId: In(absorbedIds), removedAt: IsNull() }, {
      removedAt: now, removedById: actor.userId, removedReason: `并入检查 ${survivor.id}（merged into visit ${survivor.id}）：${reason}`.slice(0, 500),
    });
    await em.createQueryBuilder().update(Visit).set({ status: VisitStatus.CANCELLED, updatedAt: now, version: () => 'version + 1' }).where({ id: In(absorbedIds) }).execute();

    const allTasks = [...(tasksOf.get(survivor.id) ?? []), ...moved];
    const lead = survivor.status === VisitStatus.STAFFED ? null : await leadOf(em, allTasks);
    const changes: Partial<Visit> = { windowStart: plan.window.start, windowEnd: plan.window.end, updatedAt: now, ...(lead ? { leadDepartmentId: lead.id, departmentPath: lead.path } : {}) };
    await em.createQueryBuilder().update(Visit).set({ ...changes, version: () => 'version + 1' }).where({ id: survivor.id }).execute();
    const updated = await em.getRepository(Visit).findOneByOrFail({ id: survivor.id });

    const allDraws = await lockDraws(em, [...draws.map((d) => d.id), ...allTasks.map((t) => t.drawId)]);
    const event: NewEvent = {
      type: 'VISITS_MERGED',
      payload: {
        visitId: survivor.id, mergedVisitIds: absorbedIds, publicId: survivor.publicId, window: plan.window, leadDepartmentId: updated.leadDepartmentId,
        tasks: allTasks.map((t) => ({ taskId: t.taskId, drawId: t.drawId, departmentId: t.departmentId })), reason, by: actor.username,
      },
    };
    return { result: updated, stored: await record(em, allDraws, event) };
  });
  for (const events of stored) announceCommitted(ctx.pubSub, events);
  return result;
}

/**
 * Splits a task off a merged visit (undoes a merge): the task gets a visit of its own, in its own
 * window, led by its executing department; the visit it leaves keeps its team and widens to the
 * intersection of the tasks that remain.
 */
export async function splitVisitTask(ctx: RequestContext, visitId: number, taskId: number, reasonText: string, expectedVersion?: number | null): Promise<{ visit: Visit; splitVisit: Visit }> {
  const actor = requirePermission(ctx, Permission.MANAGE_TASKS);
  const reason = checkReason(reasonText);
  const before = await readVisits(ctx.ds.manager, [visitId], false);
  if (!before.visits.length) throw notFound('检查', visitId);
  await assertInvolved(ctx, actor, before.visits, before.tasksOf);

  const { result, stored } = await inTransaction(ctx.ds, async (em) => {
    const draws = await lockDraws(em, (before.tasksOf.get(visitId) ?? []).map((t) => t.drawId));
    await takeVisitLock(em);
    const { visits, tasksOf } = await readVisits(em, [visitId], true);
    const visit = visits[0];
    if (expectedVersion != null && visit.version !== expectedVersion) throw new DomainError(ErrorCode.STALE_VERSION, { id: visitId }, { visitId, expectedVersion, currentVersion: visit.version });
    if (closed(visit)) throw closedError(visit);
    const tasks = tasksOf.get(visitId) ?? [];
    const leaving = tasks.find((t) => t.taskId === taskId);
    if (!leaving) throw new DomainError(ErrorCode.TASK_NOT_IN_VISIT, { visitId, taskId });
    if (tasks.length < 2) throw new DomainError(ErrorCode.VISIT_HAS_ONE_TASK, { visitId });
    const now = new Date();

    const department = await em.getRepository(Department).findOneByOrFail({ id: leaving.departmentId });
    const split = em.getRepository(Visit).create({
      targetId: visit.targetId, publicId: visit.publicId, leadDepartmentId: department.id, departmentPath: department.path,
      windowStart: leaving.windowStart, windowEnd: leaving.windowEnd, status: VisitStatus.PENDING_TEAM, createdAt: now, updatedAt: now, version: 1,
    });
    await em.getRepository(Visit).insert(split);
    await em.getRepository(VisitTask).update({ id: leaving.id }, { visitId: split.id, addedAt: now, addedById: actor.userId });

    const remaining = tasks.filter((t) => t !== leaving);
    const window = intersectWindows(remaining.map((t) => ({ start: t.windowStart, end: t.windowEnd })))!;
    const lead = visit.status === VisitStatus.STAFFED ? null : await leadOf(em, remaining);
    await em.createQueryBuilder().update(Visit).set({
      windowStart: window.start, windowEnd: window.end, updatedAt: now, version: () => 'version + 1', ...(lead ? { leadDepartmentId: lead.id, departmentPath: lead.path } : {}),
    }).where({ id: visitId }).execute();
    const updated = await em.getRepository(Visit).findOneByOrFail({ id: visitId });

    const event: NewEvent = {
      type: 'VISIT_SPLIT',
      payload: {
        visitId, taskId, drawId: leaving.drawId, newVisitId: split.id, publicId: visit.publicId,
        window: { start: updated.windowStart, end: updated.windowEnd }, newWindow: { start: split.windowStart, end: split.windowEnd },
        leadDepartmentId: updated.leadDepartmentId, reason, by: actor.username,
      },
    };
    return { result: { visit: updated, splitVisit: split }, stored: await record(em, draws, event) };
  });
  for (const events of stored) announceCommitted(ctx.pubSub, events);
  return result;
}
