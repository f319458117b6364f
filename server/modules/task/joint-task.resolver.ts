import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Query, Mutation, Resolver, Root, registerEnumType } from 'type-graphql';
import { JOINT_TASK_RULES, ParticipantStatus } from '../../domain/joint-rules';
import { ResultOutcome, resultOutcomeText } from '../../domain/result-outcome';
import { DepartmentKind } from '../../domain/vocabulary';
import type { RequestContext } from '../../graphql/context';
import { ChangeRecord } from '../audit/change-record.entity';
import { InspectionItem, InspectionItemVersion } from '../catalog/inspection-item.entity';
import { Department } from '../org/department.entity';
import { User } from '../org/user.entity';
import * as joint from './joint-task.service';
import { ParticipantResponse } from './joint-task.service';
import { canSeeTask, participantsOf } from './participant.policy';
import { TaskParticipant, VisitItemResult } from './task-participant.entity';
import { Task, TaskItem } from './task.entity';

registerEnumType(ParticipantResponse, { name: 'ParticipantResponse', description: 'An invited department’s answer' });

@ObjectType({ description: 'A published rule of joint tasks (联合抽查)' })
class JointTaskRule {
  @Field() code: string;
  @Field({ description: 'In the language of the request' }) text: string;
  @Field() zh: string;
  @Field() en: string;
}

@ObjectType({ description: 'An item of a task with the department that contributes it (the lead or a participant)' })
class TaskItemContribution {
  @Field(() => Department) department: Department;
  @Field(() => InspectionItemVersion, { description: 'The version the task pinned' }) item: InspectionItemVersion;
  @Field({ description: 'Contributed by the task’s own (lead) department' }) lead: boolean;
}

const displayName = async (ctx: RequestContext, userId: number | null) => (userId == null ? null : ((await ctx.loaders.user.load(userId)) as User | undefined)?.displayName ?? null);

async function pinnedVersions(ctx: RequestContext, rows: TaskItem[]): Promise<Map<string, InspectionItemVersion>> {
  const versions = await ctx.loaders.itemVersion.loadMany(rows.map((p) => `${p.itemId}:${p.itemVersion}`));
  const out = new Map<string, InspectionItemVersion>();
  versions.forEach((v, i) => { if (v instanceof InspectionItemVersion) out.set(`${rows[i].itemId}:${rows[i].itemVersion}`, v); });
  return out;
}

@Resolver(() => TaskParticipant)
export class TaskParticipantResolver {
  @Query(() => [TaskParticipant], { description: 'The joint tasks the actor’s department is invited to or takes part in (newest first); filter by status, e.g. [INVITED] for invitations to answer' })
  myJointTaskParticipations(@Ctx() ctx: RequestContext, @Arg('statuses', () => [ParticipantStatus], { nullable: true }) statuses?: ParticipantStatus[] | null) {
    return joint.myParticipations(ctx, statuses);
  }

  @Query(() => [Department], { description: 'Departments a lead may invite to a joint task (any but its own; at most 200), by kind and region (a region and everything in it)' })
  invitableDepartments(@Ctx() ctx: RequestContext, @Arg('kind', () => DepartmentKind, { nullable: true }) kind?: DepartmentKind | null, @Arg('regionCode', () => String, { nullable: true }) regionCode?: string | null) {
    return joint.invitableDepartments(ctx, { kind, regionCode });
  }

  @Query(() => [JointTaskRule], { description: 'The rules of joint tasks (联合抽查), in zh and en (public)' })
  jointTaskRules(@Ctx() ctx: RequestContext): JointTaskRule[] {
    return JOINT_TASK_RULES.map((r) => ({ ...r, text: r[ctx.lang] }));
  }

  @Mutation(() => TaskParticipant, { description: 'The lead department invites a department (another kind and/or another region) to its task, which becomes a joint task' })
  inviteParticipant(@Ctx() ctx: RequestContext, @Arg('taskId', () => ID) taskId: string, @Arg('departmentId', () => ID) departmentId: string, @Arg('note', () => String, { nullable: true }) note?: string | null) {
    return joint.inviteParticipant(ctx, Number(taskId), Number(departmentId), note);
  }

  @Mutation(() => TaskParticipant, { description: 'The invited department confirms or declines (before a draw is scheduled)' })
  respondToInvitation(@Ctx() ctx: RequestContext, @Arg('taskId', () => ID) taskId: string, @Arg('response', () => ParticipantResponse) response: ParticipantResponse, @Arg('note', () => String, { nullable: true }) note?: string | null) {
    return joint.respondToInvitation(ctx, Number(taskId), response, note);
  }

  @Mutation(() => TaskParticipant, { description: 'A confirmed participant adds items of its own active catalog, pinned to their current versions' })
  addParticipantItems(@Ctx() ctx: RequestContext, @Arg('taskId', () => ID) taskId: string, @Arg('itemIds', () => [ID]) itemIds: string[]) {
    return joint.addParticipantItems(ctx, Number(taskId), itemIds.map(Number));
  }

  @Mutation(() => TaskParticipant, { description: 'A participant withdraws (or the lead withdraws its invitation), with a reason, until a draw is scheduled; refused with PARTICIPANT_LOCKED_IN after' })
  withdrawParticipant(@Ctx() ctx: RequestContext, @Arg('taskId', () => ID) taskId: string, @Arg('departmentId', () => ID) departmentId: string, @Arg('reason') reason: string) {
    return joint.withdrawParticipant(ctx, Number(taskId), Number(departmentId), reason);
  }

  @FieldResolver(() => ID) taskId(@Root() row: TaskParticipant) { return row.taskId; }
  @FieldResolver(() => Task, { nullable: true, description: 'The task, while the viewer may see it (not after declining or withdrawing)' })
  async task(@Root() row: TaskParticipant, @Ctx() ctx: RequestContext) {
    const task = await ctx.loaders.task.load(row.taskId);
    return task && (await canSeeTask(ctx, task)) ? task : null;
  }
  @FieldResolver(() => String, { description: 'The task’s name (also after declining, for the record)' }) async taskName(@Root() row: TaskParticipant, @Ctx() ctx: RequestContext) { return (await ctx.loaders.task.load(row.taskId))?.name ?? ''; }
  @FieldResolver(() => Department) department(@Root() row: TaskParticipant, @Ctx() ctx: RequestContext) { return ctx.loaders.department.load(row.departmentId); }
  @FieldResolver(() => String, { nullable: true }) invitedBy(@Root() row: TaskParticipant, @Ctx() ctx: RequestContext) { return displayName(ctx, row.invitedById); }
  @FieldResolver(() => String, { nullable: true, description: 'Who confirmed, declined or withdrew' }) respondedBy(@Root() row: TaskParticipant, @Ctx() ctx: RequestContext) { return displayName(ctx, row.respondedById); }

  @FieldResolver(() => [InspectionItemVersion], { description: 'The items it contributes, as the versions the task pinned' })
  async items(@Root() row: TaskParticipant, @Ctx() ctx: RequestContext) {
    const pinned = (await ctx.loaders.taskItemsByTask.load(row.taskId)).filter((i) => i.departmentId === row.departmentId);
    return [...(await pinnedVersions(ctx, pinned)).values()];
  }

  @FieldResolver(() => [ChangeRecord], { description: 'Every change of the participation (invited, confirmed, declined, items added, withdrawn), oldest first' })
  history(@Root() row: TaskParticipant, @Ctx() ctx: RequestContext) {
    return ctx.ds.getRepository(ChangeRecord).find({ where: { entityType: 'TASK_PARTICIPANT', entityId: row.id }, order: { id: 'ASC' } });
  }
}

@Resolver(() => Task)
export class JointTaskFieldsResolver {
  @FieldResolver(() => [TaskParticipant], { description: 'A joint task’s invited departments, whatever their answer' })
  participants(@Root() task: Task, @Ctx() ctx: RequestContext) { return task.joint ? participantsOf(ctx.ds, task.id) : []; }

  @FieldResolver(() => TaskParticipant, { nullable: true, description: 'The viewer’s own department’s participation, if invited' })
  async myParticipation(@Root() task: Task, @Ctx() ctx: RequestContext) {
    if (!task.joint || !ctx.actor) return null;
    return ctx.ds.getRepository(TaskParticipant).findOneBy({ taskId: task.id, departmentId: ctx.actor.departmentId });
  }

  @FieldResolver(() => [TaskItemContribution], { description: 'Every item with the department contributing it (lead first)' })
  async itemContributions(@Root() task: Task, @Ctx() ctx: RequestContext): Promise<TaskItemContribution[]> {
    const rows = await ctx.loaders.taskItemsByTask.load(task.id);
    const versions = await pinnedVersions(ctx, rows);
    const out: TaskItemContribution[] = [];
    for (const row of rows) {
      const item = versions.get(`${row.itemId}:${row.itemVersion}`);
      const department = await ctx.loaders.department.load(row.departmentId);
      if (item && department) out.push({ item, department, lead: row.departmentId === task.departmentId });
    }
    return out.sort((a, b) => Number(b.lead) - Number(a.lead));
  }
}

@Resolver(() => VisitItemResult)
export class VisitItemResultResolver {
  @Mutation(() => VisitItemResult, { description: 'Records one result category for one of the actor’s department’s items on a visit (ITEM_NOT_YOURS for another participant’s item)' })
  recordItemResult(
    @Ctx() ctx: RequestContext,
    @Arg('visitId', () => ID) visitId: string,
    @Arg('taskId', () => ID) taskId: string,
    @Arg('itemId', () => ID) itemId: string,
    @Arg('outcome', () => ResultOutcome) outcome: ResultOutcome,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ) {
    return joint.recordItemResult(ctx, { visitId: Number(visitId), taskId: Number(taskId), itemId: Number(itemId), outcome, note });
  }

  @Query(() => [VisitItemResult], { description: 'The results recorded on a visit for the tasks the viewer follows' })
  visitItemResults(@Ctx() ctx: RequestContext, @Arg('visitId', () => ID) visitId: string) { return joint.visitItemResults(ctx, Number(visitId)); }

  @FieldResolver(() => ID) visitId(@Root() row: VisitItemResult) { return row.visitId; }
  @FieldResolver(() => ID) taskId(@Root() row: VisitItemResult) { return row.taskId; }
  @FieldResolver(() => ID) itemId(@Root() row: VisitItemResult) { return row.itemId; }
  @FieldResolver(() => String, { description: 'The category in the language of the request' }) outcomeText(@Root() row: VisitItemResult, @Ctx() ctx: RequestContext) { return resultOutcomeText[row.outcome]?.[ctx.lang] ?? row.outcome; }
  @FieldResolver(() => String, { nullable: true }) async itemCode(@Root() row: VisitItemResult, @Ctx() ctx: RequestContext) { return ((await ctx.loaders.inspectionItem.load(row.itemId)) as InspectionItem | undefined)?.code ?? null; }
  @FieldResolver(() => Department, { description: 'The department the item belongs to, which recorded the result' }) department(@Root() row: VisitItemResult, @Ctx() ctx: RequestContext) { return ctx.loaders.department.load(row.departmentId); }
  @FieldResolver(() => String, { nullable: true }) recordedBy(@Root() row: VisitItemResult, @Ctx() ctx: RequestContext) { return displayName(ctx, row.recordedById); }
}
