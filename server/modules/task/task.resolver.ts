import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { PageInput, PaginatedList } from '../../common/pagination';
import { COUNTING_RULE, countFromRatio, ExclusionReason, exclusionReasonText } from '../../domain/eligibility';
import type { RequestContext } from '../../graphql/context';
import { InspectionItemVersion } from '../catalog/inspection-item.entity';
import { Draw } from '../draw/draw.entity';
import { Department } from '../org/department.entity';
import { formPools } from './pool-builder';
import { Task, TaskItem, TaskSegment } from './task.entity';
import { CreateTaskInput } from './task.inputs';
import * as tasks from './task.service';

@ObjectType() class TaskList extends PaginatedList(Task) {}

@ObjectType({ description: 'A target left out of a pool, with the published reason' })
class ExcludedTarget {
  @Field() publicId: string;
  @Field(() => ID) targetId: number;
  @Field() reason: string;
  @Field() reasonText: string;
}

@ObjectType({ description: 'What a segment’s pool would be if the draw were scheduled now' })
class SegmentPreview {
  @Field() label: string;
  @Field(() => Int) poolSize: number;
  @Field(() => Int, { description: 'By the counting rule (or the fixed count)' }) count: number;
  @Field(() => Int) excludedCount: number;
  @Field(() => [ExcludedTarget], { description: 'The first 200 exclusions' }) excluded: ExcludedTarget[];
}

@ObjectType()
class PoolPreview {
  @Field({ description: 'How a ratio becomes a count' }) countingRule: string;
  @Field(() => [SegmentPreview]) segments: SegmentPreview[];
}

@Resolver(() => Task)
export class TaskResolver {
  @Mutation(() => Task) createTask(@Ctx() ctx: RequestContext, @Arg('input') input: CreateTaskInput) { return tasks.createTask(ctx, input); }

  @Query(() => Task) task(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) { return tasks.getTask(ctx, Number(id)); }

  @Query(() => TaskList, { description: 'Tasks of the departments in scope, and tasks delegated to them' })
  tasks(@Ctx() ctx: RequestContext, @Arg('page', () => PageInput, { defaultValue: new PageInput() }) page: PageInput, @Arg('year', () => Int, { nullable: true }) year?: number | null) {
    return tasks.listTasks(ctx, page, year);
  }

  @FieldResolver(() => [InspectionItemVersion], { description: 'The items, as the versions the task pinned' })
  async items(@Root() task: Task, @Ctx() ctx: RequestContext) {
    const pinned = await ctx.ds.getRepository(TaskItem).findBy({ taskId: task.id });
    const versions = await ctx.loaders.itemVersion.loadMany(pinned.map((p) => `${p.itemId}:${p.itemVersion}`));
    return versions.filter((v): v is InspectionItemVersion => v instanceof InspectionItemVersion);
  }

  @FieldResolver(() => [TaskSegment]) segments(@Root() task: Task, @Ctx() ctx: RequestContext) {
    return ctx.ds.getRepository(TaskSegment).find({ where: { taskId: task.id }, order: { position: 'ASC' } });
  }

  @FieldResolver(() => [Draw], { description: 'Every draw the task ever had, voided ones included, oldest first' })
  draws(@Root() task: Task, @Ctx() ctx: RequestContext) {
    return ctx.ds.getRepository(Draw).find({ where: { taskId: task.id }, order: { id: 'ASC' } });
  }

  @FieldResolver(() => Department) department(@Root() task: Task, @Ctx() ctx: RequestContext) { return ctx.loaders.department.load(task.departmentId); }
  @FieldResolver(() => Department) executingDepartment(@Root() task: Task, @Ctx() ctx: RequestContext) { return ctx.loaders.department.load(task.executingDepartmentId); }

  @FieldResolver(() => PoolPreview, { description: 'The pools and exclusions as the published rules form them right now (a joint task’s participants that have not confirmed are left out)' })
  async poolPreview(@Root() task: Task, @Ctx() ctx: RequestContext): Promise<PoolPreview> {
    const pools = await formPools(ctx.ds, task, { preview: true });
    const text = (reason: ExclusionReason) => exclusionReasonText[reason][ctx.lang];
    return {
      countingRule: COUNTING_RULE[ctx.lang],
      segments: pools.map((p) => ({
        label: p.label, poolSize: p.entries.length, excludedCount: p.excluded.length,
        count: p.segment.fixedCount ?? countFromRatio(p.entries.length, p.segment.ratioPercent!),
        excluded: p.excluded.slice(0, 200).map((e) => ({ publicId: e.publicId, targetId: e.targetId, reason: e.reason, reasonText: text(e.reason) })),
      })),
    };
  }
}
