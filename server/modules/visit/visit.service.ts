import { Field, ID, InputType } from 'type-graphql';
import { SelectQueryBuilder } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { pageOf } from '../../common/listing';
import { PageInput, Paginated } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { isCalendarDate } from '../../domain/calendar-date';
import { requirePermission, RequestContext } from '../../graphql/context';
import { getTask } from '../task/task.service';
import { confirmedParticipantSql } from '../task/participant.policy';
import { Visit, VisitStatus } from './visit.entity';

@InputType({ description: 'Which visits to list' })
export class VisitFilter {
  @Field(() => [VisitStatus], { nullable: true }) statuses?: VisitStatus[] | null;
  @Field(() => ID, { nullable: true, description: 'Visits serving this task' }) taskId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Visits formed or joined by this draw' }) drawId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Visits serving a task executed by this department' }) departmentId?: string | null;
  @Field(() => String, { nullable: true, description: 'The target’s public id (credit code)' }) publicId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true: only visits serving two or more tasks; false: only single-task visits' }) merged?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Visits whose window ends on or after this day (YYYY-MM-DD)' }) windowFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'Visits whose window starts on or before this day (YYYY-MM-DD)' }) windowTo?: string | null;
}

/** A visit is seen by the departments whose tasks it serves and the one leading it, and by every department above them. */
export function whereVisible(qb: SelectQueryBuilder<Visit>, visible: number[]): SelectQueryBuilder<Visit> {
  const ids = visible.length ? visible : [-1];
  const alias = qb.alias;
  // Also the visits of joint tasks in which one of the visible departments is a confirmed participant.
  return qb.andWhere(
    `(${alias}.leadDepartmentId IN (:...visibleIds) OR EXISTS (SELECT 1 FROM visit_task sv WHERE sv.visitId = ${alias}.id AND (sv.departmentId IN (:...visibleIds) OR ${confirmedParticipantSql('sv.taskId', 'visibleIds')})))`,
    { visibleIds: ids },
  );
}

export async function listVisits(ctx: RequestContext, filter: VisitFilter, page: PageInput): Promise<Paginated<Visit>> {
  requirePermission(ctx, Permission.READ_DIRECTORIES);
  for (const value of [filter.windowFrom, filter.windowTo]) if (value && !isCalendarDate(value)) throw new DomainError(ErrorCode.INVALID_DATE, { value });
  const qb = whereVisible(ctx.ds.getRepository(Visit).createQueryBuilder('v'), await ctx.visibleDepartmentIds());
  if (filter.statuses?.length) qb.andWhere('v.status IN (:...statuses)', { statuses: filter.statuses });
  if (filter.publicId) qb.andWhere('v.publicId = :publicId', { publicId: filter.publicId.trim() });
  if (filter.taskId) qb.andWhere('EXISTS (SELECT 1 FROM visit_task ft WHERE ft.visitId = v.id AND ft.taskId = :taskId)', { taskId: Number(filter.taskId) });
  if (filter.drawId) qb.andWhere('EXISTS (SELECT 1 FROM visit_task fd WHERE fd.visitId = v.id AND fd.drawId = :drawId)', { drawId: Number(filter.drawId) });
  if (filter.departmentId) qb.andWhere('EXISTS (SELECT 1 FROM visit_task fp WHERE fp.visitId = v.id AND fp.departmentId = :departmentId)', { departmentId: Number(filter.departmentId) });
  if (filter.merged != null) qb.andWhere(`(SELECT COUNT(*) FROM visit_task fm WHERE fm.visitId = v.id) ${filter.merged ? '>' : '='} 1`);
  if (filter.windowFrom) qb.andWhere('v.windowEnd >= :windowFrom', { windowFrom: filter.windowFrom });
  if (filter.windowTo) qb.andWhere('v.windowStart <= :windowTo', { windowTo: filter.windowTo });
  return pageOf(qb, page, 'createdAt');
}

/** One visit, if the actor may see it (otherwise it "does not exist"). */
export async function getVisit(ctx: RequestContext, id: number): Promise<Visit> {
  requirePermission(ctx, Permission.READ_DIRECTORIES);
  const visit = await whereVisible(ctx.ds.getRepository(Visit).createQueryBuilder('v').where('v.id = :id', { id }), await ctx.visibleDepartmentIds()).getOne();
  if (!visit) throw notFound('检查', id);
  return visit;
}

/** The visits of one task the actor may see (the task itself must be visible). */
export async function taskVisits(ctx: RequestContext, taskId: number, page: PageInput): Promise<Paginated<Visit>> {
  const task = await getTask(ctx, taskId);
  const qb = ctx.ds.getRepository(Visit).createQueryBuilder('v').where('EXISTS (SELECT 1 FROM visit_task tv WHERE tv.visitId = v.id AND tv.taskId = :taskId)', { taskId: task.id });
  return pageOf(qb, page, 'createdAt');
}

/** Open visits of the same target other than this one, whoever leads them (to find what to merge with). */
export async function sameTargetVisits(ctx: RequestContext, visit: Visit): Promise<Visit[]> {
  return (await ctx.loaders.openVisitsByPublicId.load(visit.publicId)).filter((v) => v.id !== visit.id);
}
