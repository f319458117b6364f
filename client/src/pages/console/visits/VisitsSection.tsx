import { useState } from 'react';
import { useQuery } from 'urql';
import { defineMessages, useT } from '../../../i18n';
import { Link, useLocation } from '../../../router';
import { Empty, ErrorNotice, Loading } from '../../../ui/common';
import { toggleValue } from '../shared/list-edit';
import { valuesOf, visitStatusLabels } from '../shared/labels';
import { useLabel } from '../shared/useLabel';
import { MergeRules } from './MergeRules';
import { VisitDetail } from './VisitDetail';
import { emptyVisitFilter, VisitFilterDraft, visitFilterInput } from './visit-filter';
import { VisitsQuery } from './visit-queries';
import '../tasks/tasks.css';

const messages = defineMessages(
  {
    heading: '合并检查（进一次门、查多项事）',
    merged: '合并情况',
    any: '全部',
    onlyMerged: '仅合并检查',
    onlySingle: '仅单一任务',
    statuses: '状态',
    publicId: '统一社会信用代码',
    from: '期限截止不早于',
    to: '期限开始不晚于',
    target: '检查对象',
    window: '检查期限',
    tasks: '任务',
    lead: '牵头部门',
    status: '状态',
    total: '共 {n} 次检查',
    back: '← 返回检查列表',
    mergedBadge: '合并',
  },
  {
    heading: 'Merged visits (one visit, every item)',
    merged: 'Merging',
    any: 'All',
    onlyMerged: 'Merged visits only',
    onlySingle: 'Single-task visits only',
    statuses: 'Status',
    publicId: 'Credit code',
    from: 'Window ends on or after',
    to: 'Window starts on or before',
    target: 'Target',
    window: 'Window',
    tasks: 'Tasks',
    lead: 'Led by',
    status: 'Status',
    total: '{n} visits',
    back: '← Back to the visits',
    mergedBadge: 'merged',
  },
);

/** `/console/visits`: the visits of the department's tasks, filtered; `?visit={id}` opens one. */
export default function VisitsSection() {
  const t = useT(messages);
  const { query } = useLocation();
  const visitId = query.get('visit');
  if (visitId) {
    return (
      <>
        <Link to="/console/visits">{t('back')}</Link>
        <VisitDetail visitId={visitId} />
      </>
    );
  }
  return <VisitList />;
}

function VisitList() {
  const t = useT(messages);
  const label = useLabel();
  const [filter, setFilter] = useState<VisitFilterDraft>(emptyVisitFilter);
  const [result, refetch] = useQuery({ query: VisitsQuery, variables: { filter: visitFilterInput(filter), page: { take: 200, skip: 0, order: 'DESC' } } });
  const visits = result.data?.visits;
  const set = (patch: Partial<VisitFilterDraft>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <>
      <h1>{t('heading')}</h1>
      <MergeRules />
      <div className="row">
        <label>
          {t('merged')}
          <select name="merged" value={filter.merged} onChange={(e) => set({ merged: e.target.value as VisitFilterDraft['merged'] })}>
            <option value="">{t('any')}</option>
            <option value="true">{t('onlyMerged')}</option>
            <option value="false">{t('onlySingle')}</option>
          </select>
        </label>
        <label>
          {t('publicId')}
          <input name="publicId" value={filter.publicId} onChange={(e) => set({ publicId: e.target.value })} />
        </label>
        <label>
          {t('from')}
          <input type="date" value={filter.windowFrom} onChange={(e) => set({ windowFrom: e.target.value })} />
        </label>
        <label>
          {t('to')}
          <input type="date" value={filter.windowTo} onChange={(e) => set({ windowTo: e.target.value })} />
        </label>
      </div>
      <fieldset className="checks">
        <legend>{t('statuses')}</legend>
        {valuesOf(visitStatusLabels).map((status) => (
          <label key={status}>
            <input type="checkbox" checked={filter.statuses.includes(status)} onChange={() => set({ statuses: toggleValue(filter.statuses, status) })} />
            {label('VisitStatus', status)}
          </label>
        ))}
      </fieldset>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {!visits && result.fetching && <Loading />}
      {visits && visits.items.length === 0 && <Empty />}
      {visits && visits.items.length > 0 && (
        <>
          <p className="muted">{t('total', { n: visits.totalItems })}</p>
          <table>
            <thead>
              <tr>
                <th>{t('target')}</th>
                <th>{t('window')}</th>
                <th>{t('tasks')}</th>
                <th>{t('lead')}</th>
                <th>{t('status')}</th>
              </tr>
            </thead>
            <tbody>
              {visits.items.map((visit) => (
                <tr key={visit.id}>
                  <td>
                    <Link to={`/console/visits?visit=${visit.id}`}>{visit.target?.name ?? visit.publicId}</Link> {visit.merged && <span className="badge">{t('mergedBadge')}</span>}
                    <br />
                    <code className="muted">{visit.publicId}</code>
                  </td>
                  <td>
                    {visit.windowStart} — {visit.windowEnd}
                  </td>
                  <td>
                    {visit.tasks.map((task) => (
                      <div key={task.taskId}>
                        {task.taskName} <span className="muted">{task.department.name}</span>
                      </div>
                    ))}
                  </td>
                  <td>{visit.leadDepartment.name}</td>
                  <td>{label('VisitStatus', visit.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
