import { forUpdate } from '../../db/row-lock';
import { EntityManager, In } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { Permission } from '../../common/permissions';
import { inTransaction } from '../../db/transaction';
import { nodeSha256 } from '../../domain/draw-v1-node';
import { belongsTo, canonicalGroups, MatchCandidate, MatchGroup, matchTeams, uncoverableGroups } from '../../domain/team-matching';
import { ineligibleCounts } from '../../domain/team-record';
import { requireActor, RequestContext } from '../../graphql/context';
import { Inspector } from '../directory/inspector.entity';
import { announceCommitted, appendEvents, NewEvent } from '../draw/draw-events';
import { Draw, DrawEvent } from '../draw/draw.entity';
import { User } from '../org/user.entity';
import { takeVisitLock } from '../visit/form-visits.command';
import { Visit, VisitMember, VisitMemberSource, VisitStatus } from '../visit/visit.entity';
import { hardRuleProblem, notEligible, visitForTeam } from './appoint.command';
import { buildInstance, eligibleFor, groupDepartments, loadCandidates, loadConflicts, matchTargets, roundOf, TeamCandidate, VisitForTeam, visitGroups, workloadLimits } from './team-instance';
import { TeamDraw, TeamDrawKind } from './team-draw.entity';
import { effectivePolicy } from './team-policy.service';
import { storeRound } from './team-snapshot';
import { countsText } from './team-texts';
import { MemberChange, MemberChangeKind, MemberChangeStatus } from './team.entity';
import { assertApprover, checkReason, currentMembers, drawIdOfVisit, inspectorsOfUser, visibleVisit, VISIT_STATUS_TEXT } from './team.policy';
import { lockDraws } from '../draw/draw-locks';

/**
 * Changes to a drawn team (Art. 22–23). A replacement needs a recorded reason and a leader's approval;
 * recusal is either a swap of targets with another inspector of the same task (both must be eligible
 * for the other's target) or leaving the visit and being replaced. A request is recorded first
 * (MEMBER_CHANGE_REQUESTED); on approval the change is carried out in the same transaction —
 * a replacement drawn with the draw's seed among the eligible inspectors not on the team (label
 * `inspectors/draw-<id>/replace/<changeId>`) — and recorded as MEMBER_REPLACED or MEMBER_RECUSED;
 * a rejection as MEMBER_CHANGE_REJECTED. Members are never deleted: the row of whoever leaves is
 * closed with when, why and by whom.
 */

const KIND_TEXT: Record<MemberChangeKind, { zh: string; en: string }> = {
  REPLACE: { zh: '更换', en: 'replacement' },
  RECUSE_SWAP: { zh: '回避（互换检查对象）', en: 'recusal by swapping targets' },
  RECUSE_LEAVE: { zh: '回避（退出并由他人替换）', en: 'recusal by leaving' },
};

const STATUS_TEXT: Record<MemberChangeStatus, { zh: string; en: string }> = {
  REQUESTED: { zh: '提出', en: 'requested' },
  APPROVED: { zh: '批准', en: 'approved' },
  REJECTED: { zh: '驳回', en: 'rejected' },
};

export interface SwapWith { visitId: number; inspectorId: number }

function memberOf(members: VisitMember[], visitId: number, inspectorId: number): VisitMember | undefined {
  return members.find((m) => m.visitId === visitId && m.inspectorId === inspectorId);
}

/** Groups of the team that distinct members cannot cover. */
function uncovered(groups: MatchGroup[], team: readonly MatchCandidate[]): number {
  return uncoverableGroups(groups.map((g) => team.flatMap((c, k) => (belongsTo(c, g) ? [k] : [])))).length;
}

async function inspectorOrFail(em: EntityManager, id: number): Promise<Inspector> {
  const inspector = await em.getRepository(Inspector).findOneBy({ id });
  if (!inspector) throw notFound('执法检查人员', id);
  return inspector;
}

/** Whether the two visits serve a common task ("another inspector of the same task", Art. 23). */
async function shareATask(em: EntityManager, a: number, b: number): Promise<boolean> {
  const [row] = await em.query('SELECT COUNT(*) AS n FROM visit_task x JOIN visit_task y ON y.taskId = x.taskId WHERE x.visitId = ? AND y.visitId = ?', [a, b]);
  return Number(row.n) > 0;
}

/**
 * Whether a swap keeps both teams covering their groups no worse than before, and both inspectors
 * eligible for the other's target (the binding rules and the township rule; a swap keeps workloads).
 */
async function swapProblem(em: EntityManager, a: VisitForTeam, b: VisitForTeam, x: Inspector, y: Inspector, members: VisitMember[]): Promise<DomainError | null> {
  if (a.id === b.id) return new DomainError(ErrorCode.SWAP_NOT_POSSIBLE, { reasonZh: '须与另一检查的人员互换', reasonEn: 'the other inspector must be on another visit' });
  if (!(await shareATask(em, a.id, b.id))) return new DomainError(ErrorCode.SWAP_NOT_POSSIBLE, { reasonZh: '两个检查不属于同一抽查任务', reasonEn: 'the two visits do not serve a common task' });
  if (memberOf(members, b.id, x.id)) return new DomainError(ErrorCode.SWAP_NOT_POSSIBLE, { reasonZh: `${x.name}已在另一检查组中`, reasonEn: `${x.name} is already on the other team` });
  if (memberOf(members, a.id, y.id)) return new DomainError(ErrorCode.SWAP_NOT_POSSIBLE, { reasonZh: `${y.name}已在本检查组中`, reasonEn: `${y.name} is already on this team` });
  const policyA = await effectivePolicy(em, a.leadDepartmentId);
  const policyB = await effectivePolicy(em, b.leadDepartmentId);
  const forB = await hardRuleProblem(em, b, x, policyB.recuseSameTownship);
  if (forB) return notEligible(x, forB);
  const forA = await hardRuleProblem(em, a, y, policyA.recuseSameTownship);
  if (forA) return notEligible(y, forA);
  // Specialty and department coverage: neither team may lose a group it had.
  for (const [visit, policy, out, into] of [[a, policyA, x, y], [b, policyB, y, x]] as const) {
    const groups = canonicalGroups((await visitGroups(em, { from: 'visit v', where: 'v.id = ?', params: [visit.id] }, [visit], policy)).get(visit.id) ?? []);
    if (!groups.length) continue;
    const team = await em.getRepository(Inspector).find({ where: { id: In(members.filter((m) => m.visitId === visit.id).map((m) => m.inspectorId)) } });
    const asCandidate = (i: Inspector): MatchCandidate => ({ id: String(i.id), departmentId: i.departmentId, specialties: i.specialties, capacity: 1 });
    const after = [...team.filter((i) => i.id !== out.id), into];
    if (uncovered(groups, after.map(asCandidate)) > uncovered(groups, team.map(asCandidate))) {
      return new DomainError(ErrorCode.SWAP_NOT_POSSIBLE, { reasonZh: '互换后检查组不能覆盖所需的专业或部门', reasonEn: 'after the swap a team would no longer cover a required specialty or department' });
    }
  }
  return null;
}

async function record(em: EntityManager, draws: Draw[], event: NewEvent): Promise<DrawEvent[]> {
  const stored: DrawEvent[] = [];
  for (const draw of draws) stored.push(...(await appendEvents(em, draw, [event])));
  return stored;
}

/** Requests a replacement (REPLACE) or a recusal (RECUSE_SWAP with `swapWith`, else RECUSE_LEAVE) of a team member. */
export async function requestMemberChange(ctx: RequestContext, kind: MemberChangeKind, visitId: number, inspectorId: number, reasonText: string, swapWith?: SwapWith | null): Promise<MemberChange> {
  const actor = requireActor(ctx);
  const visit = await visibleVisit(ctx, visitId);
  const reason = checkReason(reasonText);
  const other = swapWith ? await visibleVisit(ctx, swapWith.visitId) : null;
  const drawIds = [await drawIdOfVisit(ctx.ds.manager, visit), ...(other ? [await drawIdOfVisit(ctx.ds.manager, other)] : [])];

  const { change, stored } = await inTransaction(ctx.ds, async (em) => {
    const draws = await lockDraws(em, drawIds);
    await takeVisitLock(em);
    const a = await visitForTeam(em, visitId);
    const b = other ? await visitForTeam(em, other.id) : null;
    const members = await currentMembers(em, [a.id, ...(b ? [b.id] : [])]);
    // Who may ask: the lead department's task managers and draw operators, or an inspector of the team.
    const own = await inspectorsOfUser(em, actor.userId);
    const staff = actor.departmentId === a.leadDepartmentId && (actor.permissions.has(Permission.MANAGE_TASKS) || actor.permissions.has(Permission.RUN_DRAWS));
    if (!staff && !own.some((i) => memberOf(members, a.id, i.id))) throw new DomainError(ErrorCode.FORBIDDEN);
    for (const v of [a, ...(b ? [b] : [])]) {
      if (v.status !== VisitStatus.STAFFED) throw new DomainError(ErrorCode.VISIT_NOT_STAFFED, { visitId: v.id, statusZh: VISIT_STATUS_TEXT[v.status].zh, statusEn: VISIT_STATUS_TEXT[v.status].en });
    }
    const x = await inspectorOrFail(em, inspectorId);
    if (!memberOf(members, a.id, x.id)) throw new DomainError(ErrorCode.NOT_TEAM_MEMBER, { name: x.name, visitId: a.id });
    let y: Inspector | null = null;
    if (b && swapWith) {
      y = await inspectorOrFail(em, swapWith.inspectorId);
      if (!memberOf(members, b.id, y.id)) throw new DomainError(ErrorCode.NOT_TEAM_MEMBER, { name: y.name, visitId: b.id });
      const problem = await swapProblem(em, a, b, x, y, members);
      if (problem) throw problem;
    }
    const pending = await em.getRepository(MemberChange).find({ where: { visitId: In([a.id, ...(b ? [b.id] : [])]), status: MemberChangeStatus.REQUESTED } });
    const clash = pending.find((c) => [c.inspectorId, c.kind === MemberChangeKind.RECUSE_SWAP ? c.replacementInspectorId : null].some((id) => id === x.id || (y && id === y.id)));
    if (clash) throw new DomainError(ErrorCode.MEMBER_CHANGE_PENDING, { name: x.name, visitId: clash.visitId, changeId: clash.id }, { changeId: clash.id });

    const change = em.getRepository(MemberChange).create({
      visitId: a.id, kind, inspectorId: x.id, replacementInspectorId: y?.id ?? null, otherVisitId: b?.id ?? null, reason,
      requestedById: actor.userId, requestedAt: new Date(), status: MemberChangeStatus.REQUESTED, decidedById: null, decidedAt: null,
    });
    await em.getRepository(MemberChange).insert(change);
    const stored = await record(em, draws, {
      type: 'MEMBER_CHANGE_REQUESTED',
      payload: {
        changeId: change.id, kind, visitId: a.id, visitIds: [a.id, ...(b ? [b.id] : [])], publicId: a.publicId, departmentId: a.leadDepartmentId,
        inspectorId: x.id, certificateNumber: x.certificateNumber, ...(y && b ? { swapWith: { visitId: b.id, inspectorId: y.id, certificateNumber: y.certificateNumber } } : {}),
        reason, by: actor.username,
      },
    });
    return { change, stored };
  });
  announceCommitted(ctx.pubSub, stored);
  return change;
}

async function loadChange(ctx: RequestContext, changeId: number): Promise<{ change: MemberChange; visits: Visit[] }> {
  const change = await ctx.ds.getRepository(MemberChange).findOneBy({ id: changeId });
  if (!change) throw notFound('人员变更', changeId);
  const visits = [await visibleVisit(ctx, change.visitId)];
  if (change.otherVisitId) {
    const other = await ctx.ds.getRepository(Visit).findOneBy({ id: change.otherVisitId });
    if (other) visits.push(other);
  }
  return { change, visits };
}

function assertUndecided(change: MemberChange): void {
  if (change.status !== MemberChangeStatus.REQUESTED) {
    throw new DomainError(ErrorCode.MEMBER_CHANGE_DECIDED, { changeId: change.id, statusZh: STATUS_TEXT[change.status].zh, statusEn: STATUS_TEXT[change.status].en });
  }
}

async function lockChange(em: EntityManager, id: number): Promise<MemberChange> {
  const qb = forUpdate(em.getRepository(MemberChange).createQueryBuilder('c').where('c.id = :id', { id }));
  return qb.getOneOrFail();
}

const username = async (em: EntityManager, id: number) => (await em.getRepository(User).findOne({ where: { id }, select: { id: true, username: true } }))?.username ?? String(id);

/** Rejects a requested change (with an optional reason); nothing on the team changes. */
export async function rejectMemberChange(ctx: RequestContext, changeId: number, reasonText?: string | null): Promise<MemberChange> {
  const { change: before, visits } = await loadChange(ctx, changeId);
  assertUndecided(before);
  const note = reasonText?.trim() ? checkReason(reasonText) : null;
  const drawIds = await Promise.all(visits.map((v) => drawIdOfVisit(ctx.ds.manager, v)));
  const { change, stored } = await inTransaction(ctx.ds, async (em) => {
    const draws = await lockDraws(em, drawIds);
    const change = await lockChange(em, changeId);
    assertUndecided(change);
    const actor = await assertApprover(ctx, em, visits, [change.inspectorId, ...(change.kind === MemberChangeKind.RECUSE_SWAP && change.replacementInspectorId ? [change.replacementInspectorId] : [])]);
    Object.assign(change, { status: MemberChangeStatus.REJECTED, decidedById: actor.userId, decidedAt: new Date() });
    await em.getRepository(MemberChange).update({ id: change.id }, { status: change.status, decidedById: change.decidedById, decidedAt: change.decidedAt });
    const stored = await record(em, draws, {
      type: 'MEMBER_CHANGE_REJECTED',
      payload: { changeId, kind: change.kind, visitId: change.visitId, visitIds: visits.map((v) => v.id), departmentId: visits[0].leadDepartmentId, inspectorId: change.inspectorId, reason: note, by: actor.username },
    });
    return { change, stored };
  });
  announceCommitted(ctx.pubSub, stored);
  return change;
}

/**
 * Approves a requested change and carries it out: a replacement (REPLACE, RECUSE_LEAVE) is drawn
 * with the seed of the draw the team belongs to, or the two inspectors swap targets (RECUSE_SWAP).
 */
export async function approveMemberChange(ctx: RequestContext, changeId: number): Promise<MemberChange> {
  const { change: before, visits } = await loadChange(ctx, changeId);
  assertUndecided(before);
  const drawIds = await Promise.all(visits.map((v) => drawIdOfVisit(ctx.ds.manager, v)));
  const { change, stored } = await inTransaction(ctx.ds, async (em) => {
    const draws = await lockDraws(em, drawIds);
    await takeVisitLock(em);
    const change = await lockChange(em, changeId);
    assertUndecided(change);
    const swap = change.kind === MemberChangeKind.RECUSE_SWAP;
    const actor = await assertApprover(ctx, em, visits, [change.inspectorId, ...(swap && change.replacementInspectorId ? [change.replacementInspectorId] : [])]);
    const now = new Date();
    const requestedBy = await username(em, change.requestedById);
    const a = await visitForTeam(em, change.visitId);
    const b = swap && change.otherVisitId ? await visitForTeam(em, change.otherVisitId) : null;
    const members = await currentMembers(em, [a.id, ...(b ? [b.id] : [])]);
    const x = await inspectorOrFail(em, change.inspectorId);
    const leaving = memberOf(members, a.id, x.id);
    if (!leaving) throw new DomainError(ErrorCode.NOT_TEAM_MEMBER, { name: x.name, visitId: a.id });
    const closeRow = async (m: VisitMember, why: string) => {
      await em.getRepository(VisitMember).update({ id: m.id }, { removedAt: now, removedById: actor.userId, removedReason: `${why}（人员变更 ${change.id}）：${change.reason}`.slice(0, 500) });
    };
    const touch = (ids: number[]) => em.createQueryBuilder().update(Visit).set({ updatedAt: now, version: () => 'version + 1' }).where({ id: In(ids) }).execute();
    let event: NewEvent;

    if (swap) {
      const y = await inspectorOrFail(em, change.replacementInspectorId!);
      const otherMember = b ? memberOf(members, b.id, y.id) : undefined;
      if (!b || !otherMember) throw new DomainError(ErrorCode.NOT_TEAM_MEMBER, { name: y.name, visitId: change.otherVisitId ?? '' });
      const problem = await swapProblem(em, a, b, x, y, members);
      if (problem) throw problem;
      await closeRow(leaving, '回避：互换检查对象');
      await closeRow(otherMember, '回避：互换检查对象');
      await em.getRepository(VisitMember).insert([
        { visitId: b.id, inspectorId: x.id, departmentId: x.departmentId, role: otherMember.role, ordinal: otherMember.ordinal, source: VisitMemberSource.SWAPPED, addedAt: now, addedById: actor.userId, removedAt: null, removedReason: null, removedById: null },
        { visitId: a.id, inspectorId: y.id, departmentId: y.departmentId, role: leaving.role, ordinal: leaving.ordinal, source: VisitMemberSource.SWAPPED, addedAt: now, addedById: actor.userId, removedAt: null, removedReason: null, removedById: null },
      ]);
      await touch([a.id, b.id]);
      event = {
        type: 'MEMBER_RECUSED',
        payload: {
          changeId: change.id, kind: change.kind, visitId: a.id, visitIds: [a.id, b.id], publicId: a.publicId, departmentId: a.leadDepartmentId,
          moves: [{ inspectorId: x.id, certificateNumber: x.certificateNumber, from: a.id, to: b.id, role: otherMember.role }, { inspectorId: y.id, certificateNumber: y.certificateNumber, from: b.id, to: a.id, role: leaving.role }],
          inspectorIds: [x.id, y.id], removedInspectorIds: [x.id, y.id], memberDepartmentIds: [...new Set([x.departmentId, y.departmentId])],
          reason: change.reason, requestedBy, approvedBy: actor.username,
        },
      };
      Object.assign(change, { status: MemberChangeStatus.APPROVED, decidedById: actor.userId, decidedAt: now });
    } else {
      const [draw] = draws;
      const drawn = await drawReplacement(em, { visit: a, draw, change, members: members.filter((m) => m.visitId === a.id), leaving, actorId: actor.userId, actorUsername: actor.username, now });
      await closeRow(leaving, change.kind === MemberChangeKind.REPLACE ? '更换' : '回避：退出');
      await em.getRepository(VisitMember).insert({
        visitId: a.id, inspectorId: drawn.candidate.inspectorId, departmentId: drawn.candidate.departmentId, role: leaving.role, ordinal: leaving.ordinal,
        source: VisitMemberSource.REPLACEMENT, addedAt: now, addedById: actor.userId, removedAt: null, removedReason: null, removedById: null,
      });
      await touch([a.id]);
      event = {
        type: change.kind === MemberChangeKind.REPLACE ? 'MEMBER_REPLACED' : 'MEMBER_RECUSED',
        payload: {
          changeId: change.id, kind: change.kind, visitId: a.id, visitIds: [a.id], publicId: a.publicId, departmentId: a.leadDepartmentId,
          inspectorId: x.id, certificateNumber: x.certificateNumber, replacementInspectorId: drawn.candidate.inspectorId, replacementCertificateNumber: drawn.candidate.certificateNumber,
          role: leaving.role, teamDrawId: drawn.teamDraw.id, label: drawn.teamDraw.label, eligible: drawn.eligible,
          inspectorIds: [drawn.candidate.inspectorId], removedInspectorIds: [x.id], memberDepartmentIds: [...new Set([x.departmentId, drawn.candidate.departmentId])],
          reason: change.reason, requestedBy, approvedBy: actor.username,
        },
      };
      Object.assign(change, { status: MemberChangeStatus.APPROVED, replacementInspectorId: drawn.candidate.inspectorId, decidedById: actor.userId, decidedAt: now });
    }
    await em.getRepository(MemberChange).update({ id: change.id }, { status: change.status, replacementInspectorId: change.replacementInspectorId, decidedById: change.decidedById, decidedAt: change.decidedAt });
    return { change, stored: await record(em, draws, event) };
  });
  announceCommitted(ctx.pubSub, stored);
  return change;
}

/**
 * The replacement: a one-target team draw of size 1 over the department's inspectors (and those of
 * the leaving member's and the visit's joint departments) with the team's seed and label
 * `inspectors/draw-<id>/replace/<changeId>`. Eligible: the usual rules for the visit, not on the team
 * (nor the one leaving), and keeping the team's specialties and departments covered. Stored as a
 * REPLACEMENT team draw, so the team record reproduces it.
 */
async function drawReplacement(
  em: EntityManager,
  a: { visit: VisitForTeam; draw: Draw; change: MemberChange; members: VisitMember[]; leaving: VisitMember; actorId: number; actorUsername: string; now: Date },
): Promise<{ candidate: TeamCandidate; teamDraw: TeamDraw; eligible: number }> {
  const { visit, draw, change, members, leaving, now } = a;
  const policy = await effectivePolicy(em, visit.leadDepartmentId);
  const scope = { from: 'visit v', where: 'v.id = ?', params: [visit.id] };
  const groups = await visitGroups(em, scope, [visit], policy);
  const departmentIds = [...new Set([visit.leadDepartmentId, leaving.departmentId, ...members.map((m) => m.departmentId), ...groupDepartments(groups.values())])];
  const candidates = await loadCandidates(em, departmentIds, await workloadLimits(em, departmentIds));
  const instance = buildInstance([visit], candidates, await loadConflicts(em, departmentIds), groups, policy);
  const target = instance.targets[0];
  const teamGroups = canonicalGroups(target.groups);
  const remaining = members.filter((m) => m.id !== leaving.id).map((m) => instance.byInspectorId.get(m.inspectorId)).filter((c): c is TeamCandidate => !!c);
  const before = uncovered(teamGroups, [...remaining, ...(instance.byInspectorId.has(leaving.inspectorId) ? [instance.byInspectorId.get(leaving.inspectorId)!] : [])]);
  for (const c of candidates) {
    if (c.inspectorId === leaving.inspectorId) (target.own ??= new Map()).set(c.k, 'LEAVING');
    else if (remaining.includes(c)) (target.own ??= new Map()).set(c.k, 'ON_TEAM');
    else if (teamGroups.length && eligibleFor(instance, target, c.k) && uncovered(teamGroups, [...remaining, c]) > before) (target.own ??= new Map()).set(c.k, 'GROUP_NOT_KEPT');
  }
  // The groups are kept through eligibility above: the one-member draw itself has none.
  target.groups = [];
  const label = `inspectors/draw-${draw.id}/replace/${change.id}`;
  const result = matchTeams({ seed: draw.seed!, label, teamSize: 1, targets: matchTargets(instance), candidates }, nodeSha256);
  const eligible = candidates.filter((c) => eligibleFor(instance, target, c.k) && c.capacity > 0).length;
  const teamDraw = em.getRepository(TeamDraw).create({
    drawId: draw.id, departmentId: visit.leadDepartmentId, kind: TeamDrawKind.REPLACEMENT, label, teamSize: 1, targets: 1, staffed: result.teams.length, unstaffed: result.unstaffed.length,
    drawnAt: now, drawnById: a.actorId,
  });
  const round = roundOf(instance, {
    teamDrawId: 0, kind: 'REPLACEMENT', label, seed: draw.seed!, teamSize: 1, drawnAt: now.toISOString(), drawnBy: a.actorUsername, departmentId: visit.leadDepartmentId,
    policy: { teamSize: policy.teamSize, requireSpecialtyCoverage: policy.requireSpecialtyCoverage, recuseSameTownship: policy.recuseSameTownship, workloadLimit: policy.workloadLimit },
    candidateDepartmentIds: departmentIds, memberChangeId: change.id, replaced: instance.byInspectorId.get(leaving.inspectorId)?.id,
  }, result);
  if (!result.teams.length) {
    const counts = ineligibleCounts(round, 0);
    throw new DomainError(ErrorCode.NO_ELIGIBLE_REPLACEMENT, { detailZh: countsText(counts, 'zh'), detailEn: countsText(counts, 'en') }, { excluded: counts });
  }
  await em.getRepository(TeamDraw).insert(teamDraw);
  round.teamDrawId = teamDraw.id;
  await storeRound(em, teamDraw.id, round);
  const chosen = candidates.find((c) => c.id === result.teams[0].members[0])!;
  return { candidate: chosen, teamDraw, eligible };
}
