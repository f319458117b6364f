import type { PoolFilter } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { useLabel } from '../shared/useLabel';

const messages = defineMessages(
  { all: '全部检查对象', region: '行政区划 {code}', complaints: '投诉 ≥ {n} 次', dishonest: '失信', serious: '严重违法失信' },
  { all: 'All targets', region: 'region {code}', complaints: '≥ {n} complaints', dishonest: 'dishonest', serious: 'serious violation' },
);

/** A segment's pool filter as one line of text. */
export function SegmentFilterText({ filter }: { filter: Partial<PoolFilter> }) {
  const t = useT(messages);
  const label = useLabel();
  const parts = [
    ...(filter.types ?? []).map((v) => label('TargetType', v)),
    ...(filter.specialDirectories ?? []).map((v) => label('SpecialDirectory', v)),
    ...(filter.riskLevels ?? []).map((v) => label('RiskLevel', v)),
    ...(filter.creditClasses ?? []).map((v) => label('CreditClass', v)),
    ...(filter.regionCode ? [t('region', { code: filter.regionCode })] : []),
    ...(filter.minComplaints ? [t('complaints', { n: filter.minComplaints })] : []),
    ...(filter.dishonest ? [t('dishonest')] : []),
    ...(filter.seriousViolation ? [t('serious')] : []),
  ];
  return <span>{parts.length ? parts.join('，') : t('all')}</span>;
}
