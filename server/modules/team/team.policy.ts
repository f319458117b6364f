import { EntityManager, In } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { Permission } from '../../common/permissions';
import { Role } from '../../domain/vocabulary';
import { Actor, requireActor, requirePermission, RequestContext } from '../../graphql/context';
import { Draw, DrawStatus } from '../draw/draw.entity';
import { loadDraw } from '../draw/draw.policy';
import { Inspector } from '../directory/inspector.entity';
import { Task } from '../task/task.entity';
import { Visit, VisitMember, VisitMemberRole, VisitStatus, VisitTask } from '../visit/visit.entity';
import { whereVisible } from '../visit/visit.service';
import { forUpdate } from '../../db/row-lock';
import { TeamDraw } from './team-draw.entity';

/**
 * Who may do what with teams (docs/team-draw.md, "Who does what"):
 * - drawing teams, cross-region teams and experts is a draw: RUN_DRAWS (draw operator, administrator)
 *   in the task's executing department (the department that leads the visits);
 * - team policy, direct appointments of a team or an expert: MANAGE_TASKS (planner, administrator)
 *   in that department;
 * - a replacement or recusal is requested by MANAGE_TASKS or RUN_DRAWS in the department leading the
 *   visit, or by an inspector of the team (the user linked to the inspector);
 * - it is approved or rejected by the visit's leader (the user linked to the LEADER inspector) or a
 *   reviewing leader (REVIEWING_LEADER, 分管领导) of the department leading the visit — never by
 *   the inspector it concerns.
 */

export const TEAM_DRAWN_STATUSES: readonly DrawStatus[] = [DrawStatus.LOCKED, DrawStatus.ANNOUNCED];

export const VISIT_STATUS_TEXT: Record<VisitStatus, { zh: string; en: string }> = {
  PENDING_TEAM: { zh: '待抽取检查组', en: 'waiting for its team' },
  STAFFED: { zh: '已组队', en: 'staffed' },
  UNSTAFFED: { zh: '未能组队', en: 'left unstaffed' },
  DONE: { zh: '已完成', en: 'done' },
  CANCELLED: { zh: '已取消', en: 'cancelled' },
};

/** The executing department's draw operator (or the permission given), for a draw in scope; returns the task too. */
export async function assertExecuting(ctx: RequestContext, drawId: number, permission: Permission): Promise<{ actor: Actor; draw: Draw; task: Task }> {
  const actor = requirePermission(ctx, permission);
  const draw = await loadDraw(ctx, drawId);
  const task = await ctx.ds.getRepository(Task).findOneByOrFail({ id: draw.taskId });
  const visible = await ctx.visibleDepartmentIds();
  if (!visible.includes(task.departmentId) && !visible.includes(task.executingDepartmentId)) throw notFound('摇号', draw.id);
  if (task.executingDepartmentId !== actor.departmentId) throw new DomainError(ErrorCode.FORBIDDEN);
  if (!TEAM_DRAWN_STATUSES.includes(draw.status)) throw new DomainError(ErrorCode.DRAW_NOT_LOCKED, { drawId: draw.id });
  return { actor, draw, task };
}

/** A visit the actor may see (otherwise it "does not exist"). */
export async function visibleVisit(ctx: RequestContext, visitId: number): Promise<Visit> {
  requireActor(ctx);
  const visit = await whereVisible(ctx.ds.getRepository(Visit).createQueryBuilder('v').where('v.id = :id', { id: visitId }), await ctx.visibleDepartmentIds()).getOne();
  if (!visit) throw notFound('检查', visitId);
  return visit;
}

/** One of the permissions, in the department leading the visit. */
export function assertLead(ctx: RequestContext, visit: Visit, permissions: Permission[]): Actor {
  const actor = requireActor(ctx);
  if (!permissions.some((p) => actor.permissions.has(p)) || actor.departmentId !== visit.leadDepartmentId) throw new DomainError(ErrorCode.FORBIDDEN);
  return actor;
}

/** The inspectors linked to a user (normally one). */
export async function inspectorsOfUser(db: EntityManager, userId: number): Promise<Inspector[]> {
  return db.getRepository(Inspector).find({ where: { userId } });
}

/** The team's current members, leader first then in draw order. */
export async function currentMembers(em: EntityManager, visitIds: number[]): Promise<VisitMember[]> {
  if (!visitIds.length) return [];
  const members = await forUpdate(em.getRepository(VisitMember).createQueryBuilder('m').where('m.visitId IN (:...ids) AND m.removedAt IS NULL', { ids: visitIds })
    .orderBy('m.visitId', 'ASC').addOrderBy('m.ordinal', 'ASC').addOrderBy('m.id', 'ASC')).getMany();
  return members.sort((a, b) => a.visitId - b.visitId || Number(b.role === VisitMemberRole.LEADER) - Number(a.role === VisitMemberRole.LEADER) || a.ordinal - b.ordinal || a.id - b.id);
}

/**
 * May the actor decide a change concerning `inspectorId` on these visits? The leader of one of them
 * (not when the change is about the leader), or a reviewing leader of the department leading them.
 */
export async function assertApprover(ctx: RequestContext, em: EntityManager, visits: Visit[], concerned: number[]): Promise<Actor> {
  const actor = requireActor(ctx);
  if (actor.roles.includes(Role.REVIEWING_LEADER) && visits.some((v) => v.leadDepartmentId === actor.departmentId)) {
    const own = await inspectorsOfUser(em, actor.userId);
    if (!own.some((i) => concerned.includes(i.id))) return actor;
  }
  const leaders = (await currentMembers(em, visits.map((v) => v.id))).filter((m) => m.role === VisitMemberRole.LEADER && !concerned.includes(m.inspectorId));
  if (leaders.length) {
    const linked = await em.getRepository(Inspector).find({ where: { id: In(leaders.map((m) => m.inspectorId)), userId: actor.userId } });
    if (linked.length) return actor;
  }
  throw new DomainError(ErrorCode.NOT_CHANGE_APPROVER);
}

/**
 * The draw a visit's team belongs to: the one whose team draw staffed it (or found it unstaffable);
 * before that, the draw of the lead department's task on the visit (the earliest). Its seed drives
 * replacements and experts, and its record and stream carry the visit's team changes.
 */
export async function drawIdOfVisit(em: EntityManager, visit: Pick<Visit, 'id' | 'teamDrawId' | 'leadDepartmentId'>): Promise<number> {
  if (visit.teamDrawId != null) {
    const teamDraw = await em.getRepository(TeamDraw).findOne({ where: { id: visit.teamDrawId }, select: { id: true, drawId: true } });
    if (teamDraw) return teamDraw.drawId;
  }
  const tasks = await em.getRepository(VisitTask).find({ where: { visitId: visit.id }, order: { drawId: 'ASC' } });
  const own = tasks.find((t) => t.departmentId === visit.leadDepartmentId) ?? tasks[0];
  if (!own) throw notFound('摇号', `visit ${visit.id}`);
  return own.drawId;
}

export function checkReason(reason: string): string {
  const text = (reason ?? '').trim();
  if (!text || text.length > 500) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '须说明理由（500字以内） (a reason of at most 500 characters is required)' });
  return text;
}
