import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../../api/hub-context';
import { useT } from '../../i18n';
import { navigate, useLocation } from '../../router';
import { ErrorNotice, Loading } from '../../ui/common';
import { ChartsGrid } from './ChartsGrid';
import { BreachTable, DepartmentTable, Headline } from './FigurePanels';
import { LiveDraws } from './LiveDraws';
import { statusAfter, withLiveStatus } from './live-draws';
import { dashboardMessages } from './messages';
import { DashboardDrawsQuery, DashboardOverviewQuery, REREAD } from './queries';
import { Breadcrumb, ChildRegionTable } from './RegionNav';
import { useDebounced } from './use-debounced';
import { useJurisdictionFeed } from './use-jurisdiction-feed';
import './dashboard.css';

const LIVE_ROWS = 30;
/** A draw sends many events in a burst: the list is re-read soon after, the figures once it settles. */
const REREAD_LIST_MS = 300;
const REREAD_FIGURES_MS = 1500;
const YEARS_BACK = 4;

/**
 * 监督看板 (`/dashboard`, `/dashboard?region=…`): supervisors, administrators and reviewing leaders
 * follow their jurisdiction — the draws happening now, and the year's figures — and drill down
 * from province to city to county.
 */
export default function Dashboard() {
  const t = useT(dashboardMessages);
  const session = useSession();
  const { query } = useLocation();
  const region = query.get('region');
  const [year, setYear] = useState<number | null>(null);

  const drawsVariables = useMemo(() => ({ filter: { regionCode: region }, page: { take: LIVE_ROWS } }), [region]);
  const [draws, rereadDraws] = useQuery({ query: DashboardDrawsQuery, variables: drawsVariables, pause: !session });
  const [overview, rereadOverview] = useQuery({ query: DashboardOverviewQuery, variables: { region, year }, pause: !session });

  // The jurisdiction stream starts where the first list read ended, and stays on whatever region is looked at.
  const [fromSeq, setFromSeq] = useState<number | null>(null);
  const firstSeq = draws.data?.draws.globalSeq;
  useEffect(() => {
    if (fromSeq === null && firstSeq !== undefined) setFromSeq(firstSeq);
  }, [fromSeq, firstSeq]);
  const rereadList = useDebounced(() => rereadDraws(REREAD), REREAD_LIST_MS);
  const rereadFigures = useDebounced(() => rereadOverview(REREAD), REREAD_FIGURES_MS);
  const feed = useJurisdictionFeed(fromSeq, (event) => {
    if (statusAfter(event.type)) rereadList();
    rereadFigures();
  });

  useEffect(() => {
    if (!session) navigate(`/login?next=${encodeURIComponent(window.location.pathname + window.location.search)}`, { replace: true });
  }, [session]);
  if (!session) return null;

  const data = overview.data?.supervisionOverview;
  const rows = withLiveStatus(draws.data?.draws.items ?? [], feed.statuses);
  const thisYear = data ? Number(data.asOf.slice(0, 4)) : null;
  return (
    <div className="dashboard">
      <div className="dash-head">
        <h1>{t('title')}</h1>
        {thisYear !== null && (
          <label>
            {t('year')}&nbsp;
            <select value={year ?? thisYear} onChange={(e) => setYear(Number(e.target.value) === thisYear ? null : Number(e.target.value))} data-testid="year">
              {Array.from({ length: YEARS_BACK + 1 }, (_, i) => thisYear - i).map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <p className="muted">{t('intro')}</p>
      <ErrorNotice error={overview.error} onRetry={() => rereadOverview(REREAD)} />
      {data && (
        <>
          <Breadcrumb overview={data} />
          <p className="muted">{t('asOf', { date: data.asOf })}</p>
          <Headline totals={data.totals} />
        </>
      )}
      {!data && !overview.error && <Loading />}
      <div className="dash-top">
        <section className="card">
          <h2>{t('live')}</h2>
          <p className="muted dash-hint">{t('liveHint')}</p>
          <ErrorNotice error={draws.error} onRetry={() => rereadDraws(REREAD)} />
          {draws.data ? <LiveDraws rows={rows} total={draws.data.draws.totalItems} /> : !draws.error && <Loading />}
        </section>
        {data && (
          <section className="card">
            <h2>{t('children')}</h2>
            <ChildRegionTable overview={data} />
          </section>
        )}
      </div>
      {data && (
        <>
          <BreachTable overview={data} />
          <ChartsGrid overview={data} />
          <section className="card">
            <h2>{t('departments')}</h2>
            <DepartmentTable overview={data} />
          </section>
        </>
      )}
    </div>
  );
}
