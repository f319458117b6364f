import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { In } from 'typeorm';
import { notFound } from '../../common/errors';
import { PageInput } from '../../common/pagination';
import type { RequestContext } from '../../graphql/context';
import { InspectionItemVersion } from '../catalog/inspection-item.entity';
import { Department } from '../org/department.entity';
import { Task, TaskItem } from '../task/task.entity';
import { Draw, DrawPick, DrawStatus } from './draw.entity';

@ObjectType({ description: 'A drawn target as the announcement lists it' })
class AnnouncedTarget {
  @Field() publicId: string;
  @Field() name: string;
  @Field() regionCode: string;
  @Field({ description: 'Segment label it was drawn in' }) segment: string;
}

@ObjectType({ description: '抽查任务公告 — published when a draw is locked; readable without login' })
class TaskAnnouncement {
  @Field(() => ID) drawId: number;
  @Field(() => ID) taskId: number;
  @Field() taskName: string;
  @Field() departmentName: string;
  @Field() executingDepartmentName: string;
  @Field({ description: 'YYYY-MM-DD' }) windowStart: string;
  @Field({ description: 'YYYY-MM-DD' }) windowEnd: string;
  @Field(() => [String], { description: 'Inspection items checked' }) items: string[];
  @Field() announcedAt: Date;
  @Field() commitment: string;
  @Field(() => Int) targetCount: number;
  @Field(() => [AnnouncedTarget]) targets: AnnouncedTarget[];
  @Field({ description: 'Where the full draw record can be downloaded for verification' }) recordUrl: string;
}

@ObjectType() class TaskAnnouncementList { @Field(() => [TaskAnnouncement]) items: TaskAnnouncement[]; @Field(() => Int) totalItems: number; }

async function announce(ctx: RequestContext, draws: Draw[], withTargets: boolean): Promise<TaskAnnouncement[]> {
  if (!draws.length) return [];
  const tasks = new Map((await ctx.ds.getRepository(Task).findBy({ id: In(draws.map((d) => d.taskId)) })).map((t) => [t.id, t]));
  const departmentIds = [...tasks.values()].flatMap((t) => [t.departmentId, t.executingDepartmentId]);
  const departments = new Map((await ctx.ds.getRepository(Department).findBy({ id: In(departmentIds) })).map((d) => [d.id, d.name]));
  const taskItems = await ctx.ds.getRepository(TaskItem).findBy({ taskId: In([...tasks.keys()]) });
  const versions = taskItems.length ? await ctx.ds.getRepository(InspectionItemVersion).find({ where: taskItems.map((i) => ({ itemId: i.itemId, version: i.itemVersion })) }) : [];
  const itemName = new Map(versions.map((v) => [`${v.itemId}:${v.version}`, v.name]));
  const result: TaskAnnouncement[] = [];
  for (const draw of draws) {
    const task = tasks.get(draw.taskId)!;
    const targetCount = await ctx.ds.getRepository(DrawPick).count({ where: { drawId: draw.id } });
    let targets: AnnouncedTarget[] = [];
    if (withTargets) {
      const rows: { publicId: string; name: string; regionCode: string; label: string }[] = await ctx.ds.query(
        `SELECT p.publicId AS publicId, t.name AS name, t.regionCode AS regionCode, s.label AS label FROM draw_pick p
         JOIN target t ON t.id = p.targetId JOIN draw_segment s ON s.drawId = p.drawId AND s.position = p.segmentPosition
         WHERE p.drawId = ? ORDER BY p.segmentPosition, p.ordinal`, [draw.id]);
      targets = rows.map((r) => ({ publicId: r.publicId, name: r.name, regionCode: r.regionCode, segment: r.label }));
    }
    result.push({
      drawId: draw.id, taskId: task.id, taskName: task.name, departmentName: departments.get(task.departmentId) ?? '', executingDepartmentName: departments.get(task.executingDepartmentId) ?? '',
      windowStart: task.windowStart, windowEnd: task.windowEnd, items: taskItems.filter((i) => i.taskId === task.id).map((i) => itemName.get(`${i.itemId}:${i.itemVersion}`) ?? ''),
      announcedAt: draw.lockedAt!, commitment: draw.commitment, targetCount, targets, recordUrl: `/files/draws/${draw.id}/record.json`,
    });
  }
  return result;
}

/** The public read API: announcements of locked draws, for businesses and the public, no login. */
@Resolver()
export class AnnouncementResolver {
  @Query(() => TaskAnnouncementList, { description: 'Task announcements, newest first (public)' })
  async taskAnnouncements(@Ctx() ctx: RequestContext, @Arg('page', () => PageInput, { defaultValue: new PageInput() }) page: PageInput): Promise<TaskAnnouncementList> {
    const [draws, totalItems] = await ctx.ds.getRepository(Draw).findAndCount({ where: { status: DrawStatus.ANNOUNCED }, order: { lockedAt: 'DESC', id: 'DESC' }, skip: page.skip, take: page.take });
    return { items: await announce(ctx, draws, false), totalItems };
  }

  @Query(() => TaskAnnouncement, { description: 'One announcement with every drawn target (public)' })
  async taskAnnouncement(@Ctx() ctx: RequestContext, @Arg('drawId', () => ID) drawId: string): Promise<TaskAnnouncement> {
    const draw = await ctx.ds.getRepository(Draw).findOneBy({ id: Number(drawId), status: DrawStatus.ANNOUNCED });
    if (!draw) throw notFound('抽查任务公告', drawId);
    return (await announce(ctx, [draw], true))[0];
  }
}
