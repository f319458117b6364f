import { GraphQLJSONObject } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver, Root, Subscription } from 'type-graphql';
import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { PageInput } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import type { MatchGroup, UnstaffableReason } from '../../domain/team-matching';
import { requirePermission } from '../../graphql/context';
import type { RequestContext } from '../../graphql/context';
import { deferredIterator } from '../../graphql/direct-fanout';
import { Inspector } from '../directory/inspector.entity';
import { assertWithinScope } from '../org/org.policy';
import { Department } from '../org/department.entity';
import { User } from '../org/user.entity';
import { OPEN_VISIT_STATUSES, Visit, VisitExpert, VisitMember } from '../visit/visit.entity';
import { appointExpert, appointTeam, drawExpert } from './appoint.command';
import { drawCrossRegionTeams, drawTeams, neighbourDepartments, TeamDrawReport, UnstaffedDiagnosis } from './draw-teams.command';
import { approveMemberChange, rejectMemberChange, requestMemberChange } from './member-change.command';
import { TeamDraw } from './team-draw.entity';
import { getTeamPolicy, setTeamPolicy } from './team-policy.service';
import { buildTeamRecord, unstaffedVisits, viewableDraw } from './team-record.service';
import { exclusionText, groupText, unstaffedText } from './team-texts';
import { MemberChange, MemberChangeKind, TeamPolicy } from './team.entity';
import { inspectorsOfUser, visibleVisit } from './team.policy';
import { followAssignments, VisitAssignmentScope } from './visit-assignments';
import type { VisitAssignmentMessage } from './visit-assignments';

registerEnumType(VisitAssignmentScope, { name: 'VisitAssignmentScope', description: 'Whose new visits a visitAssignments subscription follows' });

export enum UnstaffedReason { TOO_FEW_ELIGIBLE = 'TOO_FEW_ELIGIBLE', GROUP_NOT_COVERED = 'GROUP_NOT_COVERED', CAPACITY_EXHAUSTED = 'CAPACITY_EXHAUSTED' }
registerEnumType(UnstaffedReason, { name: 'UnstaffedReason', description: 'Why the team draw could not staff a visit' });

export enum TeamRemedyKind { APPOINT = 'APPOINT', CROSS_REGION = 'CROSS_REGION' }
registerEnumType(TeamRemedyKind, { name: 'TeamRemedyKind', description: 'The two ways to staff a visit the draw could not (Art. 20)' });

@InputType({ description: 'How the department draws its teams' })
class TeamPolicyInput {
  @Field(() => Int, { description: 'Inspectors per team: at least 2' }) teamSize: number;
  @Field({ defaultValue: false, description: 'Each team covers the category of every item of the visit (a distinct member per category)' }) requireSpecialtyCoverage: boolean;
  @Field({ defaultValue: false, description: 'No inspector checks a target of their own township' }) recuseSameTownship: boolean;
  @Field(() => Int, { description: 'Open visits an inspector may be on at most' }) workloadLimit: number;
}

@ObjectType({ description: 'A specialty (item category code) or department a team must include' })
class TeamGroup {
  @Field({ description: 'SPECIALTY or DEPARTMENT' }) kind: string;
  @Field({ description: 'The category code, or the department id' }) value: string;
  @Field({ description: 'In the language of the request' }) text: string;
}

@ObjectType({ description: 'How many inspectors were excluded for one reason' })
class ExclusionCount {
  @Field({ description: 'INACTIVE, CERTIFICATE_NOT_VALID_FOR_WINDOW, CONFLICT_DECLARED, SAME_TOWNSHIP, WORKLOAD_FULL' }) reason: string;
  @Field(() => Int) count: number;
  @Field({ description: 'In the language of the request' }) text: string;
}

@ObjectType({ description: 'A visit the team draw could not staff, and why' })
class UnstaffedVisit {
  @Field(() => Visit) visit: Visit;
  @Field() publicId: string;
  @Field(() => UnstaffedReason) reason: UnstaffableReason;
  @Field(() => Int, { description: 'Inspectors eligible for the visit (capacity not considered)' }) eligible: number;
  @Field(() => Int, { description: 'Members the team needs: the team size, or one per required group if more' }) needed: number;
  @Field(() => [TeamGroup], { description: 'Groups that distinct eligible inspectors cannot all cover' }) missingGroups: TeamGroup[];
  @Field(() => [ExclusionCount], { description: 'Who was excluded and why (e.g. 3 certificates expire inside the window, 1 declared conflict)' }) excluded: ExclusionCount[];
  @Field({ description: 'The whole explanation, in the language of the request' }) explanation: string;
}

@ObjectType({ description: 'A way to staff the visits the draw could not' })
class TeamRemedy {
  @Field(() => TeamRemedyKind) kind: TeamRemedyKind;
  @Field({ description: 'What to do, in the language of the request' }) text: string;
  @Field() mutation: string;
  @Field(() => [Department], { description: 'CROSS_REGION: the departments of the same kind in neighbouring regions' }) departments: Department[];
}

@ObjectType({ description: 'The outcome of a team draw' })
class TeamDrawOutcome {
  @Field(() => TeamDraw) teamDraw: TeamDraw;
  @Field(() => Int) visits: number;
  @Field(() => Int) staffed: number;
  @Field(() => Int) unstaffedCount: number;
  @Field(() => [UnstaffedVisit], { description: 'The visits it could not staff (first 500), with the reason' }) unstaffed: UnstaffedVisit[];
  @Field(() => [TeamRemedy], { description: 'Empty when every visit was staffed' }) remedies: TeamRemedy[];
}

@ObjectType()
class UnstaffedVisitList {
  @Field(() => [UnstaffedVisit]) items: UnstaffedVisit[];
  @Field(() => Int) totalItems: number;
  @Field(() => [TeamRemedy]) remedies: TeamRemedy[];
}

@ObjectType({ description: 'A team event with the subscriber’s new or changed visits' })
class VisitAssignment {
  @Field(() => Int, { description: 'Hub-wide number of the event; pass the last one seen as afterGlobalSeq to resume' }) globalSeq: number;
  @Field(() => ID) drawId: number;
  @Field({ description: 'TEAMS_DRAWN, TEAM_APPOINTED, MEMBER_REPLACED, MEMBER_RECUSED, MEMBER_CHANGE_REQUESTED, MEMBER_CHANGE_REJECTED, EXPERT_ADDED' }) type: string;
  @Field() at: string;
  @Field(() => GraphQLJSONObject) payload: Record<string, unknown>;
  @Field(() => Int, { description: 'How many visits the event concerns for the subscriber (the list holds the first 500)' }) visitCount: number;
  @Field(() => [Visit]) visits: Visit[];
}

@InputType({ description: 'The other inspector of a recusal by swap: on another visit of the same task' })
class SwapWithInput {
  @Field(() => ID) visitId: string;
  @Field(() => ID) inspectorId: string;
}

function remedies(ctx: RequestContext, report: { unstaffedCount: number; neighbours: Department[] }): TeamRemedy[] {
  if (!report.unstaffedCount) return [];
  const zh = ctx.lang === 'zh';
  return [
    { kind: TeamRemedyKind.APPOINT, mutation: 'appointTeam', departments: [], text: zh ? '直接指定检查组（记录指定人和理由）' : 'Appoint the team directly (recorded with who decided and why)' },
    {
      kind: TeamRemedyKind.CROSS_REGION, mutation: 'drawCrossRegionTeams', departments: report.neighbours,
      text: report.neighbours.length
        ? (zh ? '与相邻地区的同类部门联合随机匹配执法检查人员' : "Match jointly and at random with the inspectors of a neighbouring region's department")
        : (zh ? '与相邻地区联合随机匹配（尚未声明相邻地区的同类部门）' : 'Match jointly with a neighbouring region (no department of the same kind is declared in a neighbouring region yet)'),
    },
  ];
}

async function departmentsById(ctx: RequestContext, ids: number[]): Promise<Department[]> {
  return (await ctx.loaders.department.loadMany(ids)).filter((d): d is Department => d instanceof Department);
}

async function unstaffedView(ctx: RequestContext, d: UnstaffedDiagnosis, visit: Visit | undefined): Promise<UnstaffedVisit> {
  const names = new Map((await departmentsById(ctx, d.missingGroups.filter((g) => g.kind === 'DEPARTMENT').map((g) => Number(g.value)))).map((x) => [String(x.id), x.name]));
  const groupView = (g: MatchGroup): TeamGroup => ({ kind: g.kind, value: g.value, text: groupText(g, ctx.lang, names.get(g.value)) });
  return {
    visit: visit!, publicId: d.publicId, reason: d.reason, eligible: d.eligible, needed: d.needed, missingGroups: d.missingGroups.map(groupView),
    excluded: d.excluded.map((e) => ({ reason: e.reason, count: e.count, text: exclusionText(e.reason, ctx.lang) })),
    explanation: unstaffedText({ ...d, missingGroups: d.missingGroups.map((g) => ({ ...g, value: names.get(g.value) ?? g.value })) }, ctx.lang),
  };
}

async function outcome(ctx: RequestContext, report: TeamDrawReport): Promise<TeamDrawOutcome> {
  const ids = report.unstaffed.map((u) => u.visitId);
  const visits = ids.length ? await ctx.ds.getRepository(Visit).createQueryBuilder('v').where('v.id IN (:...ids)', { ids }).getMany() : [];
  const byId = new Map(visits.map((v) => [v.id, v]));
  return {
    teamDraw: report.teamDraw, visits: report.visits, staffed: report.staffed, unstaffedCount: report.unstaffedCount,
    unstaffed: await Promise.all(report.unstaffed.map((u) => unstaffedView(ctx, u, byId.get(u.visitId)))),
    remedies: remedies(ctx, { unstaffedCount: report.unstaffedCount, neighbours: await departmentsById(ctx, report.neighbourDepartmentIds) }),
  };
}

@Resolver()
export class TeamResolver {
  @Query(() => TeamPolicy, { description: 'How a department draws its teams (its own by default; the defaults when it has set none)' })
  teamPolicy(@Ctx() ctx: RequestContext, @Arg('departmentId', () => ID, { nullable: true }) departmentId?: string | null) {
    return getTeamPolicy(ctx, departmentId ? Number(departmentId) : null);
  }

  @Mutation(() => TeamPolicy, { description: 'Sets the team policy of the caller’s department (task management permission)' })
  setTeamPolicy(@Ctx() ctx: RequestContext, @Arg('input') input: TeamPolicyInput) {
    return setTeamPolicy(ctx, input);
  }

  @Mutation(() => TeamDrawOutcome, { description: 'Draws a team for every visit of the locked draw that the caller’s (executing) department leads and that waits for one; recorded as TEAMS_DRAWN' })
  async drawTeams(@Ctx() ctx: RequestContext, @Arg('drawId', () => ID) drawId: string) {
    return outcome(ctx, await drawTeams(ctx, Number(drawId)));
  }

  @Mutation(() => TeamDrawOutcome, { description: 'Joint random matching with the inspectors of neighbouring regions’ departments, for the draw’s visits left unstaffed (Art. 20)' })
  async drawCrossRegionTeams(@Ctx() ctx: RequestContext, @Arg('drawId', () => ID) drawId: string, @Arg('neighbourDepartmentIds', () => [ID]) neighbourDepartmentIds: string[]) {
    return outcome(ctx, await drawCrossRegionTeams(ctx, Number(drawId), neighbourDepartmentIds.map(Number)));
  }

  @Mutation(() => Visit, { description: 'Appoints the team of a visit the draw left unstaffed (the first inspector leads); recorded as TEAM_APPOINTED with who decided and why' })
  appointTeam(@Ctx() ctx: RequestContext, @Arg('visitId', () => ID) visitId: string, @Arg('inspectorIds', () => [ID]) inspectorIds: string[], @Arg('reason') reason: string) {
    return appointTeam(ctx, Number(visitId), inspectorIds.map(Number), reason);
  }

  @Mutation(() => VisitExpert, { description: 'Adds an expert of the department’s expert library by name, with the reason' })
  appointExpert(@Ctx() ctx: RequestContext, @Arg('visitId', () => ID) visitId: string, @Arg('expertId', () => ID) expertId: string, @Arg('reason') reason: string) {
    return appointExpert(ctx, Number(visitId), Number(expertId), reason);
  }

  @Mutation(() => VisitExpert, { description: 'Draws an expert from the department’s expert library with the draw’s seed (optionally of a field: part of the expert’s specialty)' })
  drawExpert(@Ctx() ctx: RequestContext, @Arg('visitId', () => ID) visitId: string, @Arg('field', () => String, { nullable: true }) field?: string | null) {
    return drawExpert(ctx, Number(visitId), field);
  }

  @Mutation(() => MemberChange, { description: 'Asks to replace a drawn inspector (Art. 22): needs a reason and the leader’s approval' })
  requestReplacement(@Ctx() ctx: RequestContext, @Arg('visitId', () => ID) visitId: string, @Arg('inspectorId', () => ID) inspectorId: string, @Arg('reason') reason: string) {
    return requestMemberChange(ctx, MemberChangeKind.REPLACE, Number(visitId), Number(inspectorId), reason);
  }

  @Mutation(() => MemberChange, { description: 'Recusal (Art. 23): with swapWith, by swapping targets with an inspector of another visit of the same task; without, by leaving and being replaced' })
  requestRecusal(
    @Ctx() ctx: RequestContext,
    @Arg('visitId', () => ID) visitId: string,
    @Arg('inspectorId', () => ID) inspectorId: string,
    @Arg('reason') reason: string,
    @Arg('swapWith', () => SwapWithInput, { nullable: true }) swapWith?: SwapWithInput | null,
  ) {
    return requestMemberChange(ctx, swapWith ? MemberChangeKind.RECUSE_SWAP : MemberChangeKind.RECUSE_LEAVE, Number(visitId), Number(inspectorId), reason,
      swapWith ? { visitId: Number(swapWith.visitId), inspectorId: Number(swapWith.inspectorId) } : null);
  }

  @Mutation(() => MemberChange, { description: 'The visit’s leader (or a reviewing leader of the department) approves: the replacement is drawn, or the swap made' })
  approveMemberChange(@Ctx() ctx: RequestContext, @Arg('changeId', () => ID) changeId: string) {
    return approveMemberChange(ctx, Number(changeId));
  }

  @Mutation(() => MemberChange)
  rejectMemberChange(@Ctx() ctx: RequestContext, @Arg('changeId', () => ID) changeId: string, @Arg('reason', () => String, { nullable: true }) reason?: string | null) {
    return rejectMemberChange(ctx, Number(changeId), reason);
  }

  @Mutation(() => Inspector, { description: 'Links an inspector to the hub login of that person (null: unlinks), for their own visits (user management permission)' })
  async linkInspectorUser(@Ctx() ctx: RequestContext, @Arg('inspectorId', () => ID) inspectorId: string, @Arg('userId', () => ID, { nullable: true }) userId?: string | null) {
    const actor = requirePermission(ctx, Permission.MANAGE_USERS);
    const inspector = await ctx.ds.getRepository(Inspector).findOneBy({ id: Number(inspectorId) });
    const department = inspector && (await ctx.loaders.department.load(inspector.departmentId));
    if (!inspector || !department) throw notFound('执法检查人员', inspectorId);
    assertWithinScope(actor, department.path, '执法检查人员', inspectorId);
    if (userId) {
      const user = await ctx.ds.getRepository(User).findOneBy({ id: Number(userId) });
      const home = user && (await ctx.loaders.department.load(user.departmentId));
      if (!user || !home) throw notFound('用户', userId);
      assertWithinScope(actor, home.path, '用户', userId);
    }
    await ctx.ds.getRepository(Inspector).update({ id: inspector.id }, { userId: userId ? Number(userId) : null });
    return { ...inspector, userId: userId ? Number(userId) : null };
  }

  @Query(() => [TeamDraw], { description: 'The team draws made from a draw’s seed, in order' })
  async teamDraws(@Ctx() ctx: RequestContext, @Arg('drawId', () => ID) drawId: string) {
    const draw = await viewableDraw(ctx, Number(drawId));
    return ctx.ds.getRepository(TeamDraw).find({ where: { drawId: draw.id }, order: { id: 'ASC' } });
  }

  @Query(() => UnstaffedVisitList, { description: 'The draw’s visits still unstaffed, with the reason and who was excluded, and the ways to staff them' })
  async unstaffedVisits(@Ctx() ctx: RequestContext, @Arg('drawId', () => ID) drawId: string, @Arg('page', () => PageInput, { defaultValue: new PageInput() }) page: PageInput) {
    const draw = await viewableDraw(ctx, Number(drawId));
    const { items, totalItems } = await unstaffedVisits(ctx, draw, page.skip, page.take);
    const home = ctx.actor ? await ctx.loaders.department.load(ctx.actor.departmentId) : undefined;
    const neighbours = home ? await neighbourDepartments(ctx.ds.manager, home) : [];
    return { items: await Promise.all(items.map((d) => unstaffedView(ctx, d, d.visit))), totalItems, remedies: remedies(ctx, { unstaffedCount: totalItems, neighbours }) };
  }

  @Query(() => GraphQLJSONObject, { description: 'The published team record of a locked draw: everything needed to reproduce its teams (npm run draw -- verify-teams)' })
  async teamRecord(@Ctx() ctx: RequestContext, @Arg('drawId', () => ID) drawId: string, @Arg('inviteToken', () => String, { nullable: true }) inviteToken?: string | null) {
    return buildTeamRecord(ctx, await viewableDraw(ctx, Number(drawId), inviteToken));
  }

  @Query(() => [MemberChange], { description: 'Requested, approved and rejected changes to a visit’s team' })
  async memberChanges(@Ctx() ctx: RequestContext, @Arg('visitId', () => ID) visitId: string) {
    const visit = await visibleVisit(ctx, Number(visitId));
    return ctx.ds.getRepository(MemberChange).createQueryBuilder('c').where('c.visitId = :id OR c.otherVisitId = :id', { id: visit.id }).orderBy('c.id', 'ASC').getMany();
  }

  @Query(() => [Visit], { description: 'The open visits the caller is on (a login linked to an inspector)' })
  async myVisits(@Ctx() ctx: RequestContext) {
    const actor = requirePermission(ctx, Permission.READ_DIRECTORIES);
    const own = (await inspectorsOfUser(ctx.ds.manager, actor.userId)).map((i) => i.id);
    if (!own.length) throw new DomainError(ErrorCode.INSPECTOR_NOT_LINKED);
    return ctx.ds.getRepository(Visit).createQueryBuilder('v')
      .where('EXISTS (SELECT 1 FROM visit_member m WHERE m.visitId = v.id AND m.inspectorId IN (:...own) AND m.removedAt IS NULL)', { own })
      .andWhere('v.status IN (:...open)', { open: OPEN_VISIT_STATUSES }).orderBy('v.windowStart', 'ASC').addOrderBy('v.id', 'ASC').take(500).getMany();
  }

  @Subscription(() => VisitAssignment, {
    description: 'New and changed visits as teams are drawn and changed: for the department leading them (DEPARTMENT), or for the logged-in inspector (MINE: the visits they are put on). From the stored events after afterGlobalSeq (null: from now), then live.',
    subscribe: ({ args, context }) => deferredIterator(() => followAssignments(context as RequestContext, (args.scope as VisitAssignmentScope | null) ?? null, args.afterGlobalSeq == null ? null : Number(args.afterGlobalSeq))),
  })
  visitAssignments(
    @Root() message: VisitAssignmentMessage,
    @Arg('afterGlobalSeq', () => Int, { nullable: true }) _after?: number | null,
    @Arg('scope', () => VisitAssignmentScope, { nullable: true }) _scope?: VisitAssignmentScope | null,
  ): VisitAssignment {
    const { event } = message;
    return { globalSeq: event.globalSeq, drawId: event.drawId, type: event.type, at: event.at, payload: event.payload, visitCount: message.visitCount, visits: message.visits };
  }
}

@Resolver(() => TeamDraw)
export class TeamDrawResolver {
  @FieldResolver(() => ID) drawId(@Root() row: TeamDraw) { return row.drawId; }
  @FieldResolver(() => Department, { nullable: true }) department(@Root() row: TeamDraw, @Ctx() ctx: RequestContext) { return ctx.loaders.department.load(row.departmentId); }
  @FieldResolver(() => String, { nullable: true }) async drawnBy(@Root() row: TeamDraw, @Ctx() ctx: RequestContext) { return (await ctx.loaders.user.load(row.drawnById))?.displayName ?? null; }
}

@Resolver(() => TeamPolicy)
export class TeamPolicyResolver {
  @FieldResolver(() => Department, { nullable: true }) department(@Root() row: TeamPolicy, @Ctx() ctx: RequestContext) { return ctx.loaders.department.load(row.departmentId); }
}

@Resolver(() => MemberChange)
export class MemberChangeResolver {
  @FieldResolver(() => Visit, { nullable: true }) visit(@Root() row: MemberChange, @Ctx() ctx: RequestContext) { return ctx.ds.getRepository(Visit).findOneBy({ id: row.visitId }); }
  @FieldResolver(() => Inspector, { nullable: true, description: 'The inspector to be replaced or recused' }) inspector(@Root() row: MemberChange, @Ctx() ctx: RequestContext) { return ctx.loaders.inspector.load(row.inspectorId); }
  @FieldResolver(() => Inspector, { nullable: true, description: 'REPLACE, RECUSE_LEAVE: who took the place (once approved); RECUSE_SWAP: the other inspector' })
  replacementInspector(@Root() row: MemberChange, @Ctx() ctx: RequestContext) { return row.replacementInspectorId ? ctx.loaders.inspector.load(row.replacementInspectorId) : null; }
  @FieldResolver(() => Visit, { nullable: true, description: 'RECUSE_SWAP: the other visit' }) otherVisit(@Root() row: MemberChange, @Ctx() ctx: RequestContext) { return row.otherVisitId ? ctx.ds.getRepository(Visit).findOneBy({ id: row.otherVisitId }) : null; }
  @FieldResolver(() => String, { nullable: true }) async requestedBy(@Root() row: MemberChange, @Ctx() ctx: RequestContext) { return (await ctx.loaders.user.load(row.requestedById))?.displayName ?? null; }
  @FieldResolver(() => String, { nullable: true }) async decidedBy(@Root() row: MemberChange, @Ctx() ctx: RequestContext) { return row.decidedById ? (await ctx.loaders.user.load(row.decidedById))?.displayName ?? null : null; }
}

@Resolver(() => Visit)
export class TeamVisitResolver {
  @FieldResolver(() => TeamDraw, { nullable: true, description: 'The team draw that staffed the visit (or found it unstaffable)' })
  teamDraw(@Root() visit: Visit, @Ctx() ctx: RequestContext) { return visit.teamDrawId ? ctx.ds.getRepository(TeamDraw).findOneBy({ id: visit.teamDrawId }) : null; }
}

@Resolver(() => VisitMember)
export class TeamVisitMemberResolver {
  @FieldResolver(() => String, { nullable: true, description: 'Who added the member (drew the team, appointed it or approved the change)' })
  async addedBy(@Root() m: VisitMember, @Ctx() ctx: RequestContext) { return m.addedById ? (await ctx.loaders.user.load(m.addedById))?.displayName ?? null : null; }
  @FieldResolver(() => String, { nullable: true, description: 'Who removed the member' })
  async removedBy(@Root() m: VisitMember, @Ctx() ctx: RequestContext) { return m.removedById ? (await ctx.loaders.user.load(m.removedById))?.displayName ?? null : null; }
}

@Resolver(() => VisitExpert)
export class TeamVisitExpertResolver {
  @FieldResolver(() => String, { nullable: true }) async addedBy(@Root() row: VisitExpert, @Ctx() ctx: RequestContext) { return (await ctx.loaders.user.load(row.addedById))?.displayName ?? null; }
}

