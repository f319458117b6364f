import { EntityManager, In } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/errors';
import { Permission } from '../../common/permissions';
import { inTransaction } from '../../db/transaction';
import { MatchGroup, MatchResult, StaffedTeam, UnstaffableReason } from '../../domain/team-matching';
import { ineligibleCounts, TeamRound } from '../../domain/team-record';
import { RequestContext } from '../../graphql/context';
import { announceCommitted, appendEvents, NewEvent } from '../draw/draw-events';
import { Department } from '../org/department.entity';
import { RegionNeighbour } from '../org/region.entity';
import { dateParam, inChunks, takeVisitLock } from '../visit/form-visits.command';
import { isMysql } from '../../db/row-lock';
import { Visit, VisitMember, VisitMemberRole, VisitMemberSource, VisitStatus } from '../visit/visit.entity';
import { TeamDraw, TeamDrawKind } from './team-draw.entity';
import { buildInstance, canonical, groupDepartments, loadVisits, matchTargets, readInspectorSide, roundOf, TeamCandidate, VisitScope, visitGroups, visitTasks } from './team-instance';
import { effectivePolicy } from './team-policy.service';
import { packRound, storePieces } from './team-snapshot';
import { assertExecuting, TEAM_DRAWN_STATUSES, VISIT_STATUS_TEXT } from './team.policy';
import { lockDraws } from '../draw/draw-locks';
import { drawStoringMembers } from './stored-matching';
import { nextTurn } from '../../db/write-behind';

/**
 * 抽取检查组 (Art. 20–23): after a draw is locked, its executing department draws a team for every
 * visit of the draw it leads that is still waiting for one — the seeded, complete matching of
 * server/domain/team-matching.ts over the department's inspectors, with the eligibility rules of
 * team-eligibility.ts — in one transaction that stores the members, marks each visit STAFFED or
 * UNSTAFFED, stores the round's snapshot (the published team record) and appends TEAMS_DRAWN to the
 * draw's log. Visits left unstaffed are listed with the reason and who was excluded, and can then be
 * staffed by direct appointment or by joint random matching with a neighbouring region's inspectors.
 */

/** How many unstaffed visits a report lists (the rest: `unstaffedVisits(drawId, page)`). */
export const REPORT_UNSTAFFED = 500;
/** A TEAMS_DRAWN event lists the inspectors it put on teams up to this many (else subscribers look them up). */
const EVENT_INSPECTORS = 3000;
const EVENT_UNSTAFFED = 100;

export interface UnstaffedDiagnosis {
  visitId: number;
  publicId: string;
  reason: UnstaffableReason;
  eligible: number;
  needed: number;
  missingGroups: MatchGroup[];
  excluded: { reason: string; count: number }[];
}

export interface TeamDrawReport {
  teamDraw: TeamDraw;
  visits: number;
  staffed: number;
  unstaffedCount: number;
  unstaffed: UnstaffedDiagnosis[];
  /** Departments the executing department may match with (same kind, neighbouring regions). */
  neighbourDepartmentIds: number[];
  /** Milliseconds spent per phase (reads, matching, writes). */
  phases: Record<string, number>;
}

/** Departments of the same kind in the regions declared neighbours of the department's region (Art. 20). */
export async function neighbourDepartments(em: EntityManager, home: Pick<Department, 'id' | 'regionCode' | 'kind'>): Promise<Department[]> {
  const codes = (await em.getRepository(RegionNeighbour).findBy({ regionCode: home.regionCode })).map((r) => r.neighbourCode);
  if (!codes.length) return [];
  return (await em.getRepository(Department).find({ where: { regionCode: In(codes), kind: home.kind }, order: { id: 'ASC' } })).filter((d) => d.id !== home.id);
}

/** The label of the next round of this kind: `inspectors/draw-<id>` (or `/cross-region`), then `/round-<n>`. */
async function nextLabel(em: EntityManager, drawId: number, kind: TeamDrawKind.TEAMS | TeamDrawKind.CROSS_REGION): Promise<string> {
  const base = kind === TeamDrawKind.TEAMS ? `inspectors/draw-${drawId}` : `inspectors/draw-${drawId}/cross-region`;
  const earlier = await em.getRepository(TeamDraw).count({ where: { drawId, kind } });
  return earlier ? `${base}/round-${earlier + 1}` : base;
}

/** Each drawn target's position in the draw (segment, then draw order): the order in which visits are staffed. */
async function pickRanks(em: EntityManager, drawId: number): Promise<Map<string, number>> {
  const rows: { publicId: string }[] = await em.query('SELECT publicId AS publicId FROM draw_pick WHERE drawId = ? ORDER BY segmentPosition, ordinal', [drawId]);
  return new Map(rows.map((r, i) => [r.publicId, i]));
}

/**
 * Marks every visit in scope STAFFED by the team draw, in one statement. It is sent before the
 * matching runs and executes while the matching computes (MariaDB works while Node does); the few
 * visits the matching then leaves unstaffed are marked so afterwards (markUnstaffed).
 */
function markAll(em: EntityManager, taskId: number, drawId: number, status: VisitStatus, departmentId: number, teamDrawId: number, at: Date): Promise<unknown> {
  const params = [VisitStatus.STAFFED, teamDrawId, dateParam(em, Visit, 'updatedAt', at), taskId, drawId, status, departmentId];
  if (isMysql(em)) {
    return em.query(`UPDATE visit v JOIN visit_task vt ON vt.visitId = v.id SET v.status = ?, v.teamDrawId = ?, v.version = v.version + 1, v.updatedAt = ?
      WHERE vt.taskId = ? AND vt.drawId = ? AND v.status = ? AND v.leadDepartmentId = ?`, params);
  }
  return em.query(`UPDATE visit SET status = ?, teamDrawId = ?, version = version + 1, updatedAt = ?
    WHERE id IN (SELECT vt.visitId FROM visit_task vt WHERE vt.taskId = ? AND vt.drawId = ?) AND status = ? AND leadDepartmentId = ?`, params);
}

async function markUnstaffed(em: EntityManager, visitIds: number[]): Promise<void> {
  for (const ids of inChunks(visitIds)) await em.createQueryBuilder().update(Visit).set({ status: VisitStatus.UNSTAFFED }).where({ id: In(ids) }).execute();
}

/** The member rows of the drawn teams: leader first, then in the order they joined. */
export function memberRows(teams: StaffedTeam[], visitOf: Map<string, { id: number }>, candidateOf: Map<string, TeamCandidate>): Partial<VisitMember>[] {
  const rows: Partial<VisitMember>[] = [];
  for (const team of teams) {
    const visitId = visitOf.get(team.target)!.id;
    team.members.forEach((id, ordinal) => {
      const c = candidateOf.get(id)!;
      rows.push({ visitId, inspectorId: c.inspectorId, departmentId: c.departmentId, role: ordinal === 0 ? VisitMemberRole.LEADER : VisitMemberRole.MEMBER, ordinal });
    });
  }
  return rows;
}

/** Why each unstaffed target could not be staffed, with who was excluded (first `limit`). */
export function diagnoses(round: TeamRound, limit = REPORT_UNSTAFFED): UnstaffedDiagnosis[] {
  const index = new Map(round.targets.map((t, k) => [t.id, k]));
  return round.result.unstaffed.slice(0, limit).map((u) => {
    const k = index.get(u.target)!;
    return { visitId: round.targets[k].visitId, publicId: u.target, reason: u.reason, eligible: u.eligible, needed: u.needed, missingGroups: u.missingGroups, excluded: ineligibleCounts(round, k) };
  });
}

function distinctInspectors(result: MatchResult, candidateOf: Map<string, TeamCandidate>): { inspectorIds: number[]; departmentIds: number[] } {
  const inspectors = new Set<number>();
  const departments = new Set<number>();
  for (const team of result.teams) for (const id of team.members) {
    const c = candidateOf.get(id)!;
    inspectors.add(c.inspectorId);
    departments.add(c.departmentId);
  }
  return { inspectorIds: [...inspectors].sort((a, b) => a - b), departmentIds: [...departments].sort((a, b) => a - b) };
}

/** drawTeams: the visits of the draw led by the actor's department that wait for a team. */
export function drawTeams(ctx: RequestContext, drawId: number): Promise<TeamDrawReport> {
  return runRound(ctx, drawId, TeamDrawKind.TEAMS, []);
}

/** drawCrossRegionTeams: the visits of the draw left unstaffed, with the inspectors of neighbouring regions' departments too. */
export function drawCrossRegionTeams(ctx: RequestContext, drawId: number, neighbourDepartmentIds: number[]): Promise<TeamDrawReport> {
  return runRound(ctx, drawId, TeamDrawKind.CROSS_REGION, neighbourDepartmentIds);
}

async function runRound(ctx: RequestContext, drawId: number, kind: TeamDrawKind.TEAMS | TeamDrawKind.CROSS_REGION, neighbourIds: number[]): Promise<TeamDrawReport> {
  const { actor, task } = await assertExecuting(ctx, drawId, Permission.RUN_DRAWS);
  const home = await ctx.ds.getRepository(Department).findOneByOrFail({ id: actor.departmentId });
  const allowed = await neighbourDepartments(ctx.ds.manager, home);
  let neighbours: Department[] = [];
  if (kind === TeamDrawKind.CROSS_REGION) {
    const ids = [...new Set(neighbourIds)];
    if (!ids.length) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '请选择至少一个相邻地区的部门 (choose at least one neighbouring department)' });
    for (const id of ids) {
      if (!allowed.some((d) => d.id === id)) {
        const named = await ctx.ds.getRepository(Department).findOne({ where: { id }, select: { id: true, name: true } });
        throw new DomainError(ErrorCode.NOT_A_NEIGHBOUR_DEPARTMENT, { name: named?.name ?? String(id) }, { departmentId: id, neighbourDepartmentIds: allowed.map((d) => d.id) });
      }
    }
    neighbours = ids.map((id) => allowed.find((d) => d.id === id)!);
  }
  const status = kind === TeamDrawKind.TEAMS ? VisitStatus.PENDING_TEAM : VisitStatus.UNSTAFFED;
  const source = kind === TeamDrawKind.TEAMS ? VisitMemberSource.DRAWN : VisitMemberSource.CROSS_REGION;

  const { report, stored } = await inTransaction(ctx.ds, async (em) => {
    // Milliseconds per phase, logged at debug level (and printed by bench:teams).
    const phases: Record<string, number> = {};
    let t0 = Date.now();
    const T = (phase: string) => { phases[phase] = Date.now() - t0; t0 = Date.now(); };
    // The draw's row, then the hub-wide visit lock (the order lockDraw takes them): visits, members and
    // workloads stay as read until commit. Everything after is read past the lock.
    const [draw] = await lockDraws(em, [drawId]);
    if (!TEAM_DRAWN_STATUSES.includes(draw.status)) throw new DomainError(ErrorCode.DRAW_NOT_LOCKED, { drawId });
    await takeVisitLock(em);
    // What does not change while the lock is held is read on other connections, beside this one's
    // read of the visits: the inspectors' side, the draw's order, the other tasks of its visits.
    const scope: VisitScope = {
      from: 'visit_task vt JOIN visit v ON v.id = vt.visitId', where: 'vt.taskId = ? AND vt.drawId = ? AND v.status = ? AND v.leadDepartmentId = ?',
      params: [task.id, draw.id, status, home.id], taskId: task.id, drawId: draw.id,
    };
    const baseDepartments = [home.id, ...neighbours.map((d) => d.id)];
    const beside = Promise.all([readInspectorSide(ctx.ds.manager, baseDepartments), pickRanks(ctx.ds.manager, draw.id), visitTasks(ctx.ds.manager, scope, null)]);
    beside.catch(() => undefined);
    const now = new Date();
    const policy = await effectivePolicy(em, home.id);
    const visits = await loadVisits(em, scope);
    T('visits');
    if (!visits.length) throw new DomainError(ErrorCode.NO_VISITS_TO_STAFF, { drawId, statusZh: VISIT_STATUS_TEXT[status].zh, statusEn: VISIT_STATUS_TEXT[status].en });
    const [side, ranks, otherTasks] = await beside;
    T('beside');
    visits.sort((a, b) => (ranks.get(a.publicId) ?? Infinity) - (ranks.get(b.publicId) ?? Infinity) || a.id - b.id);

    const served = new Map(visits.map((v) => [v.id, otherTasks.get(v.id) ?? [task.id]]));
    const groups = await visitGroups(em, scope, visits, policy, served);
    T('groups');
    // Joint tasks may ask for inspectors of their participants too.
    const more = groupDepartments(groups.values()).filter((id) => !baseDepartments.includes(id));
    const extra = more.length ? await readInspectorSide(em, more) : null;
    const departmentIds = [...baseDepartments, ...more];
    const candidates = canonical([...side.candidates, ...(extra?.candidates ?? [])]);
    const conflicts = new Map(side.conflicts);
    for (const [targetId, ids] of extra?.conflicts ?? []) conflicts.set(targetId, [...(conflicts.get(targetId) ?? []), ...ids]);
    T('candidates');
    const instance = buildInstance(visits, candidates, conflicts, groups, policy);
    T('instance');
    const label = await nextLabel(em, draw.id, kind);
    const teamDraw = em.getRepository(TeamDraw).create({ drawId, departmentId: home.id, kind, label, teamSize: policy.teamSize, targets: visits.length, staffed: 0, unstaffed: 0, drawnAt: now, drawnById: actor.userId });
    await em.getRepository(TeamDraw).insert(teamDraw);
    const marking = markAll(em, task.id, draw.id, status, home.id, teamDraw.id, now);
    marking.catch(() => undefined); // awaited below; a failure in between rolls everything back
    await nextTurn();
    // The members are stored while the matching runs, and while the round's snapshot is deflated.
    const visitOf = new Map(visits.map((v) => [v.publicId, v]));
    const candidateOf = new Map(candidates.map((c) => [c.id, c]));
    const { result, stored: membersStored } = await drawStoringMembers(em, { seed: draw.seed!, label, teamSize: policy.teamSize, targets: matchTargets(instance), candidates }, {
      rows: (teams) => memberRows(teams, visitOf, candidateOf), constants: { source, addedAt: now, addedById: actor.userId }, visitIdOf: (target) => visitOf.get(target)!.id,
    });
    T('match');
    // The round's snapshot is built and deflated (on the thread pool) while the last members are stored.
    const round = roundOf(instance, {
      teamDrawId: teamDraw.id, kind, label, seed: draw.seed!, teamSize: policy.teamSize, drawnAt: now.toISOString(), drawnBy: actor.username, departmentId: home.id,
      policy: { teamSize: policy.teamSize, requireSpecialtyCoverage: policy.requireSpecialtyCoverage, recuseSameTownship: policy.recuseSameTownship, workloadLimit: policy.workloadLimit },
      candidateDepartmentIds: departmentIds,
    }, result);
    const packing = packRound(round);
    packing.catch(() => undefined); // awaited below
    await marking;
    T('mark');
    await markUnstaffed(em, result.unstaffed.map((u) => visitOf.get(u.target)!.id));
    Object.assign(teamDraw, { staffed: result.teams.length, unstaffed: result.unstaffed.length });
    await em.getRepository(TeamDraw).update({ id: teamDraw.id }, { staffed: teamDraw.staffed, unstaffed: teamDraw.unstaffed });
    const pieces = await packing;
    await membersStored;
    T('members');
    await storePieces(em, teamDraw.id, pieces);
    T('round');

    const unstaffedByReason: Record<string, number> = {};
    for (const u of result.unstaffed) unstaffedByReason[u.reason] = (unstaffedByReason[u.reason] ?? 0) + 1;
    const { inspectorIds, departmentIds: memberDepartmentIds } = distinctInspectors(result, candidateOf);
    const event: NewEvent = {
      type: 'TEAMS_DRAWN',
      payload: {
        teamDrawId: teamDraw.id, kind, label, taskId: task.id, departmentId: home.id, teamSize: policy.teamSize, visits: visits.length,
        staffed: result.teams.length, unstaffed: result.unstaffed.length, unstaffedByReason,
        unstaffedVisitIds: result.unstaffed.slice(0, EVENT_UNSTAFFED).map((u) => visitOf.get(u.target)!.id),
        ...(kind === TeamDrawKind.CROSS_REGION ? { neighbourDepartmentIds: neighbours.map((d) => d.id) } : {}),
        memberDepartmentIds, ...(inspectorIds.length <= EVENT_INSPECTORS ? { inspectorIds } : {}), by: actor.username,
      },
    };
    const stored = await appendEvents(em, draw, [event]);
    T('event');
    const report: TeamDrawReport = {
      teamDraw, visits: visits.length, staffed: result.teams.length, unstaffedCount: result.unstaffed.length, unstaffed: diagnoses(round),
      neighbourDepartmentIds: allowed.map((d) => d.id), phases,
    };
    return { report, stored };
  });
  announceCommitted(ctx.pubSub, stored);
  ctx.log.debug('teams drawn', { drawId, teamDrawId: report.teamDraw.id, visits: report.visits, staffed: report.staffed, phases: report.phases });
  return report;
}

