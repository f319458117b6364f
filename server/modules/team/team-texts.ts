import type { MatchGroup, UnstaffableReason } from '../../domain/team-matching';

/** Short texts for the reasons shown with unstaffed visits and in refusals (zh, en). */
export const EXCLUSION_TEXT: Record<string, { zh: string; en: string }> = {
  INACTIVE: { zh: '已停用', en: 'inactive' },
  CERTIFICATE_NOT_VALID_FOR_WINDOW: { zh: '执法证件在检查期间内不是全程有效', en: 'certificate not valid for the whole window' },
  CONFLICT_DECLARED: { zh: '已申报利害关系（回避）', en: 'declared conflict of interest' },
  SAME_TOWNSHIP: { zh: '与检查对象同乡镇（回避）', en: "the target's own township" },
  WORKLOAD_FULL: { zh: '承担的检查已达上限', en: 'workload limit reached' },
  ON_TEAM: { zh: '已在本检查组', en: 'already on the team' },
  LEAVING: { zh: '被更换或回避的人员本人', en: 'the inspector being replaced' },
  GROUP_NOT_KEPT: { zh: '替换后不能保持所需专业或部门', en: 'would leave a required specialty or department uncovered' },
};

export const UNSTAFFED_TEXT: Record<UnstaffableReason, { zh: string; en: string }> = {
  TOO_FEW_ELIGIBLE: { zh: '符合条件的执法检查人员不足', en: 'too few eligible inspectors' },
  GROUP_NOT_COVERED: { zh: '符合条件的执法检查人员不能覆盖所需的专业或部门', en: 'the eligible inspectors cannot cover the required specialties or departments' },
  CAPACITY_EXHAUSTED: { zh: '符合条件的执法检查人员已被其他检查占满（工作量上限）', en: 'the eligible inspectors have no capacity left (taken by other visits)' },
};

export const exclusionText = (reason: string, lang: 'zh' | 'en'): string => EXCLUSION_TEXT[reason]?.[lang] ?? reason;

export function groupText(group: MatchGroup, lang: 'zh' | 'en', departmentName?: string): string {
  if (group.kind === 'SPECIALTY') return lang === 'zh' ? `专业 ${group.value}` : `specialty ${group.value}`;
  return lang === 'zh' ? `部门 ${departmentName ?? group.value}` : `department ${departmentName ?? group.value}`;
}

/** "3 名执法证件…，1 名已申报利害关系" / "3 certificate not valid…, 1 declared conflict of interest" */
export function countsText(counts: { reason: string; count: number }[], lang: 'zh' | 'en'): string {
  if (!counts.length) return lang === 'zh' ? '无人被排除' : 'nobody excluded';
  return counts.map((c) => (lang === 'zh' ? `${c.count} 名${exclusionText(c.reason, 'zh')}` : `${c.count} × ${exclusionText(c.reason, 'en')}`)).join(lang === 'zh' ? '，' : ', ');
}

/** Why one visit could not be staffed, in a sentence. */
export function unstaffedText(
  d: { reason: UnstaffableReason; eligible: number; needed: number; missingGroups: MatchGroup[]; excluded: { reason: string; count: number }[] },
  lang: 'zh' | 'en',
): string {
  const groups = d.missingGroups.map((g) => groupText(g, lang)).join(lang === 'zh' ? '、' : ', ');
  if (lang === 'zh') {
    const head = `${UNSTAFFED_TEXT[d.reason].zh}：符合条件 ${d.eligible} 名，需要 ${d.needed} 名`;
    return `${head}${groups ? `，无法覆盖${groups}` : ''}（排除：${countsText(d.excluded, 'zh')}）。可直接指定检查组，或与相邻地区联合随机匹配。`;
  }
  const head = `${UNSTAFFED_TEXT[d.reason].en}: ${d.eligible} eligible, ${d.needed} needed`;
  return `${head}${groups ? `; cannot cover ${groups}` : ''} (excluded: ${countsText(d.excluded, 'en')}). Appoint a team directly, or match jointly with a neighbouring region's inspectors.`;
}
