import { DataSource, EntityManager, In } from 'typeorm';
import { ACTIVE_PARTICIPANT_STATUSES, ParticipantStatus } from '../../domain/joint-rules';
import type { RequestContext } from '../../graphql/context';
import { Task } from './task.entity';
import { TaskParticipant } from './task-participant.entity';

/**
 * Who sees a joint task (联合抽查). Besides the task's own department (and those above it) and the
 * department it is delegated to:
 * - an INVITED or CONFIRMED participant (and the departments above it) sees the task itself — an
 *   invited department must read what it is invited to;
 * - only a CONFIRMED participant (and those above it) follows the task's draws — live stream and
 *   record included — and its visits. Declined and withdrawn participants see nothing of it.
 */

type Db = DataSource | EntityManager;

/** Participants of a task in the given statuses, oldest invitation first. */
export function participantsOf(db: Db, taskId: number, statuses?: readonly ParticipantStatus[]): Promise<TaskParticipant[]> {
  return db.getRepository(TaskParticipant).find({ where: { taskId, ...(statuses ? { status: In([...statuses]) } : {}) }, order: { id: 'ASC' } });
}

/** The departments taking part in a joint task (CONFIRMED participants; the lead not included). For the visit and team modules. */
export async function participantDepartmentIds(db: Db, taskId: number, statuses: readonly ParticipantStatus[] = [ParticipantStatus.CONFIRMED]): Promise<number[]> {
  return (await participantsOf(db, taskId, statuses)).map((p) => p.departmentId);
}

/** Is one of the actor's visible departments a participant of the task in one of these statuses? */
async function participatesVisibly(ctx: RequestContext, taskId: number, statuses: readonly ParticipantStatus[]): Promise<boolean> {
  if (!ctx.actor) return false;
  const visible = await ctx.visibleDepartmentIds();
  if (!visible.length) return false;
  return (await ctx.ds.getRepository(TaskParticipant).countBy({ taskId, status: In([...statuses]), departmentId: In(visible) })) > 0;
}

/** The task's own side: its department and those above it, and the department it is delegated to (and those above). */
export async function seesAsOwner(ctx: RequestContext, task: Pick<Task, 'departmentId' | 'executingDepartmentId'>): Promise<boolean> {
  const visible = await ctx.visibleDepartmentIds();
  return visible.includes(task.departmentId) || visible.includes(task.executingDepartmentId);
}

/** May the actor see the task (its items, segments, participants)? */
export async function canSeeTask(ctx: RequestContext, task: Pick<Task, 'id' | 'departmentId' | 'executingDepartmentId' | 'joint'>): Promise<boolean> {
  if (await seesAsOwner(ctx, task)) return true;
  return Boolean(task.joint) && participatesVisibly(ctx, task.id, ACTIVE_PARTICIPANT_STATUSES);
}

/** May the actor follow the task's draws and visits (the owner side, or a CONFIRMED participant)? */
export async function canFollowTask(ctx: RequestContext, task: Pick<Task, 'id' | 'departmentId' | 'executingDepartmentId' | 'joint'>): Promise<boolean> {
  if (await seesAsOwner(ctx, task)) return true;
  return Boolean(task.joint) && participatesVisibly(ctx, task.id, [ParticipantStatus.CONFIRMED]);
}

/** Is the actor's visible scope a CONFIRMED participant of the task? (For draw.policy: the owner side is checked there already.) */
export function isConfirmedParticipantViewer(ctx: RequestContext, taskId: number): Promise<boolean> {
  return participatesVisibly(ctx, taskId, [ParticipantStatus.CONFIRMED]);
}

/**
 * The joint tasks whose draws and visits the actor follows as a participant: those where one of the
 * actor's visible departments is CONFIRMED. For the visit module's `visits` / `visit(id)`: a
 * department sees every visit serving one of these tasks, as it sees those of its own tasks.
 */
export async function taskIdsVisibleTo(ctx: RequestContext): Promise<number[]> {
  const visible = await ctx.visibleDepartmentIds();
  if (!visible.length) return [];
  const rows = await ctx.ds.getRepository(TaskParticipant).createQueryBuilder('p').select('DISTINCT p.taskId', 'taskId')
    .where('p.status = :status AND p.departmentId IN (:...visible)', { status: ParticipantStatus.CONFIRMED, visible }).getRawMany<{ taskId: number }>();
  return rows.map((r) => Number(r.taskId));
}

/**
 * The same as an SQL condition on a task id expression, for queries that already bind the
 * actor's visible department ids (e.g. `:...visibleIds` in visit.service whereVisible):
 * `OR EXISTS (SELECT 1 FROM visit_task sj WHERE sj.visitId = v.id AND ${confirmedParticipantSql('sj.taskId', 'visibleIds')})`.
 */
export function confirmedParticipantSql(taskIdExpr: string, visibleIdsParam: string): string {
  return `EXISTS (SELECT 1 FROM task_participant tp WHERE tp.taskId = ${taskIdExpr} AND tp.status = '${ParticipantStatus.CONFIRMED}' AND tp.departmentId IN (:...${visibleIdsParam}))`;
}

/** The same condition for tasks the actor may see (INVITED or CONFIRMED), used by the task listing. */
export function activeParticipantSql(taskIdExpr: string, visibleIdsParam: string): string {
  const statuses = ACTIVE_PARTICIPANT_STATUSES.map((s) => `'${s}'`).join(',');
  return `EXISTS (SELECT 1 FROM task_participant tp WHERE tp.taskId = ${taskIdExpr} AND tp.status IN (${statuses}) AND tp.departmentId IN (:...${visibleIdsParam}))`;
}
