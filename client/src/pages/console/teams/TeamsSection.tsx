import { useQuery } from 'urql';
import { defineMessages, useT } from '../../../i18n';
import { Link, useLocation } from '../../../router';
import { Empty, ErrorNotice, Loading } from '../../../ui/common';
import { useLabel } from '../shared/useLabel';
import { TasksQuery } from '../tasks/task-queries';
import { DrawTeams } from './DrawTeams';
import { lockedDraws } from './team-rules';
import '../tasks/tasks.css';

const messages = defineMessages(
  {
    heading: '检查组',
    intro: '摇号锁定后，由执行部门为每次检查随机抽取检查组（至少两名执法检查人员，其中一名为组长）。',
    task: '抽查任务',
    draw: '摇号',
    open: '查看检查组',
    none: '暂无已锁定的摇号。',
    back: '← 返回检查组列表',
  },
  {
    heading: 'Inspection teams',
    intro: 'Once a draw is locked, the executing department draws a team for every visit (at least two inspectors, one of them leader).',
    task: 'Task',
    draw: 'Draw',
    open: 'Teams',
    none: 'No locked draws yet.',
    back: '← Back to the teams',
  },
);

/** `/console/teams`: the locked draws; `?draw={id}` draws and manages that draw's teams. */
export default function TeamsSection() {
  const t = useT(messages);
  const { query } = useLocation();
  const drawId = query.get('draw');
  if (drawId) {
    return (
      <>
        <Link to="/console/teams">{t('back')}</Link>
        <DrawTeams drawId={drawId} />
      </>
    );
  }
  return <LockedDraws />;
}

function LockedDraws() {
  const t = useT(messages);
  const label = useLabel();
  const [result, refetch] = useQuery({ query: TasksQuery, variables: { year: new Date().getFullYear(), page: { take: 200, skip: 0, order: 'DESC' } } });
  const draws = result.data ? lockedDraws(result.data.tasks.items) : null;
  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="muted">{t('intro')}</p>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {!draws && result.fetching && <Loading />}
      {draws && draws.length === 0 && <p className="muted">{t('none')}</p>}
      {draws && draws.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('task')}</th>
              <th>{t('draw')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {draws.map(({ drawId, status, task }) => (
              <tr key={drawId}>
                <td>{task.name}</td>
                <td>
                  #{drawId} <span className="badge">{label('DrawStatus', status)}</span>
                </td>
                <td>
                  <Link to={`/console/teams?draw=${drawId}`}>{t('open')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {draws === null && !result.fetching && !result.error && <Empty />}
    </>
  );
}
