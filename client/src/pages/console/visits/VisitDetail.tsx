import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { defineMessages, formatDateTime, useLang, useT } from '../../../i18n';
import { Link, navigate } from '../../../router';
import { ErrorNotice, Loading } from '../../../ui/common';
import { ConfirmButton } from '../shared/ConfirmButton';
import { Outcome } from '../shared/Notices';
import { toggleValue } from '../shared/list-edit';
import { useFeedback } from '../shared/useFeedback';
import { useLabel } from '../shared/useLabel';
import { mergeArguments } from './visit-filter';
import { MergeVisitsMutation, SplitVisitTaskMutation, VisitDetailQuery } from './visit-queries';

const messages = defineMessages(
  {
    window: '检查期限（各任务期限的交集）',
    lead: '牵头部门',
    status: '状态',
    address: '地址',
    tasks: '本次检查服务的任务',
    taskWindow: '任务期限',
    automatic: '锁定摇号时自动合并',
    manual: '{who} 于 {at} 手工调整',
    items: '检查事项',
    own: '本部门录入',
    team: '检查组',
    noTeam: '尚无检查组',
    split: '拆分出此任务',
    splitReason: '拆分理由',
    splitDone: '已拆分，任务另行形成一次检查。',
    merge: '合并同一对象的其他检查',
    mergeNote: '期限重叠的同一检查对象的检查可以合并；已有检查组的检查保留，其余检查取消，其任务并入。',
    mergeReason: '合并理由',
    mergeSubmit: '合并检查',
    mergeDone: '已合并。',
    noOthers: '该检查对象没有其他未完成的检查。',
    openTask: '查看任务',
  },
  {
    window: 'Window (intersection of the tasks’ windows)',
    lead: 'Led by',
    status: 'Status',
    address: 'Address',
    tasks: 'Tasks served by this visit',
    taskWindow: 'Task window',
    automatic: 'merged automatically when the draw was locked',
    manual: 'changed by hand by {who} at {at}',
    items: 'Inspection items',
    own: 'ours to record',
    team: 'Team',
    noTeam: 'No team yet',
    split: 'Split this task off',
    splitReason: 'Reason for the split',
    splitDone: 'Split: the task has a visit of its own.',
    merge: 'Merge other visits of this target',
    mergeNote: 'Visits of the same target whose windows overlap can be merged; the one with a team survives, the others are cancelled and their tasks move over.',
    mergeReason: 'Reason for the merge',
    mergeSubmit: 'Merge the visits',
    mergeDone: 'Merged.',
    noOthers: 'The target has no other open visit.',
    openTask: 'Open the task',
  },
);

/** One visit: its tasks and items, its team, and the manual merge and split (each with a reason). */
export function VisitDetail({ visitId }: { visitId: string }) {
  const t = useT(messages);
  const { lang } = useLang();
  const label = useLabel();
  const [result, refetch] = useQuery({ query: VisitDetailQuery, variables: { id: visitId } });
  const [merging, merge] = useMutation(MergeVisitsMutation);
  const [splitting, split] = useMutation(SplitVisitTaskMutation);
  const [chosen, setChosen] = useState<string[]>([]);
  const [mergeReason, setMergeReason] = useState('');
  const [splitReason, setSplitReason] = useState('');
  const { feedback, clear, settle } = useFeedback();
  const visit = result.data?.visit;
  if (result.error && !visit) return <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!visit) return <Loading />;
  const open = visit.status !== 'DONE' && visit.status !== 'CANCELLED';
  const others = visit.sameTargetVisits;

  const doMerge = async () => {
    clear();
    const outcome = await merge({ ...mergeArguments(visit, others, chosen), reason: mergeReason.trim() });
    settle(outcome, t('mergeDone'), () => {
      setChosen([]);
      setMergeReason('');
      if (outcome.data && outcome.data.mergeVisits.id !== visit.id) navigate(`/console/visits?visit=${outcome.data.mergeVisits.id}`);
      else refetch({ requestPolicy: 'network-only' });
    });
  };
  const doSplit = async (taskId: string) => {
    clear();
    const outcome = await split({ visitId: visit.id, taskId, reason: splitReason.trim(), expectedVersion: visit.version });
    settle(outcome, t('splitDone'), () => {
      setSplitReason('');
      refetch({ requestPolicy: 'network-only' });
    });
  };

  return (
    <article>
      <h1>
        {visit.target?.name ?? visit.publicId} <span className="badge">{label('VisitStatus', visit.status)}</span>
      </h1>
      <p>
        <code>{visit.publicId}</code> {visit.target && <span className="muted">· {t('address')}：{visit.target.address}</span>}
      </p>
      <p>
        {t('window')}：{visit.windowStart} — {visit.windowEnd} · {t('lead')}：{visit.leadDepartment.name}
      </p>
      <Outcome {...feedback} />

      <h2>{t('tasks')}</h2>
      {visit.tasks.length > 1 && open && (
        <label>
          {t('splitReason')}
          <input name="splitReason" value={splitReason} onChange={(e) => setSplitReason(e.target.value)} />
        </label>
      )}
      <ul>
        {visit.tasks.map((task) => (
          <li key={task.taskId}>
            <strong>{task.taskName}</strong> <span className="muted">{task.department.name}</span> · {t('taskWindow')} {task.windowStart} — {task.windowEnd} ·{' '}
            <span className="muted">{task.automatic ? t('automatic') : t('manual', { who: task.addedBy ?? '—', at: formatDateTime(task.addedAt, lang) })}</span>
            {task.task && (
              <>
                {' '}
                · <Link to={`/console/tasks?task=${task.task.id}`}>{t('openTask')}</Link>
              </>
            )}
            {visit.tasks.length > 1 && open && (
              <>
                {' '}
                <ConfirmButton label={t('split')} disabled={splitting.fetching || !splitReason.trim()} onConfirm={() => doSplit(task.taskId)} />
              </>
            )}
          </li>
        ))}
      </ul>

      <h2>{t('items')}</h2>
      <ul>
        {visit.items.map((vi) => (
          <li key={`${vi.taskId}-${vi.item.id}`}>
            {vi.item.name} <span className="muted">v{vi.item.version} · {label('ItemKind', vi.item.kind)}</span> {vi.own && <span className="badge ok">{t('own')}</span>}
          </li>
        ))}
      </ul>

      <h2>{t('team')}</h2>
      {visit.members.length === 0 ? (
        <p className="muted">{t('noTeam')}</p>
      ) : (
        <ul>
          {visit.members.map((m) => (
            <li key={m.id}>
              <span className="badge">{label('VisitMemberRole', m.role)}</span> {m.inspector?.name}
            </li>
          ))}
        </ul>
      )}

      {open && (
        <section className="card">
          <h2>{t('merge')}</h2>
          <p className="muted">{t('mergeNote')}</p>
          {others.length === 0 ? (
            <p className="muted">{t('noOthers')}</p>
          ) : (
            <>
              <fieldset className="checks">
                {others.map((other) => (
                  <label key={other.id}>
                    <input type="checkbox" checked={chosen.includes(other.id)} onChange={() => setChosen(toggleValue(chosen, other.id))} />
                    {other.tasks.map((task) => task.taskName).join('、')} · {other.windowStart} — {other.windowEnd} · {other.leadDepartment.name} · {label('VisitStatus', other.status)}
                  </label>
                ))}
              </fieldset>
              <label>
                {t('mergeReason')}
                <input name="mergeReason" value={mergeReason} onChange={(e) => setMergeReason(e.target.value)} />
              </label>
              <ConfirmButton label={t('mergeSubmit')} disabled={merging.fetching || chosen.length === 0 || !mergeReason.trim()} onConfirm={doMerge} />
            </>
          )}
        </section>
      )}
    </article>
  );
}
