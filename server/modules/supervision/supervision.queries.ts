import type { DataSource } from 'typeorm';
import { DEFAULT_RATIO_POLICY } from '../../domain/ratio-policy';
import { ItemKind } from '../../domain/vocabulary';
import { FilingFact, FilingRecipient } from '../../domain/plan-rules';
import { ParticipantStatus } from '../../domain/joint-rules';
import { Draw } from '../draw/draw.entity';
import { dateParam } from '../visit/form-visits.command';
import { OPEN_VISIT_STATUSES } from '../visit/visit.entity';
import {
  CapBreach, capBreaches, CapPick, DepartmentFacts, emptyFacts, OUT_OF_BUSINESS_STATUSES, planStanding, PlanVersionFact,
  segmentRespectsCap, STANDING_DRAW_STATUSES, TaskStage,
} from './figures';

/**
 * The aggregate reads behind the supervision overview: a fixed number of grouped statements for any
 * number of departments (nothing per department or per draw), written in SQL both SQLite and MariaDB
 * run alike (`?` parameters, no dialect functions; expressions grouped through a derived table).
 */

export interface ScopeDepartment { id: number; regionCode: string }

export interface YearlyCapDistribution { once: number; twice: number; moreThanTwice: number }

export interface OverviewFacts {
  facts: DepartmentFacts[];
  breaches: CapBreach[];
  distribution: YearlyCapDistribution;
}

const marks = (values: readonly unknown[]) => values.map(() => '?').join(',');
const STANDING = `(${STANDING_DRAW_STATUSES.map((s) => `'${s}'`).join(',')})`;
const OPEN_VISITS = `(${OPEN_VISIT_STATUSES.map((s) => `'${s}'`).join(',')})`;
const LOCKED = `('LOCKED','ANNOUNCED')`;

type Row = Record<string, unknown>;
const num = (value: unknown) => Number(value ?? 0);

export async function readOverviewFacts(ds: DataSource, departments: readonly ScopeDepartment[], year: number, today: string, now: Date): Promise<OverviewFacts> {
  if (!departments.length) return { facts: [], breaches: [], distribution: { once: 0, twice: 0, moreThanTwice: 0 } };
  const ids = departments.map((d) => d.id);
  const inIds = `(${marks(ids)})`;
  const policies: Row[] = await ds.query(`SELECT departmentId, minRatioPercent FROM ratio_policy WHERE departmentId IN ${inIds}`, ids);
  const minRatio = new Map(policies.map((p) => [num(p.departmentId), num(p.minRatioPercent)]));
  const facts = new Map(departments.map((d) => [d.id, emptyFacts(d.id, d.regionCode, minRatio.get(d.id) ?? DEFAULT_RATIO_POLICY.minRatioPercent)]));
  const of = (row: Row, column = 'departmentId') => facts.get(num(row[column]))!;

  const [targets, drawn, draws, tasks, participants, visits, segments, plans, filings] = await Promise.all([
    ds.query(`SELECT departmentId, COUNT(*) AS n FROM target WHERE departmentId IN ${inIds} AND status NOT IN (${marks(OUT_OF_BUSINESS_STATUSES)}) GROUP BY departmentId`,
      [...ids, ...OUT_OF_BUSINESS_STATUSES]),
    // Coverage counts targets by the directory they sit in, whichever department's draw picked them.
    ds.query(`SELECT tg.departmentId AS departmentId, COUNT(DISTINCT p.targetId) AS n FROM draw_pick p JOIN draw d ON d.id = p.drawId JOIN target tg ON tg.id = p.targetId
      WHERE p.year = ? AND d.status IN ${STANDING} AND tg.departmentId IN ${inIds} GROUP BY tg.departmentId`, [year, ...ids]),
    // A stored COMPLETED draw whose paced reveal is still running shows as DRAWING (draw-state.ts).
    ds.query(`SELECT departmentId, status, COUNT(*) AS n FROM (SELECT t.departmentId AS departmentId,
        CASE WHEN d.status = 'COMPLETED' AND d.completedAt > ? THEN 'DRAWING' ELSE d.status END AS status
      FROM draw d JOIN task t ON t.id = d.taskId WHERE t.year = ? AND t.departmentId IN ${inIds}) x GROUP BY departmentId, status`, [dateParam(ds.manager, Draw, 'completedAt', now), year, ...ids]),
    ds.query(`SELECT departmentId, stage, late, joint, COUNT(*) AS n FROM (SELECT t.departmentId AS departmentId,
        CASE WHEN EXISTS (SELECT 1 FROM draw d WHERE d.taskId = t.id AND d.status IN ${LOCKED})
               THEN (CASE WHEN EXISTS (SELECT 1 FROM visit_task vt JOIN visit v ON v.id = vt.visitId WHERE vt.taskId = t.id AND v.status IN ${OPEN_VISITS}) THEN '${TaskStage.IN_PROGRESS}' ELSE '${TaskStage.DONE}' END)
             WHEN EXISTS (SELECT 1 FROM draw d WHERE d.taskId = t.id AND d.status <> 'VOIDED') THEN '${TaskStage.DRAWING}'
             ELSE '${TaskStage.PREPARING}' END AS stage,
        CASE WHEN t.windowEnd < ? THEN 1 ELSE 0 END AS late, CASE WHEN t.joint THEN 1 ELSE 0 END AS joint
      FROM task t WHERE t.year = ? AND t.departmentId IN ${inIds}) x GROUP BY departmentId, stage, late, joint`, [today, year, ...ids]),
    ds.query(`SELECT tp.departmentId AS departmentId, tp.status AS status, COUNT(*) AS n FROM task_participant tp JOIN task t ON t.id = tp.taskId
      WHERE t.year = ? AND tp.departmentId IN ${inIds} GROUP BY tp.departmentId, tp.status`, [year, ...ids]),
    // A visit belongs to the year its window starts in, and to the department leading it.
    ds.query(`SELECT departmentId, status, late, tasks, COUNT(*) AS n FROM (SELECT v.leadDepartmentId AS departmentId, v.status AS status,
        CASE WHEN v.windowEnd < ? THEN 1 ELSE 0 END AS late, (SELECT COUNT(*) FROM visit_task vt WHERE vt.visitId = v.id) AS tasks
      FROM visit v WHERE v.windowStart >= ? AND v.windowStart <= ? AND v.leadDepartmentId IN ${inIds}) x GROUP BY departmentId, status, late, tasks`,
      [today, `${year}-01-01`, `${year}-12-31`, ...ids]),
    // Counts are fixed at scheduling, so every draw not voided is measured against the cap of its task's strictest GENERAL item.
    ds.query(`SELECT departmentId, poolSize, drawCount, cap, COUNT(*) AS n FROM (SELECT t.departmentId AS departmentId, s.poolSize AS poolSize, s.count AS drawCount,
        (SELECT MIN(iv.ratioMaxPercent) FROM task_item ti JOIN inspection_item_version iv ON iv.itemId = ti.itemId AND iv.version = ti.itemVersion
          WHERE ti.taskId = t.id AND iv.kind = '${ItemKind.GENERAL}' AND iv.ratioMaxPercent IS NOT NULL) AS cap
      FROM draw_segment s JOIN draw d ON d.id = s.drawId JOIN task t ON t.id = d.taskId
      WHERE d.status <> 'VOIDED' AND t.year = ? AND t.departmentId IN ${inIds}) x GROUP BY departmentId, poolSize, drawCount, cap`, [year, ...ids]),
    ds.query(`SELECT ap.departmentId AS departmentId, pv.id AS id, pv.version AS version, pv.status AS status, pv.adoptedOn AS adoptedOn
      FROM annual_plan ap JOIN plan_version pv ON pv.planId = ap.id WHERE ap.year = ? AND ap.departmentId IN ${inIds}`, [year, ...ids]),
    ds.query(`SELECT f.planVersionId AS planVersionId, f.recipient AS recipient, f.filedOn AS filedOn FROM plan_filing f
      JOIN plan_version pv ON pv.id = f.planVersionId JOIN annual_plan ap ON ap.id = pv.planId WHERE ap.year = ? AND ap.departmentId IN ${inIds}`, [year, ...ids]),
  ]) as Row[][];

  for (const row of targets) of(row).targets = num(row.n);
  for (const row of drawn) of(row).drawnTargets = num(row.n);
  for (const row of draws) {
    const f = of(row);
    f.drawsByStatus[String(row.status)] = (f.drawsByStatus[String(row.status)] ?? 0) + num(row.n);
  }
  for (const row of tasks) {
    const f = of(row);
    const n = num(row.n);
    f.tasksByStage[row.stage as TaskStage] += n;
    if (num(row.late) && row.stage !== TaskStage.DONE) f.overdueTasks += n;
    if (num(row.joint)) f.jointLed += n;
  }
  for (const row of participants) {
    if (row.status === ParticipantStatus.CONFIRMED) of(row).jointParticipating += num(row.n);
    if (row.status === ParticipantStatus.INVITED) of(row).jointInvitationsPending += num(row.n);
  }
  for (const row of visits) {
    const f = of(row);
    const n = num(row.n), status = String(row.status);
    f.visitsByStatus[status] = (f.visitsByStatus[status] ?? 0) + n;
    if (num(row.tasks) > 1) { f.mergedVisits += n; f.tasksInMergedVisits += n * num(row.tasks); }
    if (num(row.late) && (OPEN_VISIT_STATUSES as readonly string[]).includes(status)) f.overdueVisits += n;
  }
  for (const row of segments) {
    const f = of(row);
    const respects = segmentRespectsCap(num(row.poolSize), num(row.drawCount), row.cap == null ? null : Number(row.cap));
    if (respects === null) f.segmentsWithoutCap += num(row.n);
    else if (respects) f.segmentsWithinCap += num(row.n);
    else f.segmentsAboveCap += num(row.n);
  }
  applyPlans(facts, plans, filings, today);

  const { breaches, distribution } = await readYearlyCap(ds, ids, year);
  return { facts: [...facts.values()], breaches, distribution };
}

function applyPlans(facts: Map<number, DepartmentFacts>, plans: Row[], filings: Row[], today: string): void {
  const filingsOf = new Map<number, FilingFact[]>();
  for (const row of filings) {
    const key = num(row.planVersionId);
    (filingsOf.get(key) ?? filingsOf.set(key, []).get(key)!).push({ recipient: row.recipient as FilingRecipient, filedOn: String(row.filedOn) });
  }
  const versionsOf = new Map<number, PlanVersionFact[]>();
  for (const row of plans) {
    const key = num(row.departmentId);
    (versionsOf.get(key) ?? versionsOf.set(key, []).get(key)!).push({
      version: num(row.version), status: String(row.status), adoptedOn: (row.adoptedOn as string | null) ?? null, filings: filingsOf.get(num(row.id)) ?? [],
    });
  }
  for (const [departmentId, versions] of versionsOf) Object.assign(facts.get(departmentId)!, planStanding(versions, today));
}

/**
 * Art. 14, twice a year: how often the targets that the scope's standing draws picked this year were
 * drawn in all (by any department: the rule counts every draw), and the picks that broke the cap.
 * Only targets drawn more than twice — none, when the rules held — are read pick by pick.
 */
async function readYearlyCap(ds: DataSource, ids: number[], year: number): Promise<{ breaches: CapBreach[]; distribution: YearlyCapDistribution }> {
  const perTarget = `SELECT p.publicId AS publicId, COUNT(*) AS times, SUM(CASE WHEN t.departmentId IN (${marks(ids)}) THEN 1 ELSE 0 END) AS own
    FROM draw_pick p JOIN draw d ON d.id = p.drawId JOIN task t ON t.id = d.taskId WHERE p.year = ? AND d.status IN ${STANDING} GROUP BY p.publicId`;
  const [counts, over]: Row[][] = await Promise.all([
    ds.query(`SELECT times, COUNT(*) AS n FROM (SELECT CASE WHEN x.times > 2 THEN 3 ELSE x.times END AS times FROM (${perTarget}) x WHERE x.own > 0) y GROUP BY times`, [...ids, year]),
    ds.query(`SELECT x.publicId AS publicId FROM (${perTarget}) x WHERE x.own > 0 AND x.times > 2`, [...ids, year]),
  ]);
  const byTimes = new Map(counts.map((r) => [num(r.times), num(r.n)]));
  const distribution = { once: byTimes.get(1) ?? 0, twice: byTimes.get(2) ?? 0, moreThanTwice: byTimes.get(3) ?? 0 };
  if (!over.length) return { breaches: [], distribution };
  const publicIds = over.map((r) => String(r.publicId));
  const picks: Row[] = await ds.query(
    `SELECT p.publicId AS publicId, p.drawId AS drawId, d.revealedAt AS revealedAt, t.departmentId AS departmentId, t.kind AS kind,
       CASE WHEN EXISTS (SELECT 1 FROM task_item ti JOIN inspection_item_version iv ON iv.itemId = ti.itemId AND iv.version = ti.itemVersion
         WHERE ti.taskId = t.id AND iv.kind = '${ItemKind.KEY}') THEN 1 ELSE 0 END AS hasKeyItem,
       tg.complaintCount AS complaintCount, tg.status AS targetStatus, tg.dishonest AS dishonest, tg.seriousViolation AS seriousViolation
     FROM draw_pick p JOIN draw d ON d.id = p.drawId JOIN task t ON t.id = d.taskId JOIN target tg ON tg.id = p.targetId
     WHERE p.year = ? AND d.status IN ${STANDING} AND p.publicId IN (${marks(publicIds)})`,
    [year, ...publicIds],
  );
  const scope = new Set(ids);
  const all = capBreaches(picks.map((r): CapPick => ({
    publicId: String(r.publicId), drawId: num(r.drawId), revealedAt: r.revealedAt ? new Date(r.revealedAt as string).getTime() : 0,
    departmentId: num(r.departmentId), directed: r.kind === 'DIRECTED', hasKeyItem: Boolean(num(r.hasKeyItem)), complaintCount: num(r.complaintCount),
    targetStatus: String(r.targetStatus), dishonest: Boolean(num(r.dishonest)), seriousViolation: Boolean(num(r.seriousViolation)),
  })));
  // A breach belongs to the department whose draw broke the cap.
  return { breaches: all.filter((b) => scope.has(b.departmentId)), distribution };
}
