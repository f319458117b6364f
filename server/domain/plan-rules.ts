import { ErrorCode } from '../common/errors';
import { isCalendarDate } from './calendar-date';
import { Checked, checkText, FieldProblem, problem } from './field-problem';
import { baseRatio, itemCap, minimumRounds, RatioItem, RatioPolicyRules } from './ratio-policy';
import { DepartmentKind, SpecialDirectory, TargetType } from './vocabulary';

/**
 * The rules of annual plans (年度抽查工作计划, Art. 12–14), as pure functions: what a plan version must
 * hold, when it must be filed, what it fails to cover and where its numbers fall short.
 */

/** Stored lifecycle of a plan version; FILED is derived (adopted and filed with all three recipients). */
export enum PlanStatus { DRAFT = 'DRAFT', ADOPTED = 'ADOPTED', FILED = 'FILED' }

/** Art. 12 para 3: the plan and each adjustment are filed with these three. */
export enum FilingRecipient { JUSTICE = 'JUSTICE', MARKET_SUPERVISION = 'MARKET_SUPERVISION', UPPER_AGRICULTURE = 'UPPER_AGRICULTURE' }
export const FILING_RECIPIENTS = [FilingRecipient.JUSTICE, FilingRecipient.MARKET_SUPERVISION, FilingRecipient.UPPER_AGRICULTURE] as const;
export const filingRecipientLabels: Record<FilingRecipient, { zh: string; en: string; kind: DepartmentKind }> = {
  JUSTICE: { zh: '同级司法行政部门', en: 'justice department at the same level', kind: DepartmentKind.JUSTICE },
  MARKET_SUPERVISION: { zh: '同级市场监管部门', en: 'market-supervision department at the same level', kind: DepartmentKind.MARKET_SUPERVISION },
  UPPER_AGRICULTURE: { zh: '上一级农业农村部门', en: 'upper-level agriculture department', kind: DepartmentKind.AGRICULTURE },
};

export enum FilingState {
  /** A draft: no deadline runs yet. */
  NOT_ADOPTED = 'NOT_ADOPTED',
  /** Adopted, not yet filed with every recipient, deadline not passed. */
  PENDING = 'PENDING',
  /** Deadline passed and at least one recipient not filed. */
  OVERDUE = 'OVERDUE',
  FILED_ON_TIME = 'FILED_ON_TIME',
  /** Filed with every recipient, at least one after the deadline. */
  FILED_LATE = 'FILED_LATE',
}

export const MIN_PLAN_YEAR = 2000;
export const MAX_PLAN_YEAR = 2100;

// ---------------------------------------------------------------------------------------------
// Dates and the filing deadline

/** 'YYYY-MM-DD' plus n calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function isWeekend(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 || day === 6;
}

/** Art. 12 para 3: "应当在15日内报……备案". */
export const FILING_PERIOD_DAYS = 15;

/**
 * The last day to file a plan version adopted on `adoptedOn`.
 *
 * - **Calendar days.** Art. 12 says "15日"; where the rules mean working days they say so
 *   ("20个工作日", "15个工作日" in Art. 29–30), so these are calendar days.
 * - **Counted from adoption.** The rules do not say from when; the plan (or its adjustment) exists
 *   from the day it is adopted and issued (印发), so that day starts the period. Each version (each
 *   adjustment) has its own adoption day and so its own deadline.
 * - **The adoption day itself is not counted** (Civil Code Art. 201: 开始的当日不计入): adopted on
 *   1 March, the 15th day is 16 March.
 * - **A last day on a rest day moves to the next working day** (Civil Code Art. 203). Without a
 *   holiday calendar the hub treats Saturdays and Sundays as rest days; `isRestDay` lets a
 *   calendar of public holidays and 调休 working weekends be plugged in.
 */
export function filingDeadline(adoptedOn: string, isRestDay: (date: string) => boolean = isWeekend): string {
  let deadline = addDays(adoptedOn, FILING_PERIOD_DAYS);
  for (let guard = 0; isRestDay(deadline) && guard < 30; guard++) deadline = addDays(deadline, 1);
  return deadline;
}

export interface FilingFact { recipient: FilingRecipient; filedOn: string }
export interface RecipientFiling { recipient: FilingRecipient; filed: boolean; filedOn: string | null; late: boolean; overdue: boolean }
export interface FilingOverview { deadline: string | null; state: FilingState; overdue: boolean; recipients: RecipientFiling[] }

/** Where the filing of one version stands on `today` (a date in China). */
export function filingOverview(adoptedOn: string | null, filings: readonly FilingFact[], today: string): FilingOverview {
  const deadline = adoptedOn ? filingDeadline(adoptedOn) : null;
  const recipients = FILING_RECIPIENTS.map((recipient): RecipientFiling => {
    const filing = filings.find((f) => f.recipient === recipient);
    if (filing) return { recipient, filed: true, filedOn: filing.filedOn, late: deadline !== null && filing.filedOn > deadline, overdue: false };
    return { recipient, filed: false, filedOn: null, late: false, overdue: deadline !== null && today > deadline };
  });
  let state: FilingState;
  if (!deadline) state = FilingState.NOT_ADOPTED;
  else if (recipients.every((r) => r.filed)) state = recipients.some((r) => r.late) ? FilingState.FILED_LATE : FilingState.FILED_ON_TIME;
  else state = today > deadline ? FilingState.OVERDUE : FilingState.PENDING;
  return { deadline, state, overdue: state === FilingState.OVERDUE, recipients };
}

/**
 * An adoption day is a real day, not in the future, in the plan year or the year before (plans are
 * drawn up around the turn of the year, Art. 12: by 15 January), and not before the adoption of the
 * version it adjusts.
 */
export function adoptionDateProblem(adoptedOn: string, context: { year: number; today: string; previousAdoptedOn: string | null }): FieldProblem | null {
  if (!isCalendarDate(adoptedOn)) return problem('adoptedOn', ErrorCode.INVALID_DATE, { value: adoptedOn });
  if (adoptedOn > context.today) return dateProblem('adoptedOn', `通过日期 ${adoptedOn} 晚于今天 ${context.today}`, `adoption date ${adoptedOn} is after today (${context.today})`);
  const year = Number(adoptedOn.slice(0, 4));
  if (year !== context.year && year !== context.year - 1) {
    return dateProblem('adoptedOn', `${context.year} 年度计划的通过日期应在 ${context.year - 1} 年或 ${context.year} 年内`, `a ${context.year} plan is adopted in ${context.year - 1} or ${context.year}`);
  }
  if (context.previousAdoptedOn && adoptedOn < context.previousAdoptedOn) {
    return dateProblem('adoptedOn', `调整版本的通过日期不能早于上一版本的通过日期 ${context.previousAdoptedOn}`, `an adjustment cannot be adopted before the version it adjusts (${context.previousAdoptedOn})`);
  }
  return null;
}

/** A filing day is a real day between the adoption and today. */
export function filingDateProblem(filedOn: string, context: { adoptedOn: string; today: string }): FieldProblem | null {
  if (!isCalendarDate(filedOn)) return problem('filedOn', ErrorCode.INVALID_DATE, { value: filedOn });
  if (filedOn > context.today) return dateProblem('filedOn', `备案日期 ${filedOn} 晚于今天 ${context.today}`, `filing date ${filedOn} is after today (${context.today})`);
  if (filedOn < context.adoptedOn) return dateProblem('filedOn', `备案日期 ${filedOn} 早于计划通过日期 ${context.adoptedOn}`, `filing date ${filedOn} is before the adoption (${context.adoptedOn})`);
  return null;
}

function dateProblem(field: string, reasonZh: string, reasonEn: string): FieldProblem {
  return problem(field, ErrorCode.PLAN_DATE_INVALID, { reasonZh, reasonEn });
}

// ---------------------------------------------------------------------------------------------
// The content of a version

export interface LevelSplit { provincePercent: number; cityPercent: number; countyPercent: number }
export interface RegionalWeight { regionCode: string; weight: number }
export interface BatchFields {
  name: string;
  itemIds: number[];
  targetTypes: TargetType[];
  specialDirectories: SpecialDirectory[];
  regionCodes: string[];
  startDate: string;
  endDate: string;
  estimatedCount: number;
}
export interface PlanVersionFields {
  title: string;
  levelSplit: LevelSplit;
  regionalWeights: RegionalWeight[];
  batches: BatchFields[];
}

export interface PlanLookups {
  /** The plan year (batch windows must fall inside it). */
  year: number;
  /** An active item of the plan's department. */
  itemAllowed(id: number): boolean;
  regionExists(code: string): boolean;
  /** The region lies within the department's own region. */
  regionInJurisdiction(code: string): boolean;
  /** The department's region code, for messages. */
  jurisdiction: string;
}

export function planYearProblem(year: number): FieldProblem | null {
  if (Number.isInteger(year) && year >= MIN_PLAN_YEAR && year <= MAX_PLAN_YEAR) return null;
  return problem('year', ErrorCode.VALIDATION_FAILED, { reason: `年度应为 ${MIN_PLAN_YEAR} 至 ${MAX_PLAN_YEAR} 之间的整数 (the year must be a whole number ${MIN_PLAN_YEAR}–${MAX_PLAN_YEAR})` });
}

const SPLIT_TOLERANCE = 1e-6;

function checkRegion(problems: FieldProblem[], field: string, code: string, lookups: PlanLookups): void {
  if (!lookups.regionExists(code)) problems.push(problem(field, ErrorCode.UNKNOWN_REGION, { code }));
  else if (!lookups.regionInJurisdiction(code)) problems.push(problem(field, ErrorCode.REGION_OUTSIDE_JURISDICTION, { code, jurisdiction: lookups.jurisdiction }));
}

/**
 * Art. 13: batches with scope, timing and estimated count; the split between province-wide draws and
 * the city's and county's own (shares summing to 100 %); and weights of the regions (relative, ≥ 0).
 * A batch's scope is its items (active items of the department), and which targets: target types
 * and/or special directories, optionally narrowed to regions of the department's jurisdiction.
 */
export function checkPlanVersion(fields: PlanVersionFields, lookups: PlanLookups): Checked<PlanVersionFields> {
  const problems: FieldProblem[] = [];
  checkText(problems, 'title', fields.title, 200, true);

  const { provincePercent, cityPercent, countyPercent } = fields.levelSplit;
  const parts = [provincePercent, cityPercent, countyPercent];
  const total = parts.reduce((sum, p) => sum + p, 0);
  if (parts.some((p) => !Number.isFinite(p) || p < 0) || Math.abs(total - 100) > SPLIT_TOLERANCE) {
    problems.push(problem('levelSplit', ErrorCode.LEVEL_SPLIT_INVALID, { province: provincePercent, city: cityPercent, county: countyPercent, total: Math.round(total * 1e6) / 1e6 }));
  }

  const weighted = new Set<string>();
  fields.regionalWeights.forEach((w, i) => {
    const field = `regionalWeights[${i}]`;
    checkRegion(problems, `${field}.regionCode`, w.regionCode, lookups);
    if (weighted.has(w.regionCode)) problems.push(problem(`${field}.regionCode`, ErrorCode.VALIDATION_FAILED, { reason: `地区 ${w.regionCode} 重复 (region ${w.regionCode} is listed twice)` }));
    weighted.add(w.regionCode);
    if (!Number.isFinite(w.weight) || w.weight < 0) {
      problems.push(problem(`${field}.weight`, ErrorCode.INVALID_REGIONAL_WEIGHT, { reasonZh: `地区 ${w.regionCode} 的比重 ${w.weight} 不能为负数`, reasonEn: `the weight ${w.weight} of region ${w.regionCode} is negative` }));
    }
  });
  if (fields.regionalWeights.length && fields.regionalWeights.every((w) => w.weight === 0)) {
    problems.push(problem('regionalWeights', ErrorCode.INVALID_REGIONAL_WEIGHT, { reasonZh: '各地区比重不能全为 0', reasonEn: 'the weights cannot all be 0' }));
  }

  const names = new Set<string>();
  const batches = fields.batches.map((batch, i): BatchFields => {
    const field = `batches[${i}]`;
    const name = batch.name.trim();
    checkText(problems, `${field}.name`, name, 200, true);
    if (name && names.has(name)) problems.push(problem(`${field}.name`, ErrorCode.VALIDATION_FAILED, { reason: `批次名称“${name}”重复 (batch name "${name}" is used twice)` }));
    names.add(name);
    const itemIds = [...new Set(batch.itemIds)];
    if (!itemIds.length) problems.push(problem(`${field}.itemIds`, ErrorCode.VALIDATION_FAILED, { reason: `批次“${name}”须至少包含一个抽查事项 (batch "${name}" needs at least one item)` }));
    for (const id of itemIds) if (!lookups.itemAllowed(id)) problems.push(problem(`${field}.itemIds`, ErrorCode.UNKNOWN_ITEM, { id: String(id) }));
    const regionCodes = [...new Set(batch.regionCodes.map((c) => c.trim()))];
    for (const code of regionCodes) checkRegion(problems, `${field}.regionCodes`, code, lookups);
    const startOk = isCalendarDate(batch.startDate);
    const endOk = isCalendarDate(batch.endDate);
    if (!startOk) problems.push(problem(`${field}.startDate`, ErrorCode.INVALID_DATE, { value: batch.startDate }));
    if (!endOk) problems.push(problem(`${field}.endDate`, ErrorCode.INVALID_DATE, { value: batch.endDate }));
    if (startOk && endOk) {
      if (batch.endDate < batch.startDate) {
        problems.push(problem(`${field}.endDate`, ErrorCode.BATCH_WINDOW_REVERSED, { name, start: batch.startDate, end: batch.endDate }));
      } else if (Number(batch.startDate.slice(0, 4)) !== lookups.year || Number(batch.endDate.slice(0, 4)) !== lookups.year) {
        problems.push(problem(`${field}.startDate`, ErrorCode.BATCH_OUTSIDE_PLAN_YEAR, { name, start: batch.startDate, end: batch.endDate, year: lookups.year }));
      }
    }
    if (!Number.isInteger(batch.estimatedCount) || batch.estimatedCount < 0) {
      problems.push(problem(`${field}.estimatedCount`, ErrorCode.VALIDATION_FAILED, { reason: `批次“${name}”的预估数量应为不小于0的整数 (estimated count must be a whole number ≥ 0)` }));
    }
    return { ...batch, name, itemIds, regionCodes, targetTypes: [...new Set(batch.targetTypes)], specialDirectories: [...new Set(batch.specialDirectories)] };
  });

  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { ...fields, title: fields.title.trim(), batches } };
}

/** Each region's share of the total weight, in percent (two decimals). */
export function regionalShares(weights: readonly RegionalWeight[]): number[] {
  const total = weights.reduce((sum, w) => sum + w.weight, 0);
  return weights.map((w) => (total > 0 ? Math.round((w.weight / total) * 10000) / 100 : 0));
}

// ---------------------------------------------------------------------------------------------
// Coverage (Art. 12) and warnings (Art. 14, Pinglu)

/** Art. 12: the plan must cover every item of the catalog. The active items no batch names, in the order given. */
export function uncoveredItemIds(activeItemIds: readonly number[], batches: readonly { itemIds: readonly number[] }[]): number[] {
  const covered = new Set(batches.flatMap((b) => b.itemIds));
  return activeItemIds.filter((id) => !covered.has(id));
}

/**
 * Targets a ratio asks for out of a scope: rounded up, at least 1 when the scope is not empty (the
 * same counting rule the draw uses).
 */
export function requiredCount(scopeTargetCount: number, ratioPercent: number): number {
  if (scopeTargetCount <= 0) return 0;
  return Math.min(scopeTargetCount, Math.max(1, Math.ceil((scopeTargetCount * ratioPercent) / 100 - 1e-9)));
}

/** The most a GENERAL cap allows out of a scope: rounded down, but at least 1 when the scope is not empty. */
export function cappedCount(scopeTargetCount: number, capPercent: number): number {
  if (scopeTargetCount <= 0) return 0;
  return Math.max(1, Math.floor((scopeTargetCount * capPercent) / 100 + 1e-9));
}

export enum PlanWarningKind {
  /** An active catalog item no batch covers (Art. 12). */
  UNCOVERED_ITEM = 'UNCOVERED_ITEM',
  /** A batch estimates fewer targets than the minimum ratio of its scope (Pinglu: ≥ 5 %). */
  BELOW_MIN_RATIO = 'BELOW_MIN_RATIO',
  /** A batch of GENERAL items only estimates more than the strictest cap allows (Art. 8). */
  ABOVE_RATIO_CAP = 'ABOVE_RATIO_CAP',
  /** A batch's scope holds no target in business. */
  EMPTY_SCOPE = 'EMPTY_SCOPE',
  /** An item is scheduled in fewer batches (rounds) than its minimum a year (Pinglu: ≥ 2). */
  BELOW_MIN_ROUNDS = 'BELOW_MIN_ROUNDS',
}

export interface WarningItem extends RatioItem { code: string; name: string }
export interface WarningBatch { position: number; name: string; itemIds: readonly number[]; estimatedCount: number; scopeTargetCount: number }

export interface PlanWarning {
  kind: PlanWarningKind;
  batchPosition: number | null;
  batchName: string | null;
  itemId: number | null;
  /** What the plan has: the estimated count, or the rounds. */
  planned: number | null;
  /** What the rule asks: the minimum (or for a cap, the maximum) count, or the minimum rounds. */
  required: number | null;
  scopeTargetCount: number | null;
  ratioPercent: number | null;
  messageZh: string;
  messageEn: string;
}

const blank = { batchPosition: null, batchName: null, itemId: null, planned: null, required: null, scopeTargetCount: null, ratioPercent: null };

/**
 * Where a plan version falls short; nothing here blocks adoption or filing, it is for the planner
 * and the supervisors above. The minimum ratio of a batch is the highest base ratio of its items
 * (the department default unless the catalog or an override says otherwise); rounds of an item are
 * the batches that name it.
 */
export function planWarnings(input: {
  batches: readonly WarningBatch[];
  items: readonly WarningItem[];
  activeItemIds: readonly number[];
  policy: RatioPolicyRules;
}): PlanWarning[] {
  const { batches, policy } = input;
  const items = new Map(input.items.map((item) => [item.id, item]));
  const warnings: PlanWarning[] = [];

  for (const id of uncoveredItemIds(input.activeItemIds, batches)) {
    const item = items.get(id);
    const label = item ? `${item.code} ${item.name}` : String(id);
    warnings.push({ ...blank, kind: PlanWarningKind.UNCOVERED_ITEM, itemId: id, planned: 0,
      messageZh: `抽查事项“${label}”未列入任何批次，计划应涵盖清单全部事项。`,
      messageEn: `Item "${label}" is in no batch; the plan must cover every catalog item.` });
  }

  for (const batch of batches) {
    const batchItems = batch.itemIds.map((id) => items.get(id)).filter((i): i is WarningItem => !!i);
    const where = { batchPosition: batch.position, batchName: batch.name, scopeTargetCount: batch.scopeTargetCount, planned: batch.estimatedCount };
    if (batch.scopeTargetCount === 0) {
      warnings.push({ ...blank, ...where, kind: PlanWarningKind.EMPTY_SCOPE, required: 0,
        messageZh: `批次“${batch.name}”的范围内没有存续的检查对象。`,
        messageEn: `Batch "${batch.name}" has no target in business within its scope.` });
      continue;
    }
    if (!batchItems.length) continue;
    const ratio = Math.max(...batchItems.map((item) => baseRatio(policy, item).percent));
    const required = requiredCount(batch.scopeTargetCount, ratio);
    if (batch.estimatedCount < required) {
      warnings.push({ ...blank, ...where, kind: PlanWarningKind.BELOW_MIN_RATIO, required, ratioPercent: ratio,
        messageZh: `批次“${batch.name}”预估抽查 ${batch.estimatedCount} 户，低于范围内 ${batch.scopeTargetCount} 户的 ${ratio}%（至少 ${required} 户）。`,
        messageEn: `Batch "${batch.name}" estimates ${batch.estimatedCount} targets, below ${ratio}% of the ${batch.scopeTargetCount} in scope (at least ${required}).` });
    }
    const caps = batchItems.map(itemCap);
    if (caps.every((c): c is number => c !== null)) {
      const cap = Math.min(...caps);
      const allowed = cappedCount(batch.scopeTargetCount, cap);
      if (batch.estimatedCount > allowed) {
        warnings.push({ ...blank, ...where, kind: PlanWarningKind.ABOVE_RATIO_CAP, required: allowed, ratioPercent: cap,
          messageZh: `批次“${batch.name}”预估抽查 ${batch.estimatedCount} 户，超过一般检查事项比例上限 ${cap}%（最多 ${allowed} 户，高风险和失信对象除外）。`,
          messageEn: `Batch "${batch.name}" estimates ${batch.estimatedCount} targets, above the ${cap}% cap of its general items (at most ${allowed}, high-risk and dishonest targets aside).` });
      }
    }
  }

  const rounds = new Map<number, number>();
  for (const batch of batches) for (const id of new Set(batch.itemIds)) rounds.set(id, (rounds.get(id) ?? 0) + 1);
  for (const [id, planned] of rounds) {
    const item = items.get(id);
    if (!item) continue;
    const required = minimumRounds(policy, item).rounds;
    if (planned < required) {
      warnings.push({ ...blank, kind: PlanWarningKind.BELOW_MIN_ROUNDS, itemId: id, planned, required,
        messageZh: `抽查事项“${item.code} ${item.name}”全年安排 ${planned} 个批次，少于每年至少 ${required} 次。`,
        messageEn: `Item "${item.code} ${item.name}" is scheduled in ${planned} batch(es) a year, fewer than the minimum of ${required}.` });
    }
  }
  return warnings;
}
