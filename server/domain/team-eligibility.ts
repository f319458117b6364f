import { isCalendarDate } from './calendar-date';

/**
 * Who may serve on a target's inspection team (检查组, Art. 20–23), as pure functions. The reasons are
 * published with the team draw, so a reader can check that the pool of each target was formed by
 * these rules and nothing else.
 *
 * The rules split in two because they are evaluated at very different rates: what depends on the
 * inspector alone (active, certificate, workload) is decided once per inspector, what depends on
 * the pair (declared conflict, township recusal / 回避) once per inspector and target. A caller
 * combines them as `inspectorExclusion(i, rules) ?? pairExclusion(i, target, conflicts, rules)`.
 */
export enum TeamExclusionReason {
  INACTIVE = 'INACTIVE',
  CERTIFICATE_NOT_VALID_FOR_WINDOW = 'CERTIFICATE_NOT_VALID_FOR_WINDOW',
  CONFLICT_DECLARED = 'CONFLICT_DECLARED',
  SAME_TOWNSHIP = 'SAME_TOWNSHIP',
  WORKLOAD_FULL = 'WORKLOAD_FULL',
}

export const teamExclusionReasonText: Record<TeamExclusionReason, { zh: string; en: string }> = {
  INACTIVE: { zh: '执法人员已停用', en: 'the inspector is not active' },
  CERTIFICATE_NOT_VALID_FOR_WINDOW: { zh: '执法证件在检查期间内不是全程有效', en: 'the certificate is not valid for the whole execution window' },
  CONFLICT_DECLARED: { zh: '已申报与检查对象存在利害关系，应当回避', en: 'a conflict of interest with the target has been declared (recusal)' },
  SAME_TOWNSHIP: { zh: '与检查对象属同一乡镇（街道），按本部门回避规则不参加', en: "the inspector belongs to the target's own township, which the department's recusal rule excludes" },
  WORKLOAD_FULL: { zh: '未完成的检查任务已达到本部门上限', en: "the inspector's open visits have reached the department's workload limit" },
};

export interface EligibilityInspector {
  /** The certificate number: the inspector's stable public id. */
  id: string;
  active: boolean;
  /** YYYY-MM-DD, inclusive. */
  certificateValidFrom: string;
  /** YYYY-MM-DD, inclusive. */
  certificateValidTo: string;
  /** GB/T 2260 code of where the inspector belongs (6, 9 or 12 digits). */
  regionCode: string;
  /** Visits not yet DONE or CANCELLED that the inspector is a member of. */
  openVisits: number;
}

export interface EligibilityRules {
  /** The execution window, YYYY-MM-DD, both inclusive. */
  windowStart: string;
  windowEnd: string;
  /** The department's optional rule "not the target's own township". */
  recuseSameTownship: boolean;
  /** Open visits an inspector may carry; at this many, no new one. */
  workloadLimit: number;
}

/** Key of a declared conflict in the `conflicts` set. */
export const conflictKey = (inspectorId: string, publicId: string): string => `${inspectorId}|${publicId}`;

/**
 * The township (乡镇、街道) of a region code: its first 9 digits when it has 9 or 12 digits. A bare
 * 6-digit code names a county or above, whose township is unknown: null, so no township rule applies.
 */
export function townshipOf(regionCode: string): string | null {
  return /^\d{9}(\d{3})?$/.test(regionCode) ? regionCode.slice(0, 9) : null;
}

function checkRules(rules: EligibilityRules): void {
  // A malformed window would silently compare as strings and let expired certificates through.
  if (!isCalendarDate(rules.windowStart) || !isCalendarDate(rules.windowEnd) || rules.windowStart > rules.windowEnd) {
    throw new RangeError(`the execution window must be two dates, start ≤ end, got ${rules.windowStart} .. ${rules.windowEnd}`);
  }
  if (!Number.isInteger(rules.workloadLimit) || rules.workloadLimit < 0) throw new RangeError(`workloadLimit must be an integer ≥ 0, got ${rules.workloadLimit}`);
}

/**
 * Valid for the whole window (Art. 21): in force on its first day and still on its last. A
 * certificate that expires inside the window would leave the inspector without one on site.
 * Dates that are not real dates count as not valid: better to exclude than to trust garbage.
 */
function certificateCoversWindow(inspector: EligibilityInspector, rules: EligibilityRules): boolean {
  const { certificateValidFrom: from, certificateValidTo: to } = inspector;
  if (!isCalendarDate(from) || !isCalendarDate(to)) return false;
  return from <= rules.windowStart && to >= rules.windowEnd; // ISO dates order as strings
}

/** Why the inspector may not serve on any team of this window, or null; checked in the order INACTIVE, CERTIFICATE_NOT_VALID_FOR_WINDOW, WORKLOAD_FULL. */
export function inspectorExclusion(inspector: EligibilityInspector, rules: EligibilityRules): TeamExclusionReason | null {
  checkRules(rules);
  if (!inspector.active) return TeamExclusionReason.INACTIVE;
  if (!certificateCoversWindow(inspector, rules)) return TeamExclusionReason.CERTIFICATE_NOT_VALID_FOR_WINDOW;
  if (inspector.openVisits >= rules.workloadLimit) return TeamExclusionReason.WORKLOAD_FULL;
  return null;
}

/**
 * Why the inspector may not serve on this target's team (recusal, 回避), or null. Only the pair's own
 * reasons: combine with inspectorExclusion. The township rule compares townships (an inspector
 * registered at village level, 12 digits, belongs to its township too); when either side has no
 * township (a 6-digit code), the rule cannot apply and does not exclude.
 */
export function pairExclusion(
  inspector: EligibilityInspector,
  target: { publicId: string; regionCode: string },
  conflicts: ReadonlySet<string>,
  rules: EligibilityRules,
): TeamExclusionReason | null {
  if (conflicts.has(conflictKey(inspector.id, target.publicId))) return TeamExclusionReason.CONFLICT_DECLARED;
  if (rules.recuseSameTownship) {
    const township = townshipOf(target.regionCode);
    if (township !== null && townshipOf(inspector.regionCode) === township) return TeamExclusionReason.SAME_TOWNSHIP;
  }
  return null;
}
