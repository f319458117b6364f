import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { DepartmentKind } from '../../../gql/graphql';
import { defineMessages, formatDateTime, useLang, useT } from '../../../i18n';
import { Link } from '../../../router';
import { Empty, ErrorNotice, Loading } from '../../../ui/common';
import { EnumSelect, RecordSelect } from '../shared/Choices';
import { ConfirmButton } from '../shared/ConfirmButton';
import { departmentKindLabels } from '../shared/labels';
import { Outcome } from '../shared/Notices';
import { useFeedback } from '../shared/useFeedback';
import { useLabel } from '../shared/useLabel';
import { InvitableDepartmentsQuery, InviteParticipantMutation, LeadTaskQuery, WithdrawParticipantMutation } from './joint-queries';

const messages = defineMessages(
  {
    heading: '“{name}”的参加部门',
    invite: '邀请参加部门',
    kind: '部门类别',
    anyKind: '不限',
    region: '行政区划代码（含下级，可选）',
    department: '部门',
    choose: '请选择',
    note: '邀请说明（可选）',
    submit: '发出邀请',
    invited: '已发出邀请，等待对方确认。',
    locked: '已编排摇号，参加部门不能再变更（作废摇号后方可调整）。',
    participants: '参加部门',
    invitedAt: '{who} 于 {at} 邀请',
    respondedAt: '{who} 于 {at} 答复',
    items: '添加的事项',
    withdrawReason: '撤回理由',
    withdraw: '撤回邀请',
    withdrawn: '已撤回。',
    openTask: '查看任务',
  },
  {
    heading: 'Participants of “{name}”',
    invite: 'Invite a department',
    kind: 'Kind of department',
    anyKind: 'Any',
    region: 'Region code (with everything in it; optional)',
    department: 'Department',
    choose: 'Choose',
    note: 'Message (optional)',
    submit: 'Send the invitation',
    invited: 'Invitation sent; waiting for the answer.',
    locked: 'A draw is scheduled: participants can no longer change (void the draw first).',
    participants: 'Participants',
    invitedAt: 'invited by {who} at {at}',
    respondedAt: 'answered by {who} at {at}',
    items: 'Items added',
    withdrawReason: 'Reason for withdrawing',
    withdraw: 'Withdraw the invitation',
    withdrawn: 'Withdrawn.',
    openTask: 'Open the task',
  },
);

/** The lead's side of a joint task: invite departments, see their answers, withdraw an invitation. */
export function LeadTaskPanel({ taskId }: { taskId: string }) {
  const t = useT(messages);
  const { lang } = useLang();
  const label = useLabel();
  const [result, refetch] = useQuery({ query: LeadTaskQuery, variables: { id: taskId } });
  const [kind, setKind] = useState<'' | DepartmentKind>('');
  const [regionCode, setRegionCode] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [note, setNote] = useState('');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const { feedback, clear, settle } = useFeedback(() => refetch({ requestPolicy: 'network-only' }));
  const [invitable] = useQuery({ query: InvitableDepartmentsQuery, variables: { kind: kind || null, regionCode: regionCode.trim() || null } });
  const [inviting, invite] = useMutation(InviteParticipantMutation);
  const [withdrawing, withdraw] = useMutation(WithdrawParticipantMutation);
  const task = result.data?.task;
  if (result.error && !task) return <ErrorNotice error={result.error} />;
  if (!task) return <Loading />;
  const drawScheduled = task.draws.some((d) => d.status !== 'VOIDED');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    settle(await invite({ taskId, departmentId, note: note.trim() || null }), t('invited'), () => {
      setDepartmentId('');
      setNote('');
    });
  };

  return (
    <article>
      <h1>{t('heading', { name: task.name })}</h1>
      <Link to={`/console/tasks?task=${task.id}`}>{t('openTask')}</Link>
      {drawScheduled && <p className="warn">{t('locked')}</p>}
      <Outcome {...feedback} />

      <form className="card" onSubmit={submit} aria-label={t('invite')}>
        <h2>{t('invite')}</h2>
        <div className="row">
          <EnumSelect name="inviteKind" label={t('kind')} labels={departmentKindLabels} value={kind} anyLabel={t('anyKind')} onChange={setKind} />
          <label>
            {t('region')}
            <input value={regionCode} inputMode="numeric" onChange={(e) => setRegionCode(e.target.value)} />
          </label>
          <RecordSelect
            name="inviteDepartment"
            label={t('department')}
            value={departmentId}
            emptyLabel={t('choose')}
            options={(invitable.data?.invitableDepartments ?? []).map((d) => ({ value: d.id, text: d.name }))}
            required
            onChange={setDepartmentId}
          />
        </div>
        <ErrorNotice error={invitable.error} />
        <label>
          {t('note')}
          <input name="inviteNote" value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={inviting.fetching}>
          {t('submit')}
        </button>
      </form>

      <h2>{t('participants')}</h2>
      {task.participants.length === 0 && <Empty />}
      {task.participants.map((p) => (
        <div key={p.id} className="card" data-testid="participant">
          <strong>{p.department.name}</strong> <span className="badge">{label('ParticipantStatus', p.status)}</span>
          <p className="muted">
            {t('invitedAt', { who: p.invitedBy ?? '—', at: formatDateTime(p.invitedAt, lang) })}
            {p.respondedAt && <> · {t('respondedAt', { who: p.respondedBy ?? '—', at: formatDateTime(p.respondedAt, lang) })}</>}
          </p>
          {p.note && <p>{p.note}</p>}
          {p.items.length > 0 && (
            <p>
              {t('items')}：{p.items.map((item) => item.name).join('、')}
            </p>
          )}
          {(p.status === 'INVITED' || p.status === 'CONFIRMED') && !drawScheduled && (
            <div className="actions">
              <input aria-label={t('withdrawReason')} placeholder={t('withdrawReason')} value={reasons[p.id] ?? ''} onChange={(e) => setReasons({ ...reasons, [p.id]: e.target.value })} />
              <ConfirmButton
                label={t('withdraw')}
                disabled={withdrawing.fetching || !(reasons[p.id] ?? '').trim()}
                onConfirm={async () => settle(await withdraw({ taskId, departmentId: p.department.id, reason: (reasons[p.id] ?? '').trim() }), t('withdrawn'), () => setReasons({ ...reasons, [p.id]: '' }))}
              />
            </div>
          )}
        </div>
      ))}
    </article>
  );
}
