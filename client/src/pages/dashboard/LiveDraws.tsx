import type { DashboardDrawsQuery, DrawStatus } from '../../gql/graphql';
import { formatDateTime, useLang, useT } from '../../i18n';
import { Link } from '../../router';
import { isLive } from './live-draws';
import { dashboardMessages } from './messages';

export type DrawRow = DashboardDrawsQuery['draws']['items'][number];

/** The newest draws of the jurisdiction, each openable as a witness room. */
export function LiveDraws({ rows, total }: { rows: readonly DrawRow[]; total: number }) {
  const t = useT(dashboardMessages);
  const { lang } = useLang();
  if (!rows.length) return <p className="muted">{t('noDraws')}</p>;
  return (
    <>
      <ul className="dash-live" data-testid="live-draws">
        {rows.map((draw) => (
          <li key={draw.id} data-testid="live-draw" data-draw-id={draw.id} data-status={draw.status} className={isLive(draw.status) ? 'live' : undefined}>
            <div className="dash-live-main">
              <StatusBadge status={draw.status} />
              <strong>{draw.taskName}</strong>
            </div>
            <div className="dash-live-meta muted">
              <span>{draw.department.name}</span>
              <span>
                {t('scheduledAt')} {formatDateTime(draw.scheduledAt, lang)}
              </span>
              <Link to={`/draws/${draw.id}/room`}>{t('openRoom')}</Link>
            </div>
          </li>
        ))}
      </ul>
      <p className="muted">{t('totalDraws', { n: total })}</p>
    </>
  );
}

function StatusBadge({ status }: { status: DrawStatus }) {
  const t = useT(dashboardMessages);
  const tone = isLive(status) ? 'live' : status === 'LOCKED' || status === 'ANNOUNCED' ? 'ok' : '';
  return <span className={`badge ${tone}`}>{t(status)}</span>;
}
