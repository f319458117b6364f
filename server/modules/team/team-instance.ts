import { EntityManager, In } from 'typeorm';
import { isValidId } from '../../domain/draw-v1';
import { requiredDepartments, JointParticipant, ParticipantStatus } from '../../domain/joint-rules';
import { EligibilityInspector, EligibilityRules, inspectorExclusion, TeamExclusionReason, townshipOf } from '../../domain/team-eligibility';
import { canonicalGroups, MatchCandidate, MatchGroup, MatchResult, MatchTarget } from '../../domain/team-matching';
import { Ineligible, RecordTarget, RecordWindow, TeamRound } from '../../domain/team-record';
import { Inspector } from '../directory/inspector.entity';
import { Task } from '../task/task.entity';
import { TaskParticipant } from '../task/task-participant.entity';
import { OPEN_VISIT_STATUSES, VisitStatus } from '../visit/visit.entity';
import { DEFAULT_WORKLOAD_LIMIT, TeamPolicy } from './team.entity';

/**
 * Everything a team draw needs from the database, read set-based (a statement per kind of fact,
 * never one per visit or per inspector), and turned into the pure matching's input
 * (server/domain/team-matching.ts) and the published record's round (server/domain/team-record.ts).
 */

/** SQL selecting the visits of a team draw, aliased `v` (e.g. "the pending visits of draw 12 led by department 4"). */
export interface VisitScope {
  from: string;
  where: string;
  params: unknown[];
  /** For a draw's visits: the draw's task (every visit in scope serves it) and the draw. */
  taskId?: number;
  drawId?: number;
}

export interface VisitForTeam {
  id: number;
  publicId: string;
  targetId: number;
  windowStart: string;
  windowEnd: string;
  leadDepartmentId: number;
  status: VisitStatus;
  teamDrawId: number | null;
  version: number;
  regionCode: string;
  targetType: string;
}

export interface TeamCandidate extends MatchCandidate {
  /** Canonical index. */
  k: number;
  inspectorId: number;
  certificateNumber: string;
  name: string;
  active: boolean;
  certificateValidFrom: string;
  certificateValidTo: string;
  regionCode: string;
  township: string | null;
  openVisits: number;
  workloadLimit: number;
}

export interface InstanceTarget {
  visit: VisitForTeam;
  window: number;
  /** The target's township when the township rule applies to it, else null. */
  township: string | null;
  groups: MatchGroup[];
  /** Candidates (canonical index) this target excludes on its own, with the reason; null when none (most targets). */
  own: Map<number, string> | null;
}

export interface TeamInstance {
  candidates: TeamCandidate[];
  byInspectorId: Map<number, TeamCandidate>;
  /** reasons[k]: why candidate k is out for every target of the window (null: it is not). */
  windows: { start: string; end: string; reasons: (TeamExclusionReason | null)[] }[];
  targets: InstanceTarget[];
  recuseSameTownship: boolean;
}

const OPEN_SQL = OPEN_VISIT_STATUSES.map((s) => `'${s}'`).join(',');
const placeholders = (n: number) => new Array(n).fill('?').join(',');
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The visits in scope with their targets' region and type. */
export async function loadVisits(em: EntityManager, scope: VisitScope, suffix = ''): Promise<VisitForTeam[]> {
  const rows: Record<string, unknown>[] = await em.query(
    `SELECT v.id AS id, v.publicId AS publicId, v.targetId AS targetId, v.windowStart AS windowStart, v.windowEnd AS windowEnd,
            v.leadDepartmentId AS leadDepartmentId, v.status AS status, v.teamDrawId AS teamDrawId, v.version AS version,
            t.regionCode AS regionCode, t.type AS targetType
       FROM ${scope.from} LEFT JOIN target t ON t.id = v.targetId WHERE ${scope.where}${suffix}`,
    scope.params,
  );
  return rows.map((r) => ({
    id: Number(r.id), publicId: String(r.publicId), targetId: Number(r.targetId), windowStart: String(r.windowStart), windowEnd: String(r.windowEnd),
    leadDepartmentId: Number(r.leadDepartmentId), status: r.status as VisitStatus, teamDrawId: r.teamDrawId == null ? null : Number(r.teamDrawId),
    version: Number(r.version), regionCode: r.regionCode == null ? '' : String(r.regionCode), targetType: r.targetType == null ? '' : String(r.targetType),
  }));
}

/** The department that answers for a joint task's lead items: the one it is delegated to, if any (Art. 16). */
const answering = (task: Pick<Task, 'departmentId' | 'executingDepartmentId'>, departmentId: number) =>
  departmentId === task.departmentId ? task.executingDepartmentId : departmentId;

/**
 * The tasks each visit serves. For a draw's visits (scope with taskId and drawId), the draw's task
 * and, in one read through the task index, the other tasks of those visits; otherwise by visit ids.
 */
export async function visitTasks(em: EntityManager, scope: VisitScope, visits: VisitForTeam[] | null): Promise<Map<number, number[]>> {
  const drawScope = scope.taskId !== undefined && scope.drawId !== undefined;
  const out = new Map<number, number[]>((visits ?? []).map((v) => [v.id, drawScope ? [scope.taskId!] : []]));
  const rows: { visitId: number; taskId: number }[] = [];
  if (drawScope) {
    rows.push(...(await em.query(
      'SELECT x.visitId AS visitId, x.taskId AS taskId FROM visit_task vt JOIN visit_task x ON x.visitId = vt.visitId AND x.taskId <> vt.taskId WHERE vt.taskId = ? AND vt.drawId = ?',
      [scope.taskId, scope.drawId],
    )));
  } else {
    const ids = (visits ?? []).map((v) => v.id);
    for (let i = 0; i < ids.length; i += 900) {
      const part = ids.slice(i, i + 900);
      rows.push(...(await em.query(`SELECT visitId AS visitId, taskId AS taskId FROM visit_task WHERE visitId IN (${placeholders(part.length)})`, part)));
    }
  }
  // Without the visits (read beside them): every visit of the draw that serves another task; the rest serve the draw's task alone.
  for (const r of rows) {
    const list = out.get(Number(r.visitId)) ?? (visits ? undefined : out.set(Number(r.visitId), [scope.taskId!]).get(Number(r.visitId)));
    list?.push(Number(r.taskId));
  }
  return out;
}

/**
 * Each visit's groups: with `requireSpecialtyCoverage`, the category codes of every item of every task
 * it serves (SPECIALTY); for joint tasks, every participating department with items for the target's
 * type (DEPARTMENT, server/domain/joint-rules.ts). A visit serving only ordinary tasks of one
 * department has no DEPARTMENT group: its team comes from the lead department alone.
 */
export async function visitGroups(
  em: EntityManager, scope: VisitScope, visits: VisitForTeam[], policy: Pick<TeamPolicy, 'requireSpecialtyCoverage'>, known?: Map<number, number[]>,
): Promise<Map<number, MatchGroup[]>> {
  const out = new Map<number, MatchGroup[]>(visits.map((v) => [v.id, []]));
  if (!visits.length) return out;
  const served = known ?? (await visitTasks(em, scope, visits));
  const taskIds = [...new Set([...served.values()].flat())];
  if (!taskIds.length) return out;
  const tasks = await em.getRepository(Task).find({ where: { id: In(taskIds) }, select: { id: true, departmentId: true, executingDepartmentId: true, joint: true } });
  const joint = tasks.filter((t) => t.joint);
  if (!policy.requireSpecialtyCoverage && !joint.length) return out;

  const itemRows: { taskId: number; departmentId: number; categoryCode: string; targetTypes: string | null }[] = await em.query(
    `SELECT ti.taskId AS taskId, ti.departmentId AS departmentId, iv.categoryCode AS categoryCode, iv.targetTypes AS targetTypes
       FROM task_item ti JOIN inspection_item_version iv ON iv.itemId = ti.itemId AND iv.version = ti.itemVersion
      WHERE ti.taskId IN (${placeholders(taskIds.length)})`,
    taskIds,
  );
  const itemsOf = new Map<number, { departmentId: number; categoryCode: string; targetTypes: string[] }[]>();
  for (const r of itemRows) {
    const list = itemsOf.get(Number(r.taskId)) ?? itemsOf.set(Number(r.taskId), []).get(Number(r.taskId))!;
    list.push({ departmentId: Number(r.departmentId), categoryCode: r.categoryCode, targetTypes: (r.targetTypes ?? '').split(',').filter(Boolean) });
  }
  const participantsOf = new Map<number, JointParticipant[]>();
  if (joint.length) {
    const rows = await em.getRepository(TaskParticipant).find({ where: { taskId: In(joint.map((t) => t.id)) } });
    for (const t of joint) participantsOf.set(t.id, [{ departmentId: t.departmentId, status: ParticipantStatus.CONFIRMED, lead: true }]);
    for (const r of rows) participantsOf.get(r.taskId)!.push({ departmentId: r.departmentId, status: r.status });
  }

  // The groups one task asks of a target of a given type, memoised (a handful of tasks, a handful of types).
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const memo = new Map<string, MatchGroup[]>();
  const taskGroups = (taskId: number, targetType: string): MatchGroup[] => {
    const key = `${taskId}|${targetType}`;
    let groups = memo.get(key);
    if (groups) return groups;
    groups = [];
    const task = byId.get(taskId);
    const items = itemsOf.get(taskId) ?? [];
    if (task && policy.requireSpecialtyCoverage) for (const item of items) groups.push({ kind: 'SPECIALTY', value: item.categoryCode });
    if (task?.joint) {
      for (const id of requiredDepartments(participantsOf.get(task.id) ?? [], items, targetType || null)) groups.push({ kind: 'DEPARTMENT', value: String(answering(task, id)) });
    }
    memo.set(key, (groups = canonicalGroups(groups)));
    return groups;
  };
  for (const v of visits) {
    const ids = served.get(v.id) ?? [];
    out.set(v.id, ids.length === 1 ? taskGroups(ids[0], v.targetType) : canonicalGroups(ids.flatMap((id) => taskGroups(id, v.targetType))));
  }
  return out;
}

/** Departments the DEPARTMENT groups name. */
export function groupDepartments(groups: Iterable<MatchGroup[]>): number[] {
  const ids = new Set<number>();
  for (const list of groups) for (const g of list) if (g.kind === 'DEPARTMENT') ids.add(Number(g.value));
  return [...ids];
}

/** Each department's workload limit (its team policy, or the default). */
export async function workloadLimits(em: EntityManager, departmentIds: number[]): Promise<Map<number, number>> {
  const rows = departmentIds.length ? await em.getRepository(TeamPolicy).find({ where: { departmentId: In(departmentIds) }, select: { departmentId: true, workloadLimit: true } }) : [];
  const limits = new Map(departmentIds.map((id) => [id, DEFAULT_WORKLOAD_LIMIT]));
  for (const r of rows) limits.set(r.departmentId, r.workloadLimit);
  return limits;
}

/** The draw-v1 id of an inspector: the certificate number, or `inspector-<id>` when that is not a valid draw-v1 id (e.g. with brackets). */
export const candidateId = (inspector: Pick<Inspector, 'id' | 'certificateNumber'>): string =>
  isValidId(inspector.certificateNumber) ? inspector.certificateNumber : `inspector-${inspector.id}`;

/** The inspectors of the departments with the open visits each is on (not yet in canonical order: see `canonical`). */
export async function readCandidates(em: EntityManager, departmentIds: number[], limits: Map<number, number>): Promise<TeamCandidate[]> {
  if (!departmentIds.length) return [];
  const [inspectors, rows] = await Promise.all([
    em.getRepository(Inspector).find({
      where: { departmentId: In(departmentIds) },
      select: { id: true, departmentId: true, name: true, certificateNumber: true, certificateValidFrom: true, certificateValidTo: true, specialties: true, regionCode: true, active: true },
    }),
    em.query(
      `SELECT m.inspectorId AS inspectorId, COUNT(*) AS n FROM visit_member m JOIN inspector i ON i.id = m.inspectorId JOIN visit v ON v.id = m.visitId
        WHERE i.departmentId IN (${placeholders(departmentIds.length)}) AND m.removedAt IS NULL AND v.status IN (${OPEN_SQL}) GROUP BY m.inspectorId`,
      departmentIds,
    ) as Promise<{ inspectorId: number; n: number }[]>,
  ]);
  const open = new Map(rows.map((r) => [Number(r.inspectorId), Number(r.n)]));
  return inspectors.map((i): TeamCandidate => {
    const openVisits = open.get(i.id) ?? 0;
    const workloadLimit = limits.get(i.departmentId) ?? DEFAULT_WORKLOAD_LIMIT;
    return {
      k: 0, id: candidateId(i), inspectorId: i.id, certificateNumber: i.certificateNumber, name: i.name, departmentId: i.departmentId,
      specialties: [...i.specialties].sort(compareText), capacity: Math.max(0, workloadLimit - openVisits), active: i.active,
      certificateValidFrom: i.certificateValidFrom, certificateValidTo: i.certificateValidTo, regionCode: i.regionCode, township: townshipOf(i.regionCode),
      openVisits, workloadLimit,
    };
  });
}

/** Candidates in canonical (byte) order of their ids, `k` their index. */
export function canonical(candidates: TeamCandidate[]): TeamCandidate[] {
  candidates.sort((a, b) => compareText(a.id, b.id));
  candidates.forEach((c, k) => (c.k = k));
  return candidates;
}

/** The inspectors of the departments, with the open visits each is on, in canonical order of their ids. */
export async function loadCandidates(em: EntityManager, departmentIds: number[], limits: Map<number, number>): Promise<TeamCandidate[]> {
  return canonical(await readCandidates(em, departmentIds, limits));
}

/**
 * Everything about the departments' inspectors a team draw needs — workload limits, the inspectors
 * with their open visits, their declared conflicts — read in parallel (on a data source's pool: the
 * reads run beside the transaction's own; the caller holds the visit lock, so nothing they read is
 * changing). Not yet in canonical order.
 */
export async function readInspectorSide(em: EntityManager, departmentIds: number[]): Promise<{ candidates: TeamCandidate[]; conflicts: Map<number, number[]> }> {
  const [candidates, conflicts] = await Promise.all([workloadLimits(em, departmentIds).then((limits) => readCandidates(em, departmentIds, limits)), loadConflicts(em, departmentIds)]);
  return { candidates, conflicts };
}

/** Declared conflicts of the departments' inspectors: target id → inspector ids. */
export async function loadConflicts(em: EntityManager, departmentIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (!departmentIds.length) return out;
  const rows: { inspectorId: number; targetId: number }[] = await em.query(
    `SELECT c.inspectorId AS inspectorId, c.targetId AS targetId FROM conflict_of_interest c JOIN inspector i ON i.id = c.inspectorId
      WHERE i.departmentId IN (${placeholders(departmentIds.length)})`,
    departmentIds,
  );
  for (const r of rows) (out.get(Number(r.targetId)) ?? out.set(Number(r.targetId), []).get(Number(r.targetId))!).push(Number(r.inspectorId));
  return out;
}

export const eligibilityOf = (c: TeamCandidate): EligibilityInspector => ({
  id: c.id, active: c.active, certificateValidFrom: c.certificateValidFrom, certificateValidTo: c.certificateValidTo, regionCode: c.regionCode, openVisits: c.openVisits,
});

/**
 * The instance: per distinct window, why each candidate is out of every target of it (inactive,
 * certificate, workload — team-eligibility's inspectorExclusion with the candidate's own
 * department's workload limit); per target, its declared conflicts; the township rule as a
 * comparison of townships.
 */
export function buildInstance(
  visits: VisitForTeam[], candidates: TeamCandidate[], conflicts: Map<number, number[]>, groups: Map<number, MatchGroup[]>,
  policy: Pick<TeamPolicy, 'recuseSameTownship'>,
): TeamInstance {
  const byInspectorId = new Map(candidates.map((c) => [c.inspectorId, c]));
  const windowIndex = new Map<string, number>();
  const windows: TeamInstance['windows'] = [];
  const targets = visits.map((visit): InstanceTarget => {
    const key = `${visit.windowStart}|${visit.windowEnd}`;
    let w = windowIndex.get(key);
    if (w === undefined) {
      windowIndex.set(key, (w = windows.length));
      windows.push({
        start: visit.windowStart, end: visit.windowEnd,
        reasons: candidates.map((c) => {
          const rules: EligibilityRules = { windowStart: visit.windowStart, windowEnd: visit.windowEnd, recuseSameTownship: policy.recuseSameTownship, workloadLimit: c.workloadLimit };
          return inspectorExclusion(eligibilityOf(c), rules);
        }),
      });
    }
    let own: Map<number, string> | null = null;
    for (const inspectorId of conflicts.get(visit.targetId) ?? []) {
      const c = byInspectorId.get(inspectorId);
      if (c) (own ??= new Map()).set(c.k, TeamExclusionReason.CONFLICT_DECLARED);
    }
    const township = policy.recuseSameTownship ? townshipOf(visit.regionCode) : null;
    return { visit, window: w, township, groups: groups.get(visit.id) ?? [], own };
  });
  return { candidates, byInspectorId, windows, targets, recuseSameTownship: policy.recuseSameTownship };
}

/** Whether candidate k may serve on target t. */
export function eligibleFor(instance: TeamInstance, t: InstanceTarget, k: number): boolean {
  return instance.windows[t.window].reasons[k] === null && !t.own?.has(k) && !(t.township !== null && instance.candidates[k].township === t.township);
}

/** The matching's targets: eligibility as lookups in the instance (the matcher calls it millions of times). */
export function matchTargets(instance: TeamInstance): MatchTarget[] {
  const out: MatchTarget[] = [];
  const candidateTownship = instance.candidates.map((c) => c.township);
  for (const t of instance.targets) {
    const reasons = instance.windows[t.window].reasons;
    const { own, township } = t;
    const eligible = township === null
      ? (own ? (c: MatchCandidate) => reasons[(c as TeamCandidate).k] === null && !own.has((c as TeamCandidate).k) : (c: MatchCandidate) => reasons[(c as TeamCandidate).k] === null)
      : (c: MatchCandidate) => reasons[(c as TeamCandidate).k] === null && candidateTownship[(c as TeamCandidate).k] !== township && !own?.has((c as TeamCandidate).k);
    out.push({ id: t.visit.publicId, groups: t.groups, eligible });
  }
  return out;
}

/** The published round: the instance written out factored (see team-record.ts), with the result. */
export function roundOf(
  instance: TeamInstance,
  head: Omit<TeamRound, 'candidates' | 'windows' | 'townships' | 'targets' | 'result'>,
  result: MatchResult,
): TeamRound {
  const ids = instance.candidates.map((c) => c.id);
  const windows: RecordWindow[] = instance.windows.map((w) => ({
    start: w.start, end: w.end,
    ineligible: w.reasons.flatMap((reason, k): Ineligible[] => (reason ? [[ids[k], reason]] : [])),
  }));
  const townships: Record<string, string[]> = {};
  const targetTownships = new Set(instance.targets.map((t) => t.township).filter((t): t is string => t !== null));
  for (const c of instance.candidates) if (c.township !== null && targetTownships.has(c.township)) (townships[c.township] ??= []).push(c.id);
  const targets: RecordTarget[] = instance.targets.map((t) => ({
    id: t.visit.publicId, visitId: t.visit.id, window: t.window, township: t.township !== null && townships[t.township] ? t.township : null,
    groups: t.groups.map((g) => ({ kind: g.kind, value: g.value })),
    ineligible: [...(t.own ?? [])].sort((a, b) => a[0] - b[0]).map(([k, reason]): Ineligible => [ids[k], reason]),
  }));
  const candidates = instance.candidates.map((c) => ({ id: c.id, certificateNumber: c.certificateNumber, name: c.name, departmentId: c.departmentId, specialties: [...c.specialties], capacity: c.capacity }));
  return { ...head, candidates, windows, townships, targets, result };
}
