import { forUpdate } from '../../db/row-lock';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { regionPrefix } from '../../common/listing';
import { Permission } from '../../common/permissions';
import { isUniqueViolation } from '../../db/transaction';
import {
  drawingDepartments, ParticipantAction, participantActionText, participantMay, ParticipantStatus, participantStatusText,
  resultRecorders, unconfirmedParticipants,
} from '../../domain/joint-rules';
import { ResultOutcome } from '../../domain/result-outcome';
import { DepartmentKind } from '../../domain/vocabulary';
import { Actor, requirePermission, RequestContext } from '../../graphql/context';
import { recordChange } from '../audit/audit.service';
import { InspectionItem } from '../catalog/inspection-item.entity';
import { Draw, DrawStatus } from '../draw/draw.entity';
import { Department } from '../org/department.entity';
import { canFollowTask, participantsOf } from './participant.policy';
import { TaskParticipant, VisitItemResult } from './task-participant.entity';
import { Task, TaskItem } from './task.entity';
import { getTask } from './task.service';

/**
 * 联合抽查 (joint tasks, Art. 17–19; Pinglu 二.(三).3): the lead department invites other
 * departments; they confirm or decline, add items of their own catalog, and may withdraw until a
 * draw is scheduled. The rules are in server/domain/joint-rules.ts and docs/joint-tasks.md.
 * Every change of a participant is recorded in change_record (entity TASK_PARTICIPANT).
 */

const PARTICIPANT_ENTITY = 'TASK_PARTICIPANT';

/** The department's name, for messages. */
async function nameOf(db: DataSource | EntityManager, departmentId: number): Promise<string> {
  return (await db.getRepository(Department).findOneBy({ id: departmentId }))?.name ?? String(departmentId);
}

/**
 * The departments whose directories a draw of the task covers (each with every department below
 * it): the task's own department and, for a joint task, every CONFIRMED participant. Scheduling
 * is refused while a participant has not answered (a participant who has not confirmed cannot be
 * drawn from); a preview leaves such participants out instead.
 */
export async function drawDirectoryDepartmentIds(ds: DataSource, task: Task, options: { preview?: boolean } = {}): Promise<number[]> {
  const participants = task.joint ? await participantsOf(ds, task.id) : [];
  const pending = unconfirmedParticipants(participants);
  if (pending.length && !options.preview) {
    const names = await Promise.all(pending.map((p) => nameOf(ds, p.departmentId)));
    throw new DomainError(ErrorCode.PARTICIPANT_NOT_CONFIRMED, { departments: names.map((n) => `“${n}”`).join('、'), departmentsEn: names.join(', ') }, { departmentIds: pending.map((p) => String(p.departmentId)) });
  }
  const roots = drawingDepartments([{ departmentId: task.departmentId, status: ParticipantStatus.CONFIRMED, lead: true }, ...participants]);
  const paths = (await ds.getRepository(Department).findBy({ id: In(roots) })).map((d) => d.path);
  if (!paths.length) return [];
  const qb = ds.getRepository(Department).createQueryBuilder('d').select('d.id', 'id');
  paths.forEach((path, i) => qb.orWhere(`d.path LIKE :p${i}`, { [`p${i}`]: `${path}%` }));
  return [...new Set((await qb.getRawMany<{ id: number }>()).map((d) => Number(d.id)))];
}

/**
 * Reads the task inside the transaction, holding its row (MariaDB) so participant changes of one
 * task queue up; SQLite queues whole transactions anyway.
 */
export function lockTask(em: EntityManager, taskId: number): Promise<Task> {
  return forUpdate(em.getRepository(Task).createQueryBuilder('t').where('t.id = :taskId', { taskId })).getOneOrFail();
}

/** Participants and items are fixed once a draw is scheduled (unless it is voided): the pools, counts and caps were computed from them. */
async function assertNoStandingDraw(em: EntityManager, taskId: number): Promise<void> {
  const draw = await em.getRepository(Draw).findOne({ where: { taskId, status: Not(DrawStatus.VOIDED) }, order: { id: 'DESC' } });
  if (draw) throw new DomainError(ErrorCode.PARTICIPANT_LOCKED_IN, { drawId: draw.id, drawStatus: draw.status }, { drawId: String(draw.id), drawStatus: draw.status });
}

function assertMay(participant: TaskParticipant, action: ParticipantAction): void {
  if (participantMay(participant.status, action)) return;
  const status = participantStatusText[participant.status], act = participantActionText[action];
  throw new DomainError(ErrorCode.PARTICIPATION_STATE_INVALID, { statusZh: status.zh, statusEn: status.en, actionZh: act.zh, actionEn: act.en }, { status: participant.status, action });
}

function cleanNote(note: string | null | undefined, required: boolean, what: string): string | null {
  const text = note?.trim() ?? '';
  if (required && !text) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: `请填写${what} (a reason is required)` });
  if (text.length > 500) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: `${what}最多500字 (at most 500 characters)` });
  return text || null;
}

async function record(em: EntityManager, actor: Actor, participant: TaskParticipant, action: string, changes: Record<string, [unknown, unknown]>) {
  await recordChange(em, { entityType: PARTICIPANT_ENTITY, entityId: participant.id, action, changes, userId: actor.userId });
}

/** The lead department (MANAGE_TASKS) invites a department — of another kind and/or another region — to its task. */
export async function inviteParticipant(ctx: RequestContext, taskId: number, departmentId: number, note?: string | null): Promise<TaskParticipant> {
  const actor = requirePermission(ctx, Permission.MANAGE_TASKS);
  const task = await getTask(ctx, taskId);
  if (task.departmentId !== actor.departmentId) throw new DomainError(ErrorCode.FORBIDDEN);
  const department = await ctx.loaders.department.load(departmentId);
  if (!department) throw notFound('部门', departmentId);
  if (department.id === task.departmentId) throw new DomainError(ErrorCode.INVALID_PARTICIPANT, { reasonZh: '牵头部门本身不能作为参与部门', reasonEn: 'it is the lead department itself' });
  if (department.id === task.executingDepartmentId) throw new DomainError(ErrorCode.INVALID_PARTICIPANT, { reasonZh: '该部门已是本任务的执行部门', reasonEn: 'the task is already delegated to it for execution' });
  const text = cleanNote(note, false, '邀请说明');
  return ctx.transaction(async (em) => {
    const locked = await lockTask(em, taskId);
    await assertNoStandingDraw(em, taskId);
    const repo = em.getRepository(TaskParticipant);
    const existing = await repo.findOneBy({ taskId, departmentId });
    const invitedAt = new Date();
    let participant: TaskParticipant;
    if (existing) {
      if (existing.status === ParticipantStatus.INVITED || existing.status === ParticipantStatus.CONFIRMED) {
        const status = participantStatusText[existing.status];
        throw new DomainError(ErrorCode.PARTICIPANT_ALREADY_INVITED, { statusZh: status.zh, statusEn: status.en });
      }
      // Invited again after declining or withdrawing: the earlier answer stays in the change record.
      const fields = { status: ParticipantStatus.INVITED, invitedAt, invitedById: actor.userId, respondedAt: null, respondedById: null, note: text };
      await repo.update({ id: existing.id }, fields);
      participant = Object.assign(existing, fields);
      await record(em, actor, participant, 'INVITE', { status: [existing.status, ParticipantStatus.INVITED], note: [null, text] });
    } else {
      participant = repo.create({ taskId, departmentId, status: ParticipantStatus.INVITED, invitedAt, invitedById: actor.userId, respondedAt: null, respondedById: null, note: text });
      try {
        await repo.insert(participant);
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError(ErrorCode.PARTICIPANT_ALREADY_INVITED, { statusZh: participantStatusText.INVITED.zh, statusEn: participantStatusText.INVITED.en });
        throw error;
      }
      await record(em, actor, participant, 'INVITE', { status: [null, ParticipantStatus.INVITED], departmentId: [null, departmentId], note: [null, text] });
    }
    if (!locked.joint) await em.getRepository(Task).update({ id: taskId }, { joint: true });
    return participant;
  });
}

/** The actor's own department's participation in a task it can see; NOT_FOUND when it has none. */
async function ownParticipation(ctx: RequestContext, taskId: number): Promise<{ actor: Actor; task: Task; participant: TaskParticipant }> {
  const actor = requirePermission(ctx, Permission.MANAGE_TASKS);
  const participant = await ctx.ds.getRepository(TaskParticipant).findOneBy({ taskId, departmentId: actor.departmentId });
  const task = await ctx.ds.getRepository(Task).findOneBy({ id: taskId });
  if (!task) throw notFound('抽查任务', taskId);
  if (!participant) {
    // A department that sees the task otherwise (the lead, a department above) is not a participant: not its to answer.
    await getTask(ctx, taskId);
    throw new DomainError(ErrorCode.FORBIDDEN);
  }
  // A department that declined or withdrew no longer sees the task; the state error tells it why it cannot act.
  return { actor, task, participant };
}

export enum ParticipantResponse { CONFIRM = 'CONFIRM', DECLINE = 'DECLINE' }

/** The invited department (MANAGE_TASKS) confirms or declines, before a draw is scheduled. */
export async function respondToInvitation(ctx: RequestContext, taskId: number, response: ParticipantResponse, note?: string | null): Promise<TaskParticipant> {
  const { actor, participant } = await ownParticipation(ctx, taskId);
  const action = response === ParticipantResponse.CONFIRM ? ParticipantAction.CONFIRM : ParticipantAction.DECLINE;
  assertMay(participant, action);
  const text = cleanNote(note, false, '答复说明');
  return ctx.transaction(async (em) => {
    await lockTask(em, taskId);
    const current = await em.getRepository(TaskParticipant).findOneByOrFail({ id: participant.id });
    assertMay(current, action);
    await assertNoStandingDraw(em, taskId);
    const status = response === ParticipantResponse.CONFIRM ? ParticipantStatus.CONFIRMED : ParticipantStatus.DECLINED;
    const fields = { status, respondedAt: new Date(), respondedById: actor.userId, ...(text ? { note: text } : {}) };
    await em.getRepository(TaskParticipant).update({ id: current.id }, fields);
    await record(em, actor, current, response, { status: [current.status, status], ...(text ? { note: [current.note, text] } : {}) });
    return Object.assign(current, fields);
  });
}

/**
 * A CONFIRMED participant (MANAGE_TASKS) adds items of its own active catalog, pinned to their
 * current versions (as createTask pins the lead's). Items already in the task stay as pinned.
 */
export async function addParticipantItems(ctx: RequestContext, taskId: number, itemIds: number[]): Promise<TaskParticipant> {
  const { actor, participant } = await ownParticipation(ctx, taskId);
  assertMay(participant, ParticipantAction.ADD_ITEMS);
  const ids = [...new Set(itemIds)];
  if (!ids.length) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '请选择抽查事项 (choose at least one item)' });
  if (ids.length > 200) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '一次最多添加200项 (at most 200 items at once)' });
  const items = await ctx.ds.getRepository(InspectionItem).findBy({ id: In(ids), departmentId: actor.departmentId, active: true });
  const missing = ids.find((id) => !items.some((i) => i.id === id));
  if (missing !== undefined) throw new DomainError(ErrorCode.UNKNOWN_ITEM, { id: missing });
  return ctx.transaction(async (em) => {
    await lockTask(em, taskId);
    const current = await em.getRepository(TaskParticipant).findOneByOrFail({ id: participant.id });
    assertMay(current, ParticipantAction.ADD_ITEMS);
    await assertNoStandingDraw(em, taskId);
    const present = new Set((await em.getRepository(TaskItem).findBy({ taskId, itemId: In(ids) })).map((t) => t.itemId));
    const added = items.filter((i) => !present.has(i.id));
    if (added.length) {
      await em.getRepository(TaskItem).insert(added.map((i) => ({ taskId, itemId: i.id, itemVersion: i.currentVersion, departmentId: actor.departmentId })));
      await record(em, actor, current, ParticipantAction.ADD_ITEMS, { items: [null, added.map((i) => `${i.code}@${i.currentVersion}`)] });
    }
    return current;
  });
}

/**
 * A participant leaves (or the lead withdraws its invitation), with a reason, until a draw is
 * scheduled. After that it is refused (PARTICIPANT_LOCKED_IN): the draw's pools and commitment
 * include the participant's directory and its items' caps; the lead may void the draw before it is
 * locked, then the participant withdraws and a new draw is scheduled. The participant's items leave
 * the task with it (listed in the change record).
 */
export async function withdrawParticipant(ctx: RequestContext, taskId: number, departmentId: number, reason: string): Promise<TaskParticipant> {
  const actor = requirePermission(ctx, Permission.MANAGE_TASKS);
  const task = await ctx.ds.getRepository(Task).findOneBy({ id: taskId });
  const participant = task && (await ctx.ds.getRepository(TaskParticipant).findOneBy({ taskId, departmentId }));
  const byItself = actor.departmentId === departmentId && participant;
  if (!byItself) {
    await getTask(ctx, taskId);
    if (!task || task.departmentId !== actor.departmentId) throw new DomainError(ErrorCode.FORBIDDEN);
    if (!participant) throw notFound('参与部门', departmentId);
  }
  assertMay(participant!, ParticipantAction.WITHDRAW);
  const text = cleanNote(reason, true, '退出理由');
  return ctx.transaction(async (em) => {
    await lockTask(em, taskId);
    const current = await em.getRepository(TaskParticipant).findOneByOrFail({ id: participant!.id });
    assertMay(current, ParticipantAction.WITHDRAW);
    await assertNoStandingDraw(em, taskId);
    const items = await em.getRepository(TaskItem).findBy({ taskId, departmentId });
    if (items.length) await em.getRepository(TaskItem).delete({ taskId, departmentId });
    const fields = { status: ParticipantStatus.WITHDRAWN, respondedAt: new Date(), respondedById: actor.userId, note: text };
    await em.getRepository(TaskParticipant).update({ id: current.id }, fields);
    await record(em, actor, current, 'WITHDRAW', {
      status: [current.status, ParticipantStatus.WITHDRAWN], note: [current.note, text], byLead: [null, !byItself],
      ...(items.length ? { items: [items.map((i) => `${i.itemId}@${i.itemVersion}`), null] } : {}),
    });
    return Object.assign(current, fields);
  });
}

/**
 * Departments a lead may invite: any department of the hub (government departments are no secret),
 * other than the actor's own, by kind and by region (a region and everything in it). The usual
 * scope rule (own department and below) would hide exactly the departments a joint task is for.
 */
export async function invitableDepartments(ctx: RequestContext, filter: { kind?: DepartmentKind | null; regionCode?: string | null }): Promise<Department[]> {
  const actor = requirePermission(ctx, Permission.MANAGE_TASKS);
  const qb = ctx.ds.getRepository(Department).createQueryBuilder('d').where('d.id <> :own', { own: actor.departmentId });
  if (filter.kind) qb.andWhere('d.kind = :kind', { kind: filter.kind });
  if (filter.regionCode?.trim()) qb.andWhere('d.regionCode LIKE :region', { region: `${regionPrefix(filter.regionCode.trim())}%` });
  return qb.orderBy('d.regionCode', 'ASC').addOrderBy('d.path', 'ASC').take(200).getMany();
}

/** The participations of the actor's department (invitations to answer, tasks it takes part in), newest first. */
export async function myParticipations(ctx: RequestContext, statuses?: ParticipantStatus[] | null): Promise<TaskParticipant[]> {
  const actor = requirePermission(ctx, Permission.READ_DIRECTORIES);
  return ctx.ds.getRepository(TaskParticipant).find({
    where: { departmentId: actor.departmentId, ...(statuses?.length ? { status: In(statuses) } : {}) }, order: { id: 'DESC' }, take: 500,
  });
}

// ── Results (minimal; review and publication come later) ─────────────────────────────────────

/** A visit the actor may see through one of its tasks (owner side or CONFIRMED participant); else it "does not exist". */
async function followedTaskOfVisit(ctx: RequestContext, visitId: number, taskId?: number): Promise<{ tasks: Task[] }> {
  const rows: { taskId: number }[] = await ctx.ds.query('SELECT taskId FROM visit_task WHERE visitId = ?', [visitId]);
  const tasks = rows.length ? await ctx.ds.getRepository(Task).findBy({ id: In(rows.map((r) => Number(r.taskId))) }) : [];
  const followed: Task[] = [];
  for (const task of tasks) if (await canFollowTask(ctx, task)) followed.push(task);
  if (!followed.length) throw notFound('检查', visitId);
  if (taskId !== undefined && !tasks.some((t) => t.id === taskId)) throw new DomainError(ErrorCode.TASK_NOT_IN_VISIT, { taskId, visitId });
  return { tasks: followed };
}

/**
 * Records one result category for one item of a task on a visit. Only the department that
 * contributed the item records it (for the lead's items, also the department the task is delegated
 * to): an item of another participant is ITEM_NOT_YOURS. The same category twice is a CONFLICT.
 */
export async function recordItemResult(ctx: RequestContext, input: { visitId: number; taskId: number; itemId: number; outcome: ResultOutcome; note?: string | null }): Promise<VisitItemResult> {
  const actor = requirePermission(ctx, Permission.RECORD_RESULTS);
  const note = (input.note ?? '').trim();
  if (note.length > 1000) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '检查情况说明最多1000字 (a note has at most 1000 characters)' });
  const task = await ctx.ds.getRepository(Task).findOneBy({ id: input.taskId });
  if (!task || !(await canFollowTask(ctx, task))) throw notFound('抽查任务', input.taskId);
  await followedTaskOfVisit(ctx, input.visitId, input.taskId);
  const taskItem = await ctx.ds.getRepository(TaskItem).findOneBy({ taskId: task.id, itemId: input.itemId });
  if (!taskItem) throw notFound('任务的抽查事项', input.itemId);
  if (!resultRecorders(taskItem, task).includes(actor.departmentId)) {
    const item = await ctx.ds.getRepository(InspectionItem).findOneBy({ id: taskItem.itemId });
    const owner = await nameOf(ctx.ds, taskItem.departmentId);
    throw new DomainError(ErrorCode.ITEM_NOT_YOURS, { item: item?.code ?? String(taskItem.itemId), owner: `“${owner}”`, ownerEn: owner }, { itemId: String(taskItem.itemId), departmentId: String(taskItem.departmentId) });
  }
  const result = ctx.ds.getRepository(VisitItemResult).create({
    visitId: input.visitId, taskId: task.id, itemId: taskItem.itemId, departmentId: taskItem.departmentId, outcome: input.outcome, note,
    recordedById: actor.userId, recordedAt: new Date(),
  });
  try {
    await ctx.transaction((em) => em.getRepository(VisitItemResult).insert(result));
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(ErrorCode.CONFLICT, { reason: '该事项的这一检查结果已录入 (this result is already recorded for the item)' });
    throw error;
  }
  return result;
}

/** The results recorded on a visit, for the tasks the actor follows. */
export async function visitItemResults(ctx: RequestContext, visitId: number): Promise<VisitItemResult[]> {
  requirePermission(ctx, Permission.READ_DIRECTORIES);
  const { tasks } = await followedTaskOfVisit(ctx, visitId);
  return ctx.ds.getRepository(VisitItemResult).find({ where: { visitId, taskId: In(tasks.map((t) => t.id)) }, order: { id: 'ASC' } });
}

