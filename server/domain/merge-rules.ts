/**
 * 进一次门、查多项事 (Art. 19, 24): when several tasks draw the same target within overlapping
 * execution windows, they are carried out as one visit. These are the published rules for which
 * visit a new pick joins, what the merged window is, and which department's team leads. Pure: no
 * I/O; dates are 'YYYY-MM-DD' calendar dates and windows include both ends.
 */

export interface DateWindow { start: string; end: string }

/** Two windows share at least one day (both ends inclusive). */
export function windowsOverlap(a: DateWindow, b: DateWindow): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The days common to every window, or null when there are none (or no windows). */
export function intersectWindows(windows: readonly DateWindow[]): DateWindow | null {
  if (!windows.length) return null;
  let start = windows[0].start, end = windows[0].end;
  for (const w of windows) {
    if (w.start > start) start = w.start;
    if (w.end < end) end = w.end;
  }
  return start <= end ? { start, end } : null;
}

const dayNumbers = new Map<string, number>();
/** Days since 1970-01-01 (memoised: a draw's windows use a handful of dates, looked up thousands of times). */
function dayNumber(date: string): number {
  let n = dayNumbers.get(date);
  if (n === undefined) {
    n = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
    if (dayNumbers.size < 100_000) dayNumbers.set(date, n);
  }
  return n;
}

/** Days in a window, both ends counted (0 for an empty window). */
export function windowDays(w: DateWindow): number {
  return w.start <= w.end ? dayNumber(w.end) - dayNumber(w.start) + 1 : 0;
}

/** Days two windows share. */
export function overlapDays(a: DateWindow, b: DateWindow): number {
  const common = intersectWindows([a, b]);
  return common ? windowDays(common) : 0;
}

/** An open visit of the same target that a new pick could join. `id` orders visits by age (smaller is older). */
export interface CandidateVisit extends DateWindow { id: number }

/**
 * Rule 1–2: a pick joins the open visit of its target whose window overlaps the task's window the
 * longest; among equals, the oldest visit. No overlapping visit: null (a new visit is formed).
 */
export function chooseVisit<V extends CandidateVisit>(task: DateWindow, candidates: readonly V[]): V | null {
  let best: V | null = null, bestDays = 0;
  for (const c of candidates) {
    const days = overlapDays(task, c);
    if (days === 0) continue;
    if (days > bestDays || (days === bestDays && best && c.id < best.id)) { best = c; bestDays = days; }
  }
  return best;
}

/**
 * Administrative level of a department, from the region it serves (GB/T 2260): 0 province,
 * 1 city, 2 county, 3 township. A smaller number is a higher level.
 */
export function departmentLevel(regionCode: string): number {
  if (regionCode.length > 6) return 3;
  if (regionCode.endsWith('0000')) return 0;
  if (regionCode.endsWith('00')) return 1;
  return 2;
}

/** A task's claim to lead a visit: its executing department, that department's level, and the task's age (smaller id is earlier). */
export interface LeadClaim { departmentId: number; level: number; taskId: number }

/**
 * Rule 4: a visit without a team yet is led (and staffed) by the department of the highest level
 * among its tasks; among equals, the department of the earliest task.
 */
export function leadingClaim<C extends LeadClaim>(claims: readonly C[]): C {
  if (!claims.length) throw new Error('a visit serves at least one task');
  return claims.reduce((best, c) => (c.level < best.level || (c.level === best.level && c.taskId < best.taskId) ? c : best));
}

/**
 * Which department leads a visit after a task joins it. Rule 3: a visit that already has its team
 * keeps it, and its leader stays leader. Otherwise rule 4 decides between the visit's lead and the
 * joining task (the visit's existing tasks are all earlier than the joining one).
 */
export function leadAfterJoin(visit: { staffed: boolean; lead: LeadClaim }, joining: LeadClaim): LeadClaim {
  if (visit.staffed) return visit.lead;
  return joining.level < visit.lead.level ? joining : visit.lead;
}

/** A visit taking part in a manual merge. */
export interface MergingVisit extends DateWindow { id: number; staffed: boolean; publicId: string; closed: boolean }

export type MergeRefusal =
  | { code: 'TOO_FEW_VISITS' }
  | { code: 'VISIT_CLOSED'; visitId: number }
  | { code: 'TARGETS_DIFFER'; publicIds: string[] }
  | { code: 'WINDOWS_DO_NOT_OVERLAP'; windows: (DateWindow & { id: number })[] };

/**
 * A manual merge of visits: refused unless there are at least two open visits of the same target
 * whose windows have days in common. The surviving visit is the one with a team (the oldest if
 * several have one), else the oldest; the others give it their tasks. The window is the intersection.
 */
export function planMerge<V extends MergingVisit>(visits: readonly V[]): { ok: true; survivor: V; absorbed: V[]; window: DateWindow } | { ok: false; refusal: MergeRefusal } {
  if (visits.length < 2) return { ok: false, refusal: { code: 'TOO_FEW_VISITS' } };
  const closed = visits.find((v) => v.closed);
  if (closed) return { ok: false, refusal: { code: 'VISIT_CLOSED', visitId: closed.id } };
  const publicIds = [...new Set(visits.map((v) => v.publicId))];
  if (publicIds.length > 1) return { ok: false, refusal: { code: 'TARGETS_DIFFER', publicIds } };
  const window = intersectWindows(visits);
  if (!window) return { ok: false, refusal: { code: 'WINDOWS_DO_NOT_OVERLAP', windows: visits.map((v) => ({ id: v.id, start: v.start, end: v.end })) } };
  const ordered = [...visits].sort((a, b) => Number(b.staffed) - Number(a.staffed) || a.id - b.id);
  return { ok: true, survivor: ordered[0], absorbed: ordered.slice(1), window };
}

/** The published rules, in the order they apply (shown to users by the `mergeRules` query and in docs/visits.md). */
export const MERGE_RULES: readonly { code: string; zh: string; en: string }[] = [
  {
    code: 'SAME_TARGET_OVERLAPPING_WINDOWS',
    zh: '同一检查对象被不同任务（不同计划、部门或层级）抽中，且各任务的执行期限有重叠（按日计算，首尾两日均算在内）时，合并为一次检查：一个检查组、一名组长，一次上门完成各任务的全部检查事项和检查表（进一次门、查多项事）。',
    en: 'When tasks of different plans, departments or levels draw the same target and their execution windows share at least one day (both ends counted), they are carried out as one visit: one team with one leader checks every item and form of every task in a single visit.',
  },
  {
    code: 'LONGEST_OVERLAP_THEN_OLDEST',
    zh: '该对象已有多个尚未完成的检查与新任务的期限重叠时，并入重叠天数最多的一个；重叠天数相同的，并入最早形成的一个。',
    en: 'If several open visits of the target overlap the new task’s window, the task joins the one with the longest overlap; on a tie, the oldest visit.',
  },
  {
    code: 'WINDOW_IS_INTERSECTION',
    zh: '合并后的检查期限为各任务执行期限的交集（共同的日期）。',
    en: 'The merged visit is scheduled within the intersection of its tasks’ windows (the days they have in common).',
  },
  {
    code: 'DRAWN_TEAM_STAYS',
    zh: '已抽取检查组的检查，新并入的任务不改变其检查组，原组长继续担任组长。',
    en: 'If the visit already has its team, the team stays and its leader stays leader when another task joins.',
  },
  {
    code: 'HIGHEST_LEVEL_LEADS',
    zh: '尚未抽取检查组的，由各任务执行部门中层级最高的部门（省、市、县、乡依次）抽取检查组并牵头；层级相同的，由最先创建任务的部门牵头。',
    en: 'A visit without a team yet is staffed and led by the executing department of the highest level among its tasks (province, city, county, township); among equals, by the department of the earliest task.',
  },
  {
    code: 'NO_OVERLAP_SEPARATE',
    zh: '执行期限没有重叠的，分别单独检查，不合并；已完成或已取消的检查不再并入新任务。',
    en: 'Tasks whose windows do not overlap are visited separately; a done or cancelled visit takes no new task.',
  },
  {
    code: 'MANUAL_MERGE_AND_SPLIT',
    zh: '有关部门（参与任务的部门中具有任务管理权限的人员）可以说明理由，将期限重叠的同一对象的检查手工合并，或将某一任务从合并的检查中拆出单独检查；每次合并、拆分都记入相关摇号的公开记录，不会悄然更改。',
    en: 'A person with task-management rights in a department taking part may, giving a reason, merge visits of the same target whose windows overlap, or split a task off a merged visit to be visited on its own; every merge and split is recorded on the draws concerned, never made silently.',
  },
];
