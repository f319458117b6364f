import type { DashboardRegionFiguresFragment } from '../../gql/graphql';
import { useT } from '../../i18n';
import type { Overview } from './chart-options';
import { dashboardMessages } from './messages';

const percent = (value: number | null | undefined) => (value == null ? '—' : `${value}%`);

/** The headline figures of the region looked at. */
export function Headline({ totals }: { totals: DashboardRegionFiguresFragment }) {
  const t = useT(dashboardMessages);
  const violations = totals.segmentsAboveCap + totals.capBreaches;
  const stats = [
    { label: t('headDepartments'), value: totals.departments },
    { label: t('headTargets'), value: totals.targets },
    { label: t('headDrawn'), value: totals.drawnTargets },
    { label: t('headCoverage'), value: percent(totals.coveragePercent) },
    { label: t('headDraws'), value: totals.standingDraws },
    { label: t('headTasks'), value: totals.tasks },
    { label: t('headOverdue'), value: totals.overdueTasks + totals.overdueVisits + totals.plansOverdue, tone: totals.overdueTasks + totals.overdueVisits + totals.plansOverdue ? 'warn' : 'ok' },
    { label: t('headViolations'), value: t('violationsValue', { ratio: totals.segmentsAboveCap, cap: totals.capBreaches }), tone: violations ? 'error' : 'ok' },
  ];
  return (
    <ul className="dash-stats" data-testid="headline">
      {stats.map((s) => (
        <li key={s.label} className={s.tone}>
          <span className="muted">{s.label}</span>
          <strong>{s.value}</strong>
        </li>
      ))}
    </ul>
  );
}

/** Plan coverage per department: directory, drawn, plan and filing, tasks and overdue work. */
export function DepartmentTable({ overview }: { overview: Overview }) {
  const t = useT(dashboardMessages);
  return (
    <div className="dash-scroll">
      <table data-testid="department-table">
        <thead>
          <tr>
            <th>{t('department')}</th>
            <th>{t('targets')}</th>
            <th>{t('drawn')}</th>
            <th>{t('coverage')}</th>
            <th>{t('plan')}</th>
            <th>{t('filing')}</th>
            <th>{t('deadline')}</th>
            <th>{t('tasks')}</th>
            <th>{t('overdue')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.departments.map((d) => (
            <tr key={d.department.id}>
              <td>{d.department.name}</td>
              <td>{d.targets}</td>
              <td>{d.drawnTargets}</td>
              <td>
                {percent(d.coveragePercent)} {d.belowMinimum && <span className="badge dash-bad">{t('belowMinimum')}</span>}
              </td>
              <td>{d.planStatus ? t(`plan${d.planStatus}`) : <span className="badge dash-bad">{t('noPlan')}</span>}</td>
              <td>{d.filingState ? <span className={d.filingState === 'OVERDUE' ? 'badge dash-bad' : undefined}>{t(`filing${d.filingState}`)}</span> : '—'}</td>
              <td>{d.filingDeadline ?? '—'}</td>
              <td>{d.tasks}</td>
              <td>{d.overdueTasks + d.overdueVisits}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The draws that broke the twice-a-year cap, for follow-up (normally none). */
export function BreachTable({ overview }: { overview: Overview }) {
  const t = useT(dashboardMessages);
  const list = overview.yearlyCap.breachList;
  if (!list.length) return null;
  return (
    <div className="error" data-testid="cap-breaches">
      <strong>{t('breachList')}</strong>
      <table>
        <thead>
          <tr>
            <th>{t('publicId')}</th>
            <th>{t('department')}</th>
            <th>{t('draw')}</th>
            <th>{t('timesDrawn')}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((b) => (
            <tr key={`${b.publicId}-${b.drawId}`}>
              <td className="mono">{b.publicId}</td>
              <td>{b.department.name}</td>
              <td>#{b.drawId}</td>
              <td>{b.timesDrawn}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
