import { useState } from 'react';
import { useQuery } from 'urql';
import { defineMessages, useT } from '../../../i18n';
import { Link, useLocation } from '../../../router';
import { Empty, ErrorNotice, Loading } from '../../../ui/common';
import { useLabel } from '../shared/useLabel';
import { CreateTaskForm } from './CreateTaskForm';
import { TaskDetail } from './TaskDetail';
import { TasksQuery } from './task-queries';
import './tasks.css';

const messages = defineMessages(
  {
    heading: '抽查任务',
    year: '年度',
    create: '新建抽查任务',
    closeForm: '收起',
    name: '任务名称',
    kind: '类型',
    window: '执行期限',
    department: '任务部门',
    executing: '执行部门',
    draws: '摇号',
    joint: '联合抽查',
    total: '共 {n} 项任务',
    back: '← 返回任务列表',
  },
  {
    heading: 'Inspection tasks',
    year: 'Year',
    create: 'New task',
    closeForm: 'Close',
    name: 'Task',
    kind: 'Kind',
    window: 'Execution window',
    department: 'Department',
    executing: 'Executed by',
    draws: 'Draws',
    joint: 'Joint',
    total: '{n} tasks',
    back: '← Back to the tasks',
  },
);

/** `/console/tasks`: the year's tasks; `?task={id}` opens one. */
export default function TasksSection() {
  const { query } = useLocation();
  const taskId = query.get('task');
  const t = useT(messages);
  if (taskId) {
    return (
      <>
        <Link to="/console/tasks">{t('back')}</Link>
        <TaskDetail taskId={taskId} />
      </>
    );
  }
  return <TaskList />;
}

function TaskList() {
  const t = useT(messages);
  const label = useLabel();
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [creating, setCreating] = useState(false);
  const [result, refetch] = useQuery({ query: TasksQuery, variables: { year, page: { take: 200, skip: 0, order: 'DESC' } } });
  const tasks = result.data?.tasks;
  return (
    <>
      <h1>{t('heading')}</h1>
      <div className="row">
        <label>
          {t('year')}
          <input type="number" name="year" value={year} min={2000} max={2100} onChange={(e) => setYear(Number(e.target.value) || year)} />
        </label>
        <button type="button" className={creating ? undefined : 'primary'} onClick={() => setCreating(!creating)}>
          {creating ? t('closeForm') : t('create')}
        </button>
      </div>
      {creating && <CreateTaskForm year={year} onCreated={() => refetch({ requestPolicy: 'network-only' })} />}
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {result.fetching && !tasks && <Loading />}
      {tasks && tasks.items.length === 0 && <Empty />}
      {tasks && tasks.items.length > 0 && (
        <>
          <p className="muted">{t('total', { n: tasks.totalItems })}</p>
          <table>
            <thead>
              <tr>
                <th>{t('name')}</th>
                <th>{t('kind')}</th>
                <th>{t('window')}</th>
                <th>{t('department')}</th>
                <th>{t('executing')}</th>
                <th>{t('draws')}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.items.map((task) => (
                <tr key={task.id}>
                  <td>
                    <Link to={`/console/tasks?task=${task.id}`}>{task.name}</Link> {task.joint && <span className="badge">{t('joint')}</span>}
                  </td>
                  <td>{label('TaskKind', task.kind)}</td>
                  <td>
                    {task.windowStart} — {task.windowEnd}
                  </td>
                  <td>{task.department.name}</td>
                  <td>{task.executingDepartment.name}</td>
                  <td>
                    {task.draws.map((draw) => (
                      <Link key={draw.id} to={`/console/draws?draw=${draw.id}`} className="badge">
                        #{draw.id} {label('DrawStatus', draw.status)}
                      </Link>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
