import { useEffect } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useSession } from '../../api/hub-context';
import { hasRole } from '../../api/session';
import { defineMessages, useT } from '../../i18n';
import { navigate } from '../../router';
import { ErrorNotice, Loading } from '../../ui/common';
import { useLabel } from '../console/shared/useLabel';
import { addAssignment, AssignmentNotice } from './assignments';
import { MyAssignmentsSubscription, MyVisitsQuery } from './inspector-queries';
import { VisitCard } from './VisitCard';
import './inspector.css';

const messages = defineMessages(
  {
    heading: '我的检查',
    count: '共 {n} 次待完成的检查',
    none: '目前没有分配给您的检查。抽取检查组后会自动显示在这里。',
    live: '新分配：{n} 次检查有变化，列表已更新。',
    notInspector: '此页面供执法检查人员使用。',
  },
  {
    heading: 'My visits',
    count: '{n} open visits',
    none: 'No visits assigned to you yet. They appear here as soon as teams are drawn.',
    live: 'New assignment: {n} visits changed; the list is up to date.',
    notInspector: 'This page is for inspectors.',
  },
);

/** `/inspector`: the signed-in inspector's open visits, kept current by `visitAssignments`. */
export default function MyVisits() {
  const t = useT(messages);
  const session = useSession();
  if (!session) {
    navigate(`/login?next=${encodeURIComponent('/inspector')}`, { replace: true });
    return null;
  }
  if (!hasRole(session, 'INSPECTOR')) return <p className="warn">{t('notInspector')}</p>;
  return <InspectorVisits />;
}

function InspectorVisits() {
  const t = useT(messages);
  const label = useLabel();
  const [result, refetch] = useQuery({ query: MyVisitsQuery });
  const [live] = useSubscription({ query: MyAssignmentsSubscription }, (notice: AssignmentNotice | undefined, data) => addAssignment(notice, data.visitAssignments));
  const lastSeq = live.data?.lastSeq;
  // An assignment event names the change; the visits themselves are read again in full.
  useEffect(() => {
    if (lastSeq !== undefined) refetch({ requestPolicy: 'network-only' });
  }, [lastSeq, refetch]);
  const visits = result.data?.myVisits;
  return (
    <div className="my-visits">
      <h1>{t('heading')}</h1>
      {live.data && (
        <p className="ok" role="status">
          {t('live', { n: live.data.visits })}
        </p>
      )}
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      <ErrorNotice error={live.error} />
      {!visits && result.fetching && <Loading />}
      {visits && visits.length === 0 && <p className="muted">{t('none')}</p>}
      {visits && visits.length > 0 && <p className="muted">{t('count', { n: visits.length })}</p>}
      {visits?.map((visit) => (
        <VisitCard key={visit.id} visit={visit} label={label} />
      ))}
    </div>
  );
}
