import { useQuery } from 'urql';
import { useSession } from '../../../api/hub-context';
import { defineMessages, useT } from '../../../i18n';
import { Link, useLocation } from '../../../router';
import { Empty, ErrorNotice, Loading } from '../../../ui/common';
import { TasksQuery } from '../tasks/task-queries';
import { MyParticipationsQuery } from './joint-queries';
import { LeadTaskPanel } from './LeadTaskPanel';
import { ParticipationCard } from './ParticipationCard';
import '../tasks/tasks.css';

const messages = defineMessages(
  {
    heading: '联合抽查',
    intro: '牵头部门邀请其他部门（其他类别或其他地区）参加抽查任务；被邀请部门确认后添加本部门的检查事项，检查对象只摇号一次。',
    participations: '本部门收到的邀请与参加的任务',
    led: '本部门牵头的任务',
    ledNote: '在任务中邀请参加部门；仍有部门未答复时不能编排摇号。',
    manage: '邀请与参加部门',
    back: '← 返回联合抽查',
  },
  {
    heading: 'Joint tasks',
    intro: 'A lead department invites other departments (of other kinds or regions) to a task; once confirmed they add their own items, and targets are drawn once.',
    participations: 'Invitations to our department and tasks we take part in',
    led: 'Tasks our department leads',
    ledNote: 'Invite participants from a task; a draw cannot be scheduled while an invitation is unanswered.',
    manage: 'Participants',
    back: '← Back to joint tasks',
  },
);

/** `/console/joint`: invitations to answer and participations; `?task={id}` manages a led task's participants. */
export default function JointSection() {
  const t = useT(messages);
  const { query } = useLocation();
  const taskId = query.get('task');
  if (taskId) {
    return (
      <>
        <Link to="/console/joint">{t('back')}</Link>
        <LeadTaskPanel taskId={taskId} />
      </>
    );
  }
  return (
    <>
      <h1>{t('heading')}</h1>
      <p className="muted">{t('intro')}</p>
      <Participations />
      <LedTasks />
    </>
  );
}

function Participations() {
  const t = useT(messages);
  const [result, refetch] = useQuery({ query: MyParticipationsQuery });
  const participations = result.data?.myJointTaskParticipations;
  return (
    <section>
      <h2>{t('participations')}</h2>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {!participations && result.fetching && <Loading />}
      {participations?.length === 0 && <Empty />}
      {participations?.map((p) => (
        <ParticipationCard key={p.id} participation={p} onChanged={() => refetch({ requestPolicy: 'network-only' })} />
      ))}
    </section>
  );
}

function LedTasks() {
  const t = useT(messages);
  const session = useSession();
  const [result] = useQuery({ query: TasksQuery, variables: { year: new Date().getFullYear(), page: { take: 200, skip: 0, order: 'DESC' } } });
  const led = (result.data?.tasks.items ?? []).filter((task) => task.department.id === session?.departmentId);
  return (
    <section>
      <h2>{t('led')}</h2>
      <p className="muted">{t('ledNote')}</p>
      <ErrorNotice error={result.error} />
      {result.data && led.length === 0 && <Empty />}
      <ul>
        {led.map((task) => (
          <li key={task.id}>
            {task.name} {task.joint && <span className="badge">{t('heading')}</span>} · <Link to={`/console/joint?task=${task.id}`}>{t('manage')}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
