import { useT } from '../../i18n';
import { Link } from '../../router';
import type { Overview } from './chart-options';
import { dashboardMessages } from './messages';
import { regionLink } from './region-link';

/** From the jurisdiction down to the region looked at; every level above is a link back up. */
export function Breadcrumb({ overview }: { overview: Overview }) {
  const t = useT(dashboardMessages);
  return (
    <nav className="dash-breadcrumb" aria-label={t('jurisdiction')} data-testid="region-path">
      {overview.path.map((region, i) =>
        i < overview.path.length - 1 ? (
          <span key={region.code}>
            <Link to={regionLink(overview, region.code)} title={t('backTo', { name: region.name })} data-region={region.code}>
              {region.name}
            </Link>
            <span className="muted"> › </span>
          </span>
        ) : (
          <strong key={region.code} data-region={region.code} aria-current="page">
            {region.name}
          </strong>
        ),
      )}
    </nav>
  );
}

const percent = (value: number | null | undefined) => (value == null ? '—' : `${value}%`);

/** The child regions with their headline figures; a name opens the region. */
export function ChildRegionTable({ overview }: { overview: Overview }) {
  const t = useT(dashboardMessages);
  if (!overview.children.length) return <p className="muted">{t('noChildren')}</p>;
  return (
    <div className="dash-scroll">
      <table data-testid="child-regions">
        <thead>
          <tr>
            <th>{t('region')}</th>
            <th>{t('headDepartments')}</th>
            <th>{t('targets')}</th>
            <th>{t('drawn')}</th>
            <th>{t('coverage')}</th>
            <th>{t('headDraws')}</th>
            <th>{t('tasks')}</th>
            <th>{t('overdue')}</th>
            <th>{t('headViolations')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.children.map(({ region, figures }) => (
            <tr key={region.code}>
              <td>
                <Link to={regionLink(overview, region.code)} data-testid="child-region" data-region={region.code}>
                  {region.name}
                </Link>
              </td>
              <td>{figures.departments}</td>
              <td>{figures.targets}</td>
              <td>{figures.drawnTargets}</td>
              <td>{percent(figures.coveragePercent)}</td>
              <td>{figures.standingDraws}</td>
              <td>{figures.tasks}</td>
              <td>{figures.overdueTasks + figures.overdueVisits}</td>
              <td className={figures.segmentsAboveCap + figures.capBreaches ? 'dash-bad-text' : undefined}>{figures.segmentsAboveCap + figures.capBreaches}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
