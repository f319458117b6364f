import { useQuery } from 'urql';
import { defineMessages, formatDateTime, useLang, useT } from '../../../i18n';
import { Link } from '../../../router';
import { Empty, ErrorNotice, Loading } from '../../../ui/common';
import { useLabel } from '../shared/useLabel';
import { PoolPreview } from './PoolPreview';
import { SegmentFilterText } from './SegmentFilterText';
import { TaskDetailQuery } from './task-queries';

const messages = defineMessages(
  {
    kind: '任务类型',
    window: '执行期限',
    department: '任务部门',
    executing: '执行部门',
    directedReason: '定向检查理由',
    created: '创建时间',
    joint: '联合抽查',
    items: '检查事项',
    itemName: '事项',
    itemKind: '类别',
    cap: '比例上限',
    contributedBy: '提出部门',
    lead: '牵头',
    segments: '抽取分段',
    label: '分段标签',
    filter: '抽取范围',
    amount: '比例或数量',
    ratio: '{n}%',
    count: '{n} 户',
    participants: '参加部门',
    draws: '摇号',
    scheduleDraw: '编排摇号',
    scheduled: '编排于 {at}',
    voided: '作废理由：{reason}',
    visits: '检查',
    visitsTotal: '共 {n} 次检查',
    merged: '合并检查',
    manageJoint: '邀请参加部门',
    teams: '检查组',
  },
  {
    kind: 'Kind',
    window: 'Execution window',
    department: 'Department',
    executing: 'Executed by',
    directedReason: 'Reason for the directed check',
    created: 'Created',
    joint: 'Joint task',
    items: 'Inspection items',
    itemName: 'Item',
    itemKind: 'Kind',
    cap: 'Ratio cap',
    contributedBy: 'Contributed by',
    lead: 'lead',
    segments: 'Segments',
    label: 'Label',
    filter: 'Pool',
    amount: 'Ratio or count',
    ratio: '{n}%',
    count: '{n} targets',
    participants: 'Participating departments',
    draws: 'Draws',
    scheduleDraw: 'Schedule a draw',
    scheduled: 'scheduled {at}',
    voided: 'Voided: {reason}',
    visits: 'Visits',
    visitsTotal: '{n} visits',
    merged: 'merged',
    manageJoint: 'Invite departments',
    teams: 'Teams',
  },
);

/** One task: its items, segments with the pool as the rules form it now, participants, draws and visits. */
export function TaskDetail({ taskId }: { taskId: string }) {
  const t = useT(messages);
  const { lang } = useLang();
  const label = useLabel();
  const [result, refetch] = useQuery({ query: TaskDetailQuery, variables: { id: taskId } });
  const task = result.data?.task;
  if (result.error && !task) return <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!task) return <Loading />;
  return (
    <article>
      <h1>
        {task.name} {task.joint && <span className="badge">{t('joint')}</span>}
      </h1>
      <dl className="grid2">
        <div>
          <dt className="muted">{t('kind')}</dt>
          <dd>{label('TaskKind', task.kind)}</dd>
          {task.directedReason && (
            <>
              <dt className="muted">{t('directedReason')}</dt>
              <dd>{task.directedReason}</dd>
            </>
          )}
          <dt className="muted">{t('window')}</dt>
          <dd>
            {task.windowStart} — {task.windowEnd}
          </dd>
        </div>
        <div>
          <dt className="muted">{t('department')}</dt>
          <dd>{task.department.name}</dd>
          <dt className="muted">{t('executing')}</dt>
          <dd>{task.executingDepartment.name}</dd>
          <dt className="muted">{t('created')}</dt>
          <dd>{formatDateTime(task.createdAt, lang)}</dd>
        </div>
      </dl>

      <h2>{t('items')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('itemName')}</th>
            <th>{t('itemKind')}</th>
            <th>{t('cap')}</th>
            <th>{t('contributedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {task.itemContributions.map(({ item, department, lead }) => (
            <tr key={`${department.id}-${item.id}`}>
              <td>
                {item.name} <span className="muted">v{item.version}</span>
              </td>
              <td>{label('ItemKind', item.kind)}</td>
              <td>{item.ratioMaxPercent == null ? '—' : `${item.ratioMaxPercent}%`}</td>
              <td>
                {department.name} {lead && <span className="badge">{t('lead')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('segments')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('label')}</th>
            <th>{t('filter')}</th>
            <th>{t('amount')}</th>
          </tr>
        </thead>
        <tbody>
          {task.segments.map((segment) => (
            <tr key={segment.id}>
              <td>
                <code>{segment.label}</code>
              </td>
              <td>
                <SegmentFilterText filter={segment.filter} />
              </td>
              <td>{segment.ratioPercent != null ? t('ratio', { n: segment.ratioPercent }) : t('count', { n: segment.fixedCount ?? 0 })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <PoolPreview taskId={task.id} />

      {(task.joint || task.participants.length > 0) && (
        <>
          <h2>{t('participants')}</h2>
          {task.participants.length === 0 ? (
            <Empty />
          ) : (
            <ul>
              {task.participants.map((p) => (
                <li key={p.id}>
                  {p.department.name} · <span className="badge">{label('ParticipantStatus', p.status)}</span> {p.items.map((item) => item.name).join('、')}
                </li>
              ))}
            </ul>
          )}
          <Link to={`/console/joint?task=${task.id}`}>{t('manageJoint')}</Link>
        </>
      )}

      <h2>{t('draws')}</h2>
      <ul>
        {task.draws.map((draw) => (
          <li key={draw.id}>
            <Link to={`/console/draws?draw=${draw.id}`}>#{draw.id}</Link> <span className="badge">{label('DrawStatus', draw.status)}</span>{' '}
            <span className="muted">{t('scheduled', { at: formatDateTime(draw.scheduledAt, lang) })}</span>
            {draw.voidReason && <span className="muted"> · {t('voided', { reason: draw.voidReason })}</span>}
            {(draw.status === 'LOCKED' || draw.status === 'ANNOUNCED') && (
              <>
                {' '}
                · <Link to={`/console/teams?draw=${draw.id}`}>{t('teams')}</Link>
              </>
            )}
          </li>
        ))}
      </ul>
      <Link to={`/console/draws?task=${task.id}`} className="badge live">
        {t('scheduleDraw')}
      </Link>

      <h2>{t('visits')}</h2>
      {task.visits.items.length === 0 ? (
        <Empty />
      ) : (
        <>
          <p className="muted">{t('visitsTotal', { n: task.visits.totalItems })}</p>
          <ul>
            {task.visits.items.map((visit) => (
              <li key={visit.id}>
                <Link to={`/console/visits?visit=${visit.id}`}>{visit.target?.name ?? visit.publicId}</Link> <span className="badge">{label('VisitStatus', visit.status)}</span>{' '}
                {visit.merged && <span className="badge">{t('merged')}</span>}{' '}
                <span className="muted">
                  {visit.windowStart} — {visit.windowEnd}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
