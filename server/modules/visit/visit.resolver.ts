import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { PageInput, PaginatedList } from '../../common/pagination';
import { MERGE_RULES } from '../../domain/merge-rules';
import type { RequestContext } from '../../graphql/context';
import { InspectionItemVersion } from '../catalog/inspection-item.entity';
import { Expert } from '../directory/expert.entity';
import { Inspector } from '../directory/inspector.entity';
import { Target } from '../directory/target.entity';
import { Department } from '../org/department.entity';
import { User } from '../org/user.entity';
import { Task } from '../task/task.entity';
import { mergeVisits, splitVisitTask } from './merge-visits.command';
import { Visit, VisitExpert, VisitMember, VisitTask } from './visit.entity';
import { getVisit, listVisits, sameTargetVisits, taskVisits, VisitFilter } from './visit.service';

@ObjectType() class VisitList extends PaginatedList(Visit) {}

@ObjectType({ description: 'An item a visit checks, as pinned by one of its tasks' })
class VisitItem {
  @Field(() => ID) taskId: number;
  @Field(() => InspectionItemVersion) item: InspectionItemVersion;
  @Field({ description: 'The item belongs to a task of the viewer’s department (or one below): its results are the viewer’s to record' }) own: boolean;
}

@ObjectType({ description: 'A published rule for merging tasks into one visit' })
class MergeRule {
  @Field() code: string;
  @Field({ description: 'In the language of the request' }) text: string;
  @Field() zh: string;
  @Field() en: string;
}

@ObjectType({ description: 'The result of splitting a task off a visit' })
class VisitSplit {
  @Field(() => Visit, { description: 'The visit the task left' }) visit: Visit;
  @Field(() => Visit, { description: 'The new visit of the task' }) splitVisit: Visit;
}

const page = () => Arg('page', () => PageInput, { defaultValue: new PageInput() });

@Resolver(() => Visit)
export class VisitResolver {
  @Query(() => VisitList, { description: 'Visits serving a task of the departments in scope (or led by one of them)' })
  visits(@Ctx() ctx: RequestContext, @Arg('filter', () => VisitFilter, { nullable: true }) filter: VisitFilter | null, @page() paging: PageInput) {
    return listVisits(ctx, filter ?? {}, paging);
  }

  @Query(() => Visit)
  visit(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) { return getVisit(ctx, Number(id)); }

  @Query(() => VisitList, { description: 'The visits of a task, merged ones included' })
  taskVisits(@Ctx() ctx: RequestContext, @Arg('taskId', () => ID) taskId: string, @page() paging: PageInput) {
    return taskVisits(ctx, Number(taskId), paging);
  }

  @Query(() => [MergeRule], { description: 'The rules by which tasks are merged into one visit (public)' })
  mergeRules(@Ctx() ctx: RequestContext): MergeRule[] {
    return MERGE_RULES.map((r) => ({ ...r, text: r[ctx.lang] }));
  }

  @Mutation(() => Visit, { description: 'Merges open visits of one target whose windows overlap; returns the surviving visit. Recorded as VISITS_MERGED on the draws concerned.' })
  mergeVisits(
    @Ctx() ctx: RequestContext,
    @Arg('visitIds', () => [ID]) visitIds: string[],
    @Arg('reason') reason: string,
    @Arg('expectedVersions', () => [Int], { nullable: true, description: 'The version of each visit as seen (same order as visitIds); STALE_VERSION if one changed' }) expectedVersions?: number[] | null,
  ) {
    return mergeVisits(ctx, visitIds.map(Number), reason, expectedVersions);
  }

  @Mutation(() => VisitSplit, { description: 'Splits a task off a merged visit into a visit of its own. Recorded as VISIT_SPLIT on the draws concerned.' })
  splitVisitTask(
    @Ctx() ctx: RequestContext,
    @Arg('visitId', () => ID) visitId: string,
    @Arg('taskId', () => ID) taskId: string,
    @Arg('reason') reason: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: 'STALE_VERSION if the visit changed since' }) expectedVersion?: number | null,
  ) {
    return splitVisitTask(ctx, Number(visitId), Number(taskId), reason, expectedVersion);
  }

  @FieldResolver(() => Target, { nullable: true }) target(@Root() visit: Visit, @Ctx() ctx: RequestContext) { return ctx.loaders.target.load(visit.targetId); }
  @FieldResolver(() => Department, { description: 'The department whose team runs the visit' }) leadDepartment(@Root() visit: Visit, @Ctx() ctx: RequestContext) { return ctx.loaders.department.load(visit.leadDepartmentId); }
  @FieldResolver(() => [VisitTask], { description: 'Every task the visit serves' }) tasks(@Root() visit: Visit, @Ctx() ctx: RequestContext) { return ctx.loaders.visitTasksByVisit.load(visit.id); }
  @FieldResolver(() => Int) async taskCount(@Root() visit: Visit, @Ctx() ctx: RequestContext) { return (await ctx.loaders.visitTasksByVisit.load(visit.id)).length; }
  @FieldResolver(() => Boolean, { description: 'Serves two or more tasks' }) async merged(@Root() visit: Visit, @Ctx() ctx: RequestContext) { return (await ctx.loaders.visitTasksByVisit.load(visit.id)).length > 1; }

  @FieldResolver(() => [VisitItem], { description: 'Every item of every task, as the versions the tasks pinned' })
  async items(@Root() visit: Visit, @Ctx() ctx: RequestContext): Promise<VisitItem[]> {
    const tasks = await ctx.loaders.visitTasksByVisit.load(visit.id);
    const visible = new Set(await ctx.visibleDepartmentIds());
    const out: VisitItem[] = [];
    for (const t of tasks) {
      const pinned = await ctx.loaders.taskItemsByTask.load(t.taskId);
      const versions = await ctx.loaders.itemVersion.loadMany(pinned.map((p) => `${p.itemId}:${p.itemVersion}`));
      for (const v of versions) if (v instanceof InspectionItemVersion) out.push({ taskId: t.taskId, item: v, own: visible.has(t.departmentId) });
    }
    return out;
  }

  @FieldResolver(() => [VisitMember], { description: 'The team, leader first then in draw order; removed members only with includeRemoved' })
  async members(@Root() visit: Visit, @Ctx() ctx: RequestContext, @Arg('includeRemoved', { defaultValue: false }) includeRemoved: boolean) {
    const members = await ctx.loaders.visitMembersByVisit.load(visit.id);
    return members.filter((m) => includeRemoved || !m.removedAt).sort((a, b) => Number(b.role === 'LEADER') - Number(a.role === 'LEADER') || a.ordinal - b.ordinal || a.id - b.id);
  }

  @FieldResolver(() => [VisitExpert]) experts(@Root() visit: Visit, @Ctx() ctx: RequestContext) { return ctx.loaders.visitExpertsByVisit.load(visit.id); }

  @FieldResolver(() => [Visit], { description: 'Other open visits of the same target, whichever department leads them (candidates for a manual merge)' })
  sameTargetVisits(@Root() visit: Visit, @Ctx() ctx: RequestContext) { return sameTargetVisits(ctx, visit); }
}

@Resolver(() => VisitTask)
export class VisitTaskResolver {
  @FieldResolver(() => ID) taskId(@Root() row: VisitTask) { return row.taskId; }
  @FieldResolver(() => ID, { description: 'The draw that drew the target for this task' }) drawId(@Root() row: VisitTask) { return row.drawId; }
  @FieldResolver(() => Boolean, { description: 'Merged automatically when the draw was locked (false: added by a manual merge or split)' }) automatic(@Root() row: VisitTask) { return row.addedById == null; }
  @FieldResolver(() => String) async taskName(@Root() row: VisitTask, @Ctx() ctx: RequestContext) { return (await ctx.loaders.task.load(row.taskId))?.name ?? ''; }
  @FieldResolver(() => Department, { description: 'The task’s executing department' }) department(@Root() row: VisitTask, @Ctx() ctx: RequestContext) { return ctx.loaders.department.load(row.departmentId); }

  @FieldResolver(() => Task, { nullable: true, description: 'The task itself, when it is one of the viewer’s (or below)' })
  async task(@Root() row: VisitTask, @Ctx() ctx: RequestContext) {
    const task = await ctx.loaders.task.load(row.taskId);
    const visible = await ctx.visibleDepartmentIds();
    return task && (visible.includes(task.departmentId) || visible.includes(task.executingDepartmentId)) ? task : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who added the task by hand' })
  async addedBy(@Root() row: VisitTask, @Ctx() ctx: RequestContext) {
    return row.addedById == null ? null : ((await ctx.loaders.user.load(row.addedById)) as User | undefined)?.displayName ?? null;
  }
}

@Resolver(() => VisitMember)
export class VisitMemberResolver {
  @FieldResolver(() => Inspector, { nullable: true }) inspector(@Root() member: VisitMember, @Ctx() ctx: RequestContext) { return ctx.loaders.inspector.load(member.inspectorId); }
  @FieldResolver(() => Department, { nullable: true }) department(@Root() member: VisitMember, @Ctx() ctx: RequestContext) { return ctx.loaders.department.load(member.departmentId); }
}

@Resolver(() => VisitExpert)
export class VisitExpertResolver {
  @FieldResolver(() => Expert, { nullable: true }) expert(@Root() row: VisitExpert, @Ctx() ctx: RequestContext) { return ctx.loaders.expert.load(row.expertId); }
}

@Resolver(() => Task)
export class TaskVisitsResolver {
  @FieldResolver(() => VisitList, { description: 'The visits serving this task (merged ones included)' })
  visits(@Root() task: Task, @Ctx() ctx: RequestContext, @page() paging: PageInput) {
    return taskVisits(ctx, task.id, paging);
  }
}
