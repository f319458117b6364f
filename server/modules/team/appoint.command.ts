import { EntityManager, In } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { Permission } from '../../common/permissions';
import { inTransaction } from '../../db/transaction';
import { nodeSha256 } from '../../domain/draw-v1-node';
import { conflictKey, EligibilityRules, inspectorExclusion, pairExclusion, TeamExclusionReason } from '../../domain/team-eligibility';
import { expertPick, ExpertRound } from '../../domain/team-record';
import { RequestContext } from '../../graphql/context';
import { ConflictOfInterest } from '../directory/conflict.entity';
import { Expert } from '../directory/expert.entity';
import { Inspector } from '../directory/inspector.entity';
import { announceCommitted, appendEvents } from '../draw/draw-events';
import { takeVisitLock } from '../visit/form-visits.command';
import { OPEN_VISIT_STATUSES, Visit, VisitExpert, VisitExpertSource, VisitMember, VisitMemberRole, VisitMemberSource, VisitStatus } from '../visit/visit.entity';
import { neighbourDepartments } from './draw-teams.command';
import { candidateId, groupDepartments, loadVisits, VisitForTeam, visitGroups } from './team-instance';
import { TeamDraw, TeamDrawKind } from './team-draw.entity';
import { effectivePolicy } from './team-policy.service';
import { storeRound } from './team-snapshot';
import { EXCLUSION_TEXT } from './team-texts';
import { assertLead, checkReason, drawIdOfVisit, TEAM_DRAWN_STATUSES, visibleVisit, VISIT_STATUS_TEXT } from './team.policy';
import { lockDraws } from '../draw/draw-locks';
import { Department } from '../org/department.entity';

/**
 * The ways around the draw the rules allow, each recorded with who decided and why: a team appointed
 * directly for a visit the team draw left unstaffed (Art. 20), and experts — appointed by name or
 * drawn from the department's expert library with the draw's seed.
 */

/**
 * The visit as the team rules see it (window, target region and type). Called after the visit lock,
 * as the transaction's first plain read: on MariaDB its snapshot is taken then, past the lock.
 */
export async function visitForTeam(em: EntityManager, visitId: number): Promise<VisitForTeam> {
  const [visit] = await loadVisits(em, { from: 'visit v', where: 'v.id = ?', params: [visitId] });
  if (!visit) throw notFound('检查', visitId);
  return visit;
}

/**
 * Why the inspector may not serve on the visit, by the rules that bind whatever the department
 * decides: active, certificate valid for the whole window, no declared conflict — and, with
 * `recuseSameTownship`, the township rule. Workload is not checked (a swap keeps it; an appointment
 * is the department's decision, recorded).
 */
export async function hardRuleProblem(em: EntityManager, visit: VisitForTeam, inspector: Inspector, recuseSameTownship: boolean): Promise<TeamExclusionReason | null> {
  const rules: EligibilityRules = { windowStart: visit.windowStart, windowEnd: visit.windowEnd, recuseSameTownship, workloadLimit: Number.MAX_SAFE_INTEGER };
  const who = { id: candidateId(inspector), active: inspector.active, certificateValidFrom: inspector.certificateValidFrom, certificateValidTo: inspector.certificateValidTo, regionCode: inspector.regionCode, openVisits: 0 };
  const declared = await em.getRepository(ConflictOfInterest).count({ where: { inspectorId: inspector.id, targetId: visit.targetId } });
  return inspectorExclusion(who, rules) ?? pairExclusion(who, visit, new Set(declared ? [conflictKey(who.id, visit.publicId)] : []), rules);
}

export const notEligible = (inspector: Inspector, reason: string) =>
  new DomainError(ErrorCode.INSPECTOR_NOT_ELIGIBLE, { name: inspector.name, reasonZh: EXCLUSION_TEXT[reason]?.zh ?? reason, reasonEn: EXCLUSION_TEXT[reason]?.en ?? reason }, { inspectorId: inspector.id, reason });

/**
 * Direct appointment (Art. 20) of a team for a visit the team draw could not staff: the inspectors
 * in order, the first leads. They must pass the binding rules; the department's own limits
 * (workload, township) are its decision, recorded with the reason. A drawn team is never replaced
 * this way: that needs the leader's approval (REPLACEMENT_NOT_APPROVED).
 */
export async function appointTeam(ctx: RequestContext, visitId: number, inspectorIds: number[], reasonText: string): Promise<Visit> {
  const before = await visibleVisit(ctx, visitId);
  const actor = assertLead(ctx, before, [Permission.MANAGE_TASKS]);
  const reason = checkReason(reasonText);
  if (before.status === VisitStatus.STAFFED) throw new DomainError(ErrorCode.REPLACEMENT_NOT_APPROVED, {}, { visitId });
  if (before.status !== VisitStatus.UNSTAFFED) throw new DomainError(ErrorCode.VISIT_NOT_UNSTAFFED, { visitId, statusZh: VISIT_STATUS_TEXT[before.status].zh, statusEn: VISIT_STATUS_TEXT[before.status].en });
  const ids = [...new Set(inspectorIds)];
  if (ids.length !== inspectorIds.length) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '同一人员不能重复指定 (an inspector is listed twice)' });
  const drawId = await drawIdOfVisit(ctx.ds.manager, before);
  const visible = new Set(await ctx.visibleDepartmentIds());

  const { visit, stored } = await inTransaction(ctx.ds, async (em) => {
    const [draw] = await lockDraws(em, [drawId]);
    await takeVisitLock(em);
    const row = await visitForTeam(em, visitId);
    if (row.status === VisitStatus.STAFFED) throw new DomainError(ErrorCode.REPLACEMENT_NOT_APPROVED, {}, { visitId });
    if (row.status !== VisitStatus.UNSTAFFED) throw new DomainError(ErrorCode.VISIT_NOT_UNSTAFFED, { visitId, statusZh: VISIT_STATUS_TEXT[row.status].zh, statusEn: VISIT_STATUS_TEXT[row.status].en });
    const policy = await effectivePolicy(em, row.leadDepartmentId);
    if (ids.length < policy.teamSize) throw new DomainError(ErrorCode.TEAM_TOO_SMALL, { min: policy.teamSize, count: ids.length });
    const inspectors = await em.getRepository(Inspector).find({ where: { id: In(ids) } });
    // Inspectors of the departments in the actor's scope, of the neighbouring regions' departments, and of the visit's joint departments.
    const lead = await em.getRepository(Department).findOneByOrFail({ id: row.leadDepartmentId });
    const scope = { from: 'visit v', where: 'v.id = ?', params: [visitId] };
    const allowed = new Set([...visible, ...(await neighbourDepartments(em, lead)).map((d) => d.id), ...groupDepartments((await visitGroups(em, scope, [row], policy)).values())]);
    for (const id of ids) {
      const inspector = inspectors.find((i) => i.id === id);
      if (!inspector || !allowed.has(inspector.departmentId)) throw notFound('执法检查人员', id);
      const problem = await hardRuleProblem(em, row, inspector, false);
      if (problem) throw notEligible(inspector, problem);
    }
    const now = new Date();
    await em.getRepository(VisitMember).insert(ids.map((id, ordinal) => ({
      visitId, inspectorId: id, departmentId: inspectors.find((i) => i.id === id)!.departmentId, role: ordinal === 0 ? VisitMemberRole.LEADER : VisitMemberRole.MEMBER,
      ordinal, source: VisitMemberSource.APPOINTED, addedAt: now, addedById: actor.userId, removedAt: null, removedReason: null, removedById: null,
    })));
    await em.createQueryBuilder().update(Visit).set({ status: VisitStatus.STAFFED, updatedAt: now, version: () => 'version + 1' }).where({ id: visitId }).execute();
    const ordered = ids.map((id) => inspectors.find((i) => i.id === id)!);
    const stored = await appendEvents(em, draw, [{
      type: 'TEAM_APPOINTED',
      payload: {
        visitId, visitIds: [visitId], publicId: row.publicId, departmentId: row.leadDepartmentId, inspectorIds: ids, certificateNumbers: ordered.map((i) => i.certificateNumber),
        leaderInspectorId: ids[0], memberDepartmentIds: [...new Set(ordered.map((i) => i.departmentId))].sort((a, b) => a - b), reason, by: actor.username,
      },
    }]);
    return { visit: await em.getRepository(Visit).findOneByOrFail({ id: visitId }), stored };
  });
  announceCommitted(ctx.pubSub, stored);
  return visit;
}

/** An open visit's expert, the department's library's, not on the visit yet. */
async function checkExpertFor(em: EntityManager, visit: Visit, expert: Expert | null): Promise<Expert> {
  if (!expert || expert.departmentId !== visit.leadDepartmentId || !expert.active) throw new DomainError(ErrorCode.NO_EXPERT_AVAILABLE, { fieldZh: '', fieldEn: '' });
  if (await em.getRepository(VisitExpert).count({ where: { visitId: visit.id, expertId: expert.id } })) throw new DomainError(ErrorCode.EXPERT_ALREADY_ON_VISIT, { name: expert.name });
  return expert;
}

function assertOpen(visit: Visit): void {
  if (!OPEN_VISIT_STATUSES.includes(visit.status)) throw new DomainError(ErrorCode.VISIT_CLOSED, { id: visit.id, statusZh: VISIT_STATUS_TEXT[visit.status].zh, statusEn: VISIT_STATUS_TEXT[visit.status].en });
}

/** An expert appointed by name (with the reason) from the department's expert library. */
export async function appointExpert(ctx: RequestContext, visitId: number, expertId: number, reasonText: string): Promise<VisitExpert> {
  const visit = await visibleVisit(ctx, visitId);
  const actor = assertLead(ctx, visit, [Permission.MANAGE_TASKS]);
  const reason = checkReason(reasonText);
  assertOpen(visit);
  const drawId = await drawIdOfVisit(ctx.ds.manager, visit);
  const { row, stored } = await inTransaction(ctx.ds, async (em) => {
    const [draw] = await lockDraws(em, [drawId]);
    const expert = await checkExpertFor(em, visit, await em.getRepository(Expert).findOneBy({ id: expertId }));
    const row = em.getRepository(VisitExpert).create({ visitId, expertId, source: VisitExpertSource.APPOINTED, reason, addedAt: new Date(), addedById: actor.userId });
    await em.getRepository(VisitExpert).insert(row);
    const stored = await appendEvents(em, draw, [{
      type: 'EXPERT_ADDED',
      payload: { visitId, visitIds: [visitId], publicId: visit.publicId, departmentId: visit.leadDepartmentId, expertId, name: expert.name, organisation: expert.organisation, specialty: expert.specialty, source: VisitExpertSource.APPOINTED, reason, by: actor.username },
    }]);
    return { row, stored };
  });
  announceCommitted(ctx.pubSub, stored);
  return row;
}

/** The draw-v1 id of an expert in a drawn pool: zero-padded, so canonical order is the library's order. */
const expertDrawId = (id: number) => `expert-${String(id).padStart(9, '0')}`;

/**
 * An expert drawn from the department's expert library (active, of the field asked for — a
 * substring of the expert's specialty —, not on the visit yet): draw-v1 selection of one from the
 * canonical pool, with the draw's seed and label `experts/draw-<id>/<visitId>` (`/<n>` for the n-th
 * expert drawn for the visit). Stored as a team draw, so the team record reproduces it.
 */
export async function drawExpert(ctx: RequestContext, visitId: number, field?: string | null): Promise<VisitExpert> {
  const visit = await visibleVisit(ctx, visitId);
  const actor = assertLead(ctx, visit, [Permission.RUN_DRAWS]);
  assertOpen(visit);
  const wanted = (field ?? '').trim();
  if (wanted.length > 100) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '专业不超过100字 (field: at most 100 characters)' });
  const drawId = await drawIdOfVisit(ctx.ds.manager, visit);
  const { row, stored } = await inTransaction(ctx.ds, async (em) => {
    const [draw] = await lockDraws(em, [drawId]);
    if (!TEAM_DRAWN_STATUSES.includes(draw.status) || !draw.seed) throw new DomainError(ErrorCode.DRAW_NOT_LOCKED, { drawId });
    const onVisit = await em.getRepository(VisitExpert).find({ where: { visitId } });
    const library = await em.getRepository(Expert).find({ where: { departmentId: visit.leadDepartmentId, active: true }, order: { id: 'ASC' } });
    const pool = library.filter((e) => !onVisit.some((x) => x.expertId === e.id) && (!wanted || e.specialty.toLowerCase().includes(wanted.toLowerCase())));
    if (!pool.length) throw new DomainError(ErrorCode.NO_EXPERT_AVAILABLE, { fieldZh: wanted ? `（专业：${wanted}）` : '', fieldEn: wanted ? ` (field: ${wanted})` : '' });
    const drawn = onVisit.filter((x) => x.source === VisitExpertSource.DRAWN).length;
    const label = `experts/draw-${draw.id}/${visitId}${drawn ? `/${drawn + 1}` : ''}`;
    const now = new Date();
    const roundHead = { kind: 'EXPERT' as const, label, seed: draw.seed, drawnAt: now.toISOString(), drawnBy: actor.username, departmentId: visit.leadDepartmentId, visitId, field: wanted };
    const poolIds = pool.map((e) => ({ id: expertDrawId(e.id), name: e.name, organisation: e.organisation, specialty: e.specialty }));
    const picked = expertPick({ ...roundHead, pool: poolIds }, nodeSha256)!;
    const expert = pool.find((e) => expertDrawId(e.id) === picked)!;
    const teamDraw = em.getRepository(TeamDraw).create({ drawId: draw.id, departmentId: visit.leadDepartmentId, kind: TeamDrawKind.EXPERT, label, teamSize: 1, targets: 1, staffed: 1, unstaffed: 0, drawnAt: now, drawnById: actor.userId });
    await em.getRepository(TeamDraw).insert(teamDraw);
    const round: ExpertRound = { teamDrawId: teamDraw.id, ...roundHead, pool: poolIds, picked };
    await storeRound(em, teamDraw.id, round);
    const reason = `从专家库随机抽取（${label}，${pool.length} 名候选） (drawn from the expert library: ${label}, ${pool.length} candidates)`.slice(0, 500);
    const row = em.getRepository(VisitExpert).create({ visitId, expertId: expert.id, source: VisitExpertSource.DRAWN, reason, addedAt: now, addedById: actor.userId });
    await em.getRepository(VisitExpert).insert(row);
    const stored = await appendEvents(em, draw, [{
      type: 'EXPERT_ADDED',
      payload: {
        visitId, visitIds: [visitId], publicId: visit.publicId, departmentId: visit.leadDepartmentId, expertId: expert.id, name: expert.name, organisation: expert.organisation, specialty: expert.specialty,
        source: VisitExpertSource.DRAWN, field: wanted, label, teamDrawId: teamDraw.id, pool: pool.length, by: actor.username,
      },
    }]);
    return { row, stored };
  });
  announceCommitted(ctx.pubSub, stored);
  return row;
}
