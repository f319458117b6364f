import type { TeamDrawSummary } from '../../draw/event-log';
import { defineMessages, formatDateTime, useLang, useT } from '../../i18n';

/** After the draw: the visits formed from the picks, and the inspector teams drawn for them (Art. 20). */
const messages = defineMessages(
  {
    heading: '检查组抽取',
    visits: '已形成 {n} 个检查（进一次门、查多项事）。',
    TEAMS: '抽取检查组',
    CROSS_REGION: '跨区域联合匹配',
    REPLACEMENT: '替换检查人员',
    summary: '{visits} 个检查：{staffed} 个已配齐检查组，{unstaffed} 个未配齐',
    appointed: '另有 {n} 个检查组由领导直接指定。',
    TOO_FEW_ELIGIBLE: '符合条件的检查人员不足',
    GROUP_NOT_COVERED: '专业或单位要求无法满足',
    CAPACITY_EXHAUSTED: '检查人员任务量已满',
  },
  {
    heading: 'Inspector teams',
    visits: '{n} visits formed (one visit, several tasks).',
    TEAMS: 'Teams drawn',
    CROSS_REGION: 'Cross-region joint matching',
    REPLACEMENT: 'Inspector replaced',
    summary: '{visits} visits: {staffed} staffed, {unstaffed} not staffed',
    appointed: '{n} more teams appointed directly by a leader.',
    TOO_FEW_ELIGIBLE: 'too few eligible inspectors',
    GROUP_NOT_COVERED: 'a required specialty or department could not be covered',
    CAPACITY_EXHAUSTED: "inspectors' workload limit reached",
  },
);

type Known = 'TEAMS' | 'CROSS_REGION' | 'REPLACEMENT' | 'TOO_FEW_ELIGIBLE' | 'GROUP_NOT_COVERED' | 'CAPACITY_EXHAUSTED';
const KNOWN = new Set<string>(['TEAMS', 'CROSS_REGION', 'REPLACEMENT', 'TOO_FEW_ELIGIBLE', 'GROUP_NOT_COVERED', 'CAPACITY_EXHAUSTED']);

export function TeamsPanel({ visitsFormed, teamDraws, appointments }: { visitsFormed: number | null; teamDraws: TeamDrawSummary[]; appointments: number }) {
  const t = useT(messages);
  const { lang } = useLang();
  const word = (code: string) => (KNOWN.has(code) ? t(code as Known) : code);
  return (
    <section className="card" data-testid="teams">
      <h2>{t('heading')}</h2>
      {visitsFormed !== null && <p>{t('visits', { n: visitsFormed })}</p>}
      <ul>
        {teamDraws.map((draw) => (
          <li key={draw.teamDrawId} data-testid="team-draw">
            <strong>{word(draw.kind)}</strong> <span className="mono">{draw.label}</span> · {formatDateTime(draw.at, lang)}
            <div>{t('summary', { visits: draw.visits, staffed: draw.staffed, unstaffed: draw.unstaffed })}</div>
            {Object.entries(draw.unstaffedByReason).map(([reason, n]) => (
              <div key={reason} className="muted small">
                {word(reason)}: {n}
              </div>
            ))}
          </li>
        ))}
      </ul>
      {appointments > 0 && <p className="muted">{t('appointed', { n: appointments })}</p>}
    </section>
  );
}
