import { useCallback, useMemo } from 'react';
import { useT } from '../../i18n';
import { navigate } from '../../router';
import { Chart } from './Chart';
import { capOption, ChartOption, childrenOption, coverageOption, jointOption, Overview, overdueOption, ratioOption, tasksOption, visitsOption } from './chart-options';
import { dashboardMessages, DashboardMessage } from './messages';
import { regionLink } from './region-link';

interface Panel { key: string; title: DashboardMessage; hint?: DashboardMessage; option: ChartOption; footer?: string }

/** The seven supervision charts of the overview, and the child regions' chart that drills down on click. */
export function ChartsGrid({ overview }: { overview: Overview }) {
  const t = useT(dashboardMessages);
  const panels = useMemo(
    (): Panel[] => [
      { key: 'coverage', title: 'chartCoverage', hint: 'chartCoverageHint', option: coverageOption(overview, t) },
      { key: 'ratio', title: 'chartRatio', hint: 'chartRatioHint', option: ratioOption(overview, t) },
      { key: 'cap', title: 'chartCap', hint: 'chartCapHint', option: capOption(overview, t), footer: t('capBreachesLine', { n: overview.yearlyCap.breaches }) },
      { key: 'tasks', title: 'chartTasks', option: tasksOption(overview, t) },
      { key: 'visits', title: 'chartVisits', hint: 'chartVisitsHint', option: visitsOption(overview, t) },
      { key: 'joint', title: 'chartJoint', option: jointOption(overview, t) },
      { key: 'overdue', title: 'chartOverdue', hint: 'chartOverdueHint', option: overdueOption(overview, t) },
    ],
    [overview, t],
  );
  const childOption = useMemo(() => childrenOption(overview), [overview]);
  const openChild = useCallback((index: number) => {
    const child = overview.children[index];
    if (child) navigate(regionLink(overview, child.region.code));
  }, [overview]);

  return (
    <>
      {overview.children.length > 0 && (
        <section className="card" data-testid="chart-children">
          <h3>{t('chartChildren')}</h3>
          <p className="muted">{t('childrenHint')}</p>
          <Chart option={childOption} label={t('chartChildren')} loadingText={t('chartLoading')} onSelect={openChild} />
        </section>
      )}
      <div className="dash-charts">
        {panels.map((panel) => (
          <section key={panel.key} className="card" data-testid={`chart-${panel.key}`}>
            <h3>{t(panel.title)}</h3>
            {panel.hint && <p className="muted dash-hint">{t(panel.hint)}</p>}
            <Chart option={panel.option} label={t(panel.title)} loadingText={t('chartLoading')} />
            {panel.footer && <p className={overview.yearlyCap.breaches ? 'dash-bad-text' : 'dash-ok-text'} data-testid="cap-breaches-line">{panel.footer}</p>}
          </section>
        ))}
      </div>
    </>
  );
}
