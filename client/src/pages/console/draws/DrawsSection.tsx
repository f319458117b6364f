import { useQuery } from 'urql';
import { defineMessages, formatDateTime, useLang, useT } from '../../../i18n';
import { Link, useLocation } from '../../../router';
import { Empty, ErrorNotice, Loading } from '../../../ui/common';
import { useLabel } from '../shared/useLabel';
import { TaskDetailQuery, TasksQuery } from '../tasks/task-queries';
import { DrawDetail } from './DrawDetail';
import { ScheduleDrawForm } from './ScheduleDrawForm';
import '../tasks/tasks.css';

const messages = defineMessages(
  {
    heading: '摇号',
    intro: '从抽查任务编排摇号；每次摇号都保留在任务中，作废的也一样。',
    task: '抽查任务',
    draws: '摇号',
    none: '尚未编排',
    schedule: '编排摇号',
    back: '← 返回摇号列表',
    taskDraws: '“{name}”的摇号',
    scheduledAt: '编排于 {at}',
  },
  {
    heading: 'Draws',
    intro: 'Draws are scheduled from a task; every draw stays with its task, voided ones too.',
    task: 'Task',
    draws: 'Draws',
    none: 'none yet',
    schedule: 'Schedule a draw',
    back: '← Back to the draws',
    taskDraws: 'Draws of “{name}”',
    scheduledAt: 'scheduled {at}',
  },
);

/** `/console/draws`: the year's tasks and their draws; `?task={id}` schedules one; `?draw={id}` runs one. */
export default function DrawsSection() {
  const { query } = useLocation();
  const t = useT(messages);
  const drawId = query.get('draw');
  const taskId = query.get('task');
  if (drawId || taskId) {
    return (
      <>
        <Link to="/console/draws">{t('back')}</Link>
        {drawId ? <DrawDetail drawId={drawId} /> : <TaskDraws taskId={taskId!} />}
      </>
    );
  }
  return <DrawList />;
}

function TaskDraws({ taskId }: { taskId: string }) {
  const t = useT(messages);
  const { lang } = useLang();
  const label = useLabel();
  const [result] = useQuery({ query: TaskDetailQuery, variables: { id: taskId } });
  const task = result.data?.task;
  if (result.error && !task) return <ErrorNotice error={result.error} />;
  if (!task) return <Loading />;
  return (
    <>
      <h1>{t('taskDraws', { name: task.name })}</h1>
      <ul>
        {task.draws.map((draw) => (
          <li key={draw.id}>
            <Link to={`/console/draws?draw=${draw.id}`}>#{draw.id}</Link> <span className="badge">{label('DrawStatus', draw.status)}</span>{' '}
            <span className="muted">{t('scheduledAt', { at: formatDateTime(draw.scheduledAt, lang) })}</span>
          </li>
        ))}
      </ul>
      <ScheduleDrawForm taskId={task.id} />
    </>
  );
}

function DrawList() {
  const t = useT(messages);
  const label = useLabel();
  const [result, refetch] = useQuery({ query: TasksQuery, variables: { year: new Date().getFullYear(), page: { take: 200, skip: 0, order: 'DESC' } } });
  const tasks = result.data?.tasks.items;
  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="muted">{t('intro')}</p>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {!tasks && result.fetching && <Loading />}
      {tasks && tasks.length === 0 && <Empty />}
      {tasks && tasks.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>{t('task')}</th>
              <th>{t('draws')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id}>
                <td>
                  <Link to={`/console/tasks?task=${task.id}`}>{task.name}</Link>
                </td>
                <td>
                  {task.draws.length === 0 && <span className="muted">{t('none')}</span>}
                  {task.draws.map((draw) => (
                    <Link key={draw.id} to={`/console/draws?draw=${draw.id}`} className="badge">
                      #{draw.id} {label('DrawStatus', draw.status)}
                    </Link>
                  ))}
                </td>
                <td>
                  <Link to={`/console/draws?task=${task.id}`}>{t('schedule')}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
