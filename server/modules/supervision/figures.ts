import { countFromRatio, MAX_DRAWS_PER_YEAR, REPEATED_COMPLAINTS } from '../../domain/eligibility';
import { FilingFact, filingOverview, FilingState, PlanStatus } from '../../domain/plan-rules';
import { TargetStatus } from '../../domain/vocabulary';

/**
 * The supervision figures (Art. 36–39) as pure functions over per-department facts the queries
 * read: one set of facts per department, summed for a region and for each child region. The
 * semantics are documented in docs/supervision.md.
 */

/** Where a task stands, derived from its draws and visits (a task has no stored state). */
export enum TaskStage {
  /** No draw, or only voided ones (待摇号). */
  PREPARING = 'PREPARING',
  /** A draw scheduled, open, drawing or completed but not yet locked (摇号中). */
  DRAWING = 'DRAWING',
  /** A locked draw and at least one of its visits not done (检查中). */
  IN_PROGRESS = 'IN_PROGRESS',
  /** A locked draw and every visit done or cancelled (已完成). */
  DONE = 'DONE',
}
export const TASK_STAGES = [TaskStage.PREPARING, TaskStage.DRAWING, TaskStage.IN_PROGRESS, TaskStage.DONE] as const;

/** What is known about one department for one year. */
export interface DepartmentFacts {
  departmentId: number;
  regionCode: string;
  /** Targets in business in the department's own directory. */
  targets: number;
  /** Distinct targets of that directory picked this year by draws that stand. */
  drawnTargets: number;
  /** The department's ratio policy minimum (default 5 %). */
  minRatioPercent: number;
  /** The plan version in force: null without a plan; DRAFT when no version has been adopted. */
  planStatus: PlanStatus | null;
  filingState: FilingState | null;
  filingDeadline: string | null;
  drawsByStatus: Record<string, number>;
  tasksByStage: Record<TaskStage, number>;
  overdueTasks: number;
  jointLed: number;
  jointParticipating: number;
  jointInvitationsPending: number;
  visitsByStatus: Record<string, number>;
  mergedVisits: number;
  tasksInMergedVisits: number;
  overdueVisits: number;
  segmentsWithinCap: number;
  segmentsAboveCap: number;
  segmentsWithoutCap: number;
}

export const STANDING_DRAW_STATUSES = ['COMPLETED', 'LOCKED', 'ANNOUNCED'] as const;
export const OUT_OF_BUSINESS_STATUSES = [TargetStatus.DEREGISTERED, TargetStatus.REVOKED, TargetStatus.MOVED, TargetStatus.CLOSED] as const;

export function emptyFacts(departmentId: number, regionCode: string, minRatioPercent: number): DepartmentFacts {
  return {
    departmentId, regionCode, targets: 0, drawnTargets: 0, minRatioPercent, planStatus: null, filingState: null, filingDeadline: null,
    drawsByStatus: {}, tasksByStage: { PREPARING: 0, DRAWING: 0, IN_PROGRESS: 0, DONE: 0 }, overdueTasks: 0,
    jointLed: 0, jointParticipating: 0, jointInvitationsPending: 0, visitsByStatus: {}, mergedVisits: 0, tasksInMergedVisits: 0, overdueVisits: 0,
    segmentsWithinCap: 0, segmentsAboveCap: 0, segmentsWithoutCap: 0,
  };
}

/** Share of a directory drawn, in percent with one decimal; null for an empty directory. */
export function coveragePercent(drawn: number, targets: number): number | null {
  return targets > 0 ? Math.round((drawn / targets) * 1000) / 10 : null;
}

/**
 * Art. 8: a segment respects the cap of the task's strictest GENERAL item when its count is no more
 * than the counting rule gives at the cap — the same test scheduling applies. `cap` null: the task
 * has no capped GENERAL item (KEY items only).
 */
export function segmentRespectsCap(poolSize: number, count: number, cap: number | null): boolean | null {
  if (cap == null) return null;
  return count <= countFromRatio(poolSize, cap);
}

/** One pick of a target drawn more than twice this year, with what decides whether the cap applied. */
export interface CapPick {
  publicId: string;
  drawId: number;
  /** Order of the draws within the year (reveal time, then id). */
  revealedAt: number;
  departmentId: number;
  directed: boolean;
  hasKeyItem: boolean;
  complaintCount: number;
  targetStatus: string;
  dishonest: boolean;
  seriousViolation: boolean;
}

export interface CapBreach { publicId: string; drawId: number; departmentId: number; timesDrawn: number }

/**
 * Art. 14: a target is drawn at most twice a year. A pick breaches the cap when two standing picks
 * of the same year came before it and neither its task (directed check, KEY item) nor the target
 * (repeated complaints, abnormal list, dishonest, serious violation — as recorded now) is exempt.
 * Returns one breach per breaching pick; targets drawn more than twice only with exemptions are not
 * breaches.
 */
export function capBreaches(picks: readonly CapPick[]): CapBreach[] {
  const byTarget = new Map<string, CapPick[]>();
  for (const pick of picks) (byTarget.get(pick.publicId) ?? byTarget.set(pick.publicId, []).get(pick.publicId)!).push(pick);
  const breaches: CapBreach[] = [];
  for (const [publicId, list] of byTarget) {
    list.sort((a, b) => a.revealedAt - b.revealedAt || a.drawId - b.drawId);
    list.forEach((pick, index) => {
      if (index < MAX_DRAWS_PER_YEAR) return;
      const taskExempt = pick.directed || pick.hasKeyItem;
      const targetExempt = pick.complaintCount >= REPEATED_COMPLAINTS || pick.targetStatus === TargetStatus.ABNORMAL_LIST || pick.dishonest || pick.seriousViolation;
      if (!taskExempt && !targetExempt) breaches.push({ publicId, drawId: pick.drawId, departmentId: pick.departmentId, timesDrawn: list.length });
    });
  }
  return breaches;
}

/** The headline figures of a region (or of the whole jurisdiction). */
export interface RegionTotals {
  departments: number;
  targets: number;
  drawnTargets: number;
  coveragePercent: number | null;
  plansFiled: number;
  plansMissing: number;
  plansOverdue: number;
  standingDraws: number;
  tasks: number;
  overdueTasks: number;
  overdueVisits: number;
  mergedVisits: number;
  jointTasksLed: number;
  segmentsAboveCap: number;
  capBreaches: number;
}

export function regionTotals(facts: readonly DepartmentFacts[], breaches: readonly CapBreach[]): RegionTotals {
  const sum = (pick: (f: DepartmentFacts) => number) => facts.reduce((total, f) => total + pick(f), 0);
  const ids = new Set(facts.map((f) => f.departmentId));
  const targets = sum((f) => f.targets);
  const drawnTargets = sum((f) => f.drawnTargets);
  return {
    departments: facts.length,
    targets,
    drawnTargets,
    coveragePercent: coveragePercent(drawnTargets, targets),
    plansFiled: facts.filter((f) => f.planStatus === PlanStatus.FILED).length,
    plansMissing: facts.filter((f) => f.planStatus === null).length,
    plansOverdue: facts.filter((f) => f.filingState === FilingState.OVERDUE).length,
    standingDraws: sum((f) => STANDING_DRAW_STATUSES.reduce((n, s) => n + (f.drawsByStatus[s] ?? 0), 0)),
    tasks: sum((f) => TASK_STAGES.reduce((n, s) => n + f.tasksByStage[s], 0)),
    overdueTasks: sum((f) => f.overdueTasks),
    overdueVisits: sum((f) => f.overdueVisits),
    mergedVisits: sum((f) => f.mergedVisits),
    jointTasksLed: sum((f) => f.jointLed),
    segmentsAboveCap: sum((f) => f.segmentsAboveCap),
    // A target counts once per region however many of its draws broke the cap.
    capBreaches: new Set(breaches.filter((b) => ids.has(b.departmentId)).map((b) => b.publicId)).size,
  };
}

export interface PlanVersionFact { version: number; status: string; adoptedOn: string | null; filings: FilingFact[] }
export interface PlanStanding { planStatus: PlanStatus | null; filingState: FilingState | null; filingDeadline: string | null }

/**
 * Where a department's plan for the year stands: the latest adopted version is the one in force
 * (FILED once filed with all three recipients, Art. 12); with only a draft, DRAFT; without a plan, null.
 */
export function planStanding(versions: readonly PlanVersionFact[], today: string): PlanStanding {
  if (!versions.length) return { planStatus: null, filingState: null, filingDeadline: null };
  const adopted = versions.filter((v) => v.status !== PlanStatus.DRAFT && v.adoptedOn).sort((a, b) => b.version - a.version)[0];
  if (!adopted) return { planStatus: PlanStatus.DRAFT, filingState: FilingState.NOT_ADOPTED, filingDeadline: null };
  const overview = filingOverview(adopted.adoptedOn, adopted.filings, today);
  return { planStatus: overview.recipients.every((r) => r.filed) ? PlanStatus.FILED : PlanStatus.ADOPTED, filingState: overview.state, filingDeadline: overview.deadline };
}

/** Adds up per-status counters of several departments. */
export function sumCounts(records: readonly Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const record of records) for (const [key, n] of Object.entries(record)) total[key] = (total[key] ?? 0) + n;
  return total;
}

/** A region code and its children: which departments fall in a region (its code as a prefix, see regionPrefix). */
export const inRegion = (departmentRegionCode: string, prefix: string): boolean => departmentRegionCode.startsWith(prefix);
