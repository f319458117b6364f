import { useCallback } from 'react';
import { useLang } from '../../../i18n';
import {
  checkMethodLabels, creditClassLabels, departmentKindLabels, drawStatusLabels, itemKindLabels, memberChangeKindLabels, memberChangeStatusLabels,
  participantStatusLabels, riskLevelLabels, specialDirectoryLabels, targetTypeLabels, taskKindLabels, teamDrawKindLabels, unstaffedReasonLabels,
  visitMemberRoleLabels, visitMemberSourceLabels, visitStatusLabels,
} from './labels';

/** The label sets by the schema's enum name, for pages that show values of many enums side by side. */
const vocabulary = {
  TargetType: targetTypeLabels,
  SpecialDirectory: specialDirectoryLabels,
  RiskLevel: riskLevelLabels,
  CreditClass: creditClassLabels,
  ItemKind: itemKindLabels,
  CheckMethod: checkMethodLabels,
  TaskKind: taskKindLabels,
  DrawStatus: drawStatusLabels,
  VisitStatus: visitStatusLabels,
  ParticipantStatus: participantStatusLabels,
  VisitMemberRole: visitMemberRoleLabels,
  VisitMemberSource: visitMemberSourceLabels,
  MemberChangeKind: memberChangeKindLabels,
  MemberChangeStatus: memberChangeStatusLabels,
  TeamDrawKind: teamDrawKindLabels,
  UnstaffedReason: unstaffedReasonLabels,
  DepartmentKind: departmentKindLabels,
} as const;

export type VocabularyGroup = keyof typeof vocabulary;

/** `label('DrawStatus', 'OPEN')` in the current language; an unknown value is shown as it is. */
export function useLabel(): (group: VocabularyGroup, value: string) => string {
  const { lang } = useLang();
  return useCallback(
    (group: VocabularyGroup, value: string) => {
      const labels: Record<string, string> = vocabulary[group][lang];
      return value in labels ? labels[value] : value;
    },
    [lang],
  );
}
