import { TargetStatus } from './vocabulary';

/**
 * Who may be drawn (Art. 14, 17), as a pure function: the published rules that form a draw's pool.
 * Every target left out is listed with its reason, so a reader of the draw record can check that
 * the pool was formed by these rules and nothing else.
 *
 * 1. Only targets that are in business can be inspected: deregistered, revoked, moved and closed or
 *    liquidating targets are left out (abnormal-list targets are still in business and stay in).
 * 2. A target is drawn at most twice a calendar year, except (Art. 14) targets of KEY items, with
 *    repeated complaints, on the abnormal list, with dishonest or serious-violation records, and
 *    targets of a directed (special) check.
 */
export const MAX_DRAWS_PER_YEAR = 2;
/** "Repeated complaints": this many complaints or more lift the yearly cap. */
export const REPEATED_COMPLAINTS = 2;
const OUT_OF_BUSINESS: ReadonlySet<string> = new Set([TargetStatus.DEREGISTERED, TargetStatus.REVOKED, TargetStatus.MOVED, TargetStatus.CLOSED]);

export enum ExclusionReason {
  NOT_IN_BUSINESS = 'NOT_IN_BUSINESS',
  DRAWN_TWICE_THIS_YEAR = 'DRAWN_TWICE_THIS_YEAR',
  /** Segments are drawn in order; a target matching two segments belongs to the first. */
  IN_EARLIER_SEGMENT = 'IN_EARLIER_SEGMENT',
}

export const exclusionReasonText: Record<ExclusionReason, { zh: string; en: string }> = {
  NOT_IN_BUSINESS: { zh: '非存续状态（注销、吊销、迁出、停业或清算）', en: 'not in business (deregistered, revoked, moved, closed or liquidating)' },
  DRAWN_TWICE_THIS_YEAR: { zh: '本年度已被抽中两次', en: 'already drawn twice this calendar year' },
  IN_EARLIER_SEGMENT: { zh: '已在本任务前面的分段中', en: 'already in an earlier segment of this task' },
};

export interface Candidate {
  publicId: string;
  status: string;
  complaintCount: number;
  dishonest: boolean;
  seriousViolation: boolean;
}

export interface TaskContext {
  /** The task carries a KEY item (no yearly cap, Art. 8 and 14). */
  hasKeyItem: boolean;
  /** A directed (special) check, not a routine random one. */
  directed: boolean;
}

/** The reason a candidate is left out, or null when it is eligible. */
export function exclusionOf(candidate: Candidate, drawsThisYear: number, task: TaskContext): ExclusionReason | null {
  if (OUT_OF_BUSINESS.has(candidate.status)) return ExclusionReason.NOT_IN_BUSINESS;
  if (drawsThisYear < MAX_DRAWS_PER_YEAR) return null;
  const exempt = task.hasKeyItem || task.directed || candidate.complaintCount >= REPEATED_COMPLAINTS
    || candidate.status === TargetStatus.ABNORMAL_LIST || candidate.dishonest || candidate.seriousViolation;
  return exempt ? null : ExclusionReason.DRAWN_TWICE_THIS_YEAR;
}

/**
 * The counting rule from ratio to count, shown to users: round up, at least 1 when the pool is not
 * empty, never more than the pool.
 */
export function countFromRatio(poolSize: number, ratioPercent: number): number {
  if (poolSize === 0) return 0;
  return Math.min(poolSize, Math.max(1, Math.ceil((poolSize * ratioPercent) / 100 - 1e-9)));
}

export const COUNTING_RULE = {
  zh: '抽取数量 = 名录内符合条件对象数 × 抽查比例，向上取整；对象数不为零时至少抽取 1 户，且不超过对象数。',
  en: 'count = eligible pool size × ratio, rounded up; at least 1 when the pool is not empty, never more than the pool.',
};
