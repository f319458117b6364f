import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { PageInput } from '../../common/pagination';
import type { RequestContext } from '../../graphql/context';
import { Draw } from '../draw/draw.entity';
import { Department } from '../org/department.entity';
import { DrawFilter, listDraws } from './draw-list';
import { supervisionOverview } from './supervision.service';
import { CapBreachView, DrawList, SupervisionOverview } from './supervision.types';

@Resolver()
export class SupervisionResolver {
  @Query(() => DrawList, { description: 'Draws the user may watch (own department and below, delegated and joint tasks, draws the user witnesses), newest first' })
  draws(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => DrawFilter, { nullable: true }) filter: DrawFilter | null,
    @Arg('page', () => PageInput, { defaultValue: new PageInput() }) page: PageInput,
  ) {
    return listDraws(ctx, filter ?? {}, page);
  }

  @Query(() => SupervisionOverview, { description: 'Supervision figures of the jurisdiction, or of a region inside it, for a year (this year by default); supervisors, administrators and reviewing leaders' })
  supervisionOverview(
    @Ctx() ctx: RequestContext,
    @Arg('regionCode', () => String, { nullable: true }) regionCode?: string | null,
    @Arg('year', () => Int, { nullable: true }) year?: number | null,
  ) {
    return supervisionOverview(ctx, regionCode, year);
  }
}

/** What a list of draws shows about each one, read in batches (one statement per page, not per draw). */
@Resolver(() => Draw)
export class DrawListFieldsResolver {
  @FieldResolver(() => String, { description: 'The task’s name' })
  async taskName(@Root() draw: Draw, @Ctx() ctx: RequestContext): Promise<string> {
    return (await ctx.loaders.task.load(draw.taskId))?.name ?? '';
  }

  @FieldResolver(() => Department, { description: 'The department of the task (the one running the draw)' })
  async department(@Root() draw: Draw, @Ctx() ctx: RequestContext) {
    const task = await ctx.loaders.task.load(draw.taskId);
    return task && ctx.loaders.department.load(task.departmentId);
  }
}

@Resolver(() => CapBreachView)
export class CapBreachResolver {
  @FieldResolver(() => Department) department(@Root() breach: CapBreachView, @Ctx() ctx: RequestContext) { return ctx.loaders.department.load(breach.departmentId); }
}
