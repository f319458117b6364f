import { DomainError, ErrorCode } from '../../common/errors';
import { regionPrefix } from '../../common/listing';
import { todayInChina } from '../../domain/calendar-date';
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR } from '../../domain/plan-rules';
import type { RequestContext } from '../../graphql/context';
import { DrawStatus } from '../draw/draw.entity';
import { VisitStatus } from '../visit/visit.entity';
import { coveragePercent, inRegion, regionTotals, sumCounts, TASK_STAGES } from './figures';
import { readOverviewFacts } from './supervision.queries';
import { childRegions, requireSupervisor, resolveScope } from './supervision-scope';
import type { DepartmentCoverage, SupervisionOverview } from './supervision.types';

const BREACHES_LISTED = 100;

/** The supervision overview of the actor's jurisdiction, or of a region inside it, for a year (this year by default). */
export async function supervisionOverview(ctx: RequestContext, regionCode?: string | null, year?: number | null): Promise<SupervisionOverview> {
  const actor = requireSupervisor(ctx);
  const today = todayInChina();
  const theYear = year ?? Number(today.slice(0, 4));
  if (!Number.isInteger(theYear) || theYear < MIN_PLAN_YEAR || theYear > MAX_PLAN_YEAR) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: `年度应在 ${MIN_PLAN_YEAR} 至 ${MAX_PLAN_YEAR} 之间 (the year must be within ${MIN_PLAN_YEAR}–${MAX_PLAN_YEAR})` });
  }
  const scope = await resolveScope(ctx, actor, regionCode);
  const { facts, breaches, distribution } = await readOverviewFacts(ctx.ds, scope.departments.map((d) => ({ id: d.id, regionCode: d.regionCode })), theYear, today, new Date());
  const totals = regionTotals(facts, breaches);
  const children = (await childRegions(ctx, scope)).map((region) => ({
    region,
    figures: regionTotals(facts.filter((f) => inRegion(f.regionCode, regionPrefix(region.code))), breaches),
  }));

  const byDepartment = new Map(facts.map((f) => [f.departmentId, f]));
  const departments = scope.departments.map((department): DepartmentCoverage => {
    const f = byDepartment.get(department.id)!;
    const coverage = coveragePercent(f.drawnTargets, f.targets);
    const one = regionTotals([f], breaches);
    return {
      department, targets: f.targets, drawnTargets: f.drawnTargets, coveragePercent: coverage,
      minRatioPercent: f.minRatioPercent, belowMinimum: coverage !== null && coverage < f.minRatioPercent,
      planStatus: f.planStatus, filingState: f.filingState, filingDeadline: f.filingDeadline,
      tasks: one.tasks, standingDraws: one.standingDraws, overdueTasks: f.overdueTasks, overdueVisits: f.overdueVisits,
    };
  });

  const visitsByStatus = sumCounts(facts.map((f) => f.visitsByStatus));
  const drawsByStatus = sumCounts(facts.map((f) => f.drawsByStatus));
  const merged = totals.mergedVisits;
  const tasksInMerged = facts.reduce((n, f) => n + f.tasksInMergedVisits, 0);
  const breachTargets = new Set(breaches.map((b) => b.publicId));
  return {
    year: theYear,
    asOf: today,
    region: scope.region,
    path: scope.path,
    totals,
    departments,
    ratioCompliance: {
      withinCap: facts.reduce((n, f) => n + f.segmentsWithinCap, 0),
      aboveCap: totals.segmentsAboveCap,
      withoutCap: facts.reduce((n, f) => n + f.segmentsWithoutCap, 0),
      segments: facts.reduce((n, f) => n + f.segmentsWithinCap + f.segmentsAboveCap + f.segmentsWithoutCap, 0),
    },
    yearlyCap: {
      targetsDrawn: distribution.once + distribution.twice + distribution.moreThanTwice,
      drawnOnce: distribution.once,
      drawnTwice: distribution.twice,
      drawnMoreThanTwice: distribution.moreThanTwice,
      exempt: Math.max(0, distribution.moreThanTwice - breachTargets.size),
      breaches: breachTargets.size,
      breachList: breaches.slice(0, BREACHES_LISTED),
    },
    tasksByStage: TASK_STAGES.map((stage) => ({ stage, count: facts.reduce((n, f) => n + f.tasksByStage[stage], 0) })),
    drawsByStatus: Object.values(DrawStatus).map((status) => ({ status, count: drawsByStatus[status] ?? 0 })),
    visits: {
      total: Object.values(visitsByStatus).reduce((a, b) => a + b, 0),
      merged,
      tasksInMerged,
      visitsSaved: tasksInMerged - merged,
      byStatus: Object.values(VisitStatus).map((status) => ({ status, count: visitsByStatus[status] ?? 0 })),
    },
    jointTasks: {
      led: totals.jointTasksLed,
      participating: facts.reduce((n, f) => n + f.jointParticipating, 0),
      invitationsPending: facts.reduce((n, f) => n + f.jointInvitationsPending, 0),
    },
    overdue: { tasks: totals.overdueTasks, visits: totals.overdueVisits, planFilings: totals.plansOverdue },
    children,
  };
}
