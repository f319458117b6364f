import { In } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { pageOf } from '../../common/listing';
import { PageInput, Paginated } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { isCalendarDate } from '../../domain/calendar-date';
import { LABEL_PATTERN } from '../../domain/draw-v1';
import { requirePermission, RequestContext } from '../../graphql/context';
import { InspectionItem } from '../catalog/inspection-item.entity';
import { Department } from '../org/department.entity';
import { assertWithinScope } from '../org/org.policy';
import { Task, TaskItem, TaskKind, TaskSegment } from './task.entity';
import { AnnualPlan, PlanVersion } from '../plan/annual-plan.entity';
import { PlanBatch, PlanBatchItem } from '../plan/plan-batch.entity';
import { PlanStatus } from '../../domain/plan-rules';
import { CreateTaskInput, TaskSegmentInput } from './task.inputs';
import { activeParticipantSql, canSeeTask } from './participant.policy';

function segmentProblem(label: string, zh: string, en: string): DomainError {
  return new DomainError(ErrorCode.INVALID_SEGMENT, { label, reasonZh: zh, reasonEn: en });
}

/** Segment rules that need no data: label, one of ratio or count, ratio within (0, 100]. */
export function checkSegments(segments: TaskSegmentInput[]): void {
  const labels = new Set<string>();
  for (const s of segments) {
    if (!LABEL_PATTERN.test(s.label)) throw segmentProblem(s.label, '标签只能含字母、数字和 . _ : / -，最长128位', 'labels use letters, digits and . _ : / -, at most 128');
    if (labels.has(s.label)) throw segmentProblem(s.label, '标签重复', 'label used twice');
    labels.add(s.label);
    const hasRatio = s.ratioPercent != null, hasCount = s.fixedCount != null;
    if (hasRatio === hasCount) throw segmentProblem(s.label, '抽查比例和抽取数量须且只能填写一项', 'give either a ratio or a count');
    if (hasRatio && !(s.ratioPercent! > 0 && s.ratioPercent! <= 100)) throw segmentProblem(s.label, `抽查比例 ${s.ratioPercent}% 应在 0 到 100 之间`, `ratio ${s.ratioPercent}% must be within (0, 100]`);
    if (hasCount && !(Number.isInteger(s.fixedCount) && s.fixedCount! >= 1)) throw segmentProblem(s.label, '抽取数量应为正整数', 'count must be a positive whole number');
  }
}

/**
 * Art. 3: a routine task comes from a batch of the department's adopted plan for that year, and
 * checks only items that batch plans. (Directed checks are the exception, with their reason.)
 */
async function assertPlanned(ctx: RequestContext, departmentId: number, batchId: number, year: number, items: InspectionItem[]): Promise<void> {
  const batch = await ctx.ds.getRepository(PlanBatch).findOneBy({ id: batchId });
  const version = batch && (await ctx.ds.getRepository(PlanVersion).findOneBy({ id: batch.planVersionId }));
  const plan = version && (await ctx.ds.getRepository(AnnualPlan).findOneBy({ id: version.planId }));
  if (!batch || !version || !plan || plan.departmentId !== departmentId || plan.year !== year || version.status === PlanStatus.DRAFT) {
    throw new DomainError(ErrorCode.UNKNOWN_PLAN_BATCH, { id: batchId });
  }
  const planned = new Set((await ctx.ds.getRepository(PlanBatchItem).findBy({ batchId })).map((i) => i.itemId));
  const unplanned = items.find((i) => !planned.has(i.id));
  if (unplanned) throw new DomainError(ErrorCode.ITEM_NOT_IN_PLAN, { item: unplanned.code });
}

export async function createTask(ctx: RequestContext, input: CreateTaskInput): Promise<Task> {
  const actor = requirePermission(ctx, Permission.MANAGE_TASKS);
  for (const value of [input.windowStart, input.windowEnd]) if (!isCalendarDate(value)) throw new DomainError(ErrorCode.INVALID_DATE, { value });
  if (input.windowStart > input.windowEnd) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: `执行期限结束日 ${input.windowEnd} 早于开始日 ${input.windowStart} (window ends before it starts)` });
  if (input.kind === TaskKind.DIRECTED && !input.directedReason?.trim()) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '定向检查须写明理由 (a directed check needs its reason)' });
  if (input.kind === TaskKind.PLANNED && !input.planBatchId) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '计划内任务须关联年度计划批次 (a planned task names its plan batch)' });
  checkSegments(input.segments);
  const itemIds = [...new Set(input.itemIds.map(Number))];
  const items = await ctx.ds.getRepository(InspectionItem).findBy({ id: In(itemIds), departmentId: actor.departmentId, active: true });
  const missing = itemIds.find((id) => !items.some((i) => i.id === id));
  if (missing !== undefined) throw new DomainError(ErrorCode.UNKNOWN_ITEM, { id: missing });
  if (input.kind === TaskKind.PLANNED) await assertPlanned(ctx, actor.departmentId, Number(input.planBatchId), Number(input.windowStart.slice(0, 4)), items);
  let executingDepartmentId = actor.departmentId;
  if (input.executingDepartmentId) {
    const executing = await ctx.loaders.department.load(Number(input.executingDepartmentId));
    if (!executing) throw notFound('执行部门', input.executingDepartmentId);
    assertWithinScope(actor, executing.path, '执行部门', input.executingDepartmentId);
    executingDepartmentId = executing.id;
  }
  return ctx.transaction(async (em) => {
    const task = em.getRepository(Task).create({
      departmentId: actor.departmentId, executingDepartmentId, year: Number(input.windowStart.slice(0, 4)), name: input.name.trim(), kind: input.kind,
      planBatchId: input.planBatchId ? Number(input.planBatchId) : null, directedReason: input.directedReason?.trim() || null,
      windowStart: input.windowStart, windowEnd: input.windowEnd, createdById: actor.userId, createdAt: new Date(), joint: Boolean(input.joint),
    });
    await em.getRepository(Task).insert(task);
    await em.getRepository(TaskItem).insert(items.map((i) => ({ taskId: task.id, itemId: i.id, itemVersion: i.currentVersion, departmentId: actor.departmentId })));
    await em.getRepository(TaskSegment).insert(input.segments.map((s, position) => ({
      taskId: task.id, position, label: s.label, filter: { ...s.filter } as never, ratioPercent: s.ratioPercent ?? null, fixedCount: s.fixedCount ?? null,
    })));
    return task;
  });
}

/**
 * A task is visible to its own department and those above, to the department it is delegated to,
 * and — a joint task — to its invited and confirmed participants (and those above them).
 */
export async function getTask(ctx: RequestContext, id: number): Promise<Task> {
  requirePermission(ctx, Permission.READ_DIRECTORIES);
  const task = await ctx.ds.getRepository(Task).findOneBy({ id });
  if (!task || !(await canSeeTask(ctx, task))) throw notFound('抽查任务', id);
  return task;
}

/** Tasks of the departments in scope, tasks delegated to them, and joint tasks they are invited to or take part in. */
export async function listTasks(ctx: RequestContext, page: PageInput, year?: number | null): Promise<Paginated<Task>> {
  requirePermission(ctx, Permission.READ_DIRECTORIES);
  const visible = await ctx.visibleDepartmentIds();
  const ids = visible.length ? visible : [-1];
  const qb = ctx.ds.getRepository(Task).createQueryBuilder('t').where(`(t.departmentId IN (:...ids) OR t.executingDepartmentId IN (:...ids) OR ${activeParticipantSql('t.id', 'ids')})`, { ids });
  if (year) qb.andWhere('t.year = :year', { year });
  return pageOf(qb, page, 'createdAt');
}

export async function taskDepartment(ctx: RequestContext, task: Task): Promise<Department> {
  const department = await ctx.loaders.department.load(task.departmentId);
  if (!department) throw notFound('部门', task.departmentId);
  return department;
}
