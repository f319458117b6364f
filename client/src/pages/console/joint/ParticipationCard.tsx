import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { ConsoleMyParticipationsQuery } from '../../../gql/graphql';
import { defineMessages, formatDateTime, useLang, useT } from '../../../i18n';
import { Link } from '../../../router';
import { ConfirmButton } from '../shared/ConfirmButton';
import { Outcome } from '../shared/Notices';
import { toggleValue } from '../shared/list-edit';
import { useFeedback } from '../shared/useFeedback';
import { useLabel } from '../shared/useLabel';
import { AddParticipantItemsMutation, OwnActiveItemsQuery, RespondToInvitationMutation, WithdrawParticipantMutation } from './joint-queries';

const messages = defineMessages(
  {
    invited: '{who} 于 {at} 邀请',
    responded: '{who} 于 {at} 答复',
    lead: '牵头部门',
    window: '执行期限',
    note: '留言',
    answerNote: '答复说明（可选）',
    confirm: '确认参加',
    decline: '拒绝参加',
    confirmed: '已确认参加，请添加本部门的检查事项。',
    declined: '已拒绝。',
    items: '本部门的检查事项',
    addItems: '添加所选事项',
    itemsAdded: '已添加检查事项。',
    withdrawReason: '退出理由（必填）',
    withdraw: '退出联合抽查',
    withdrawn: '已退出。',
    openTask: '查看任务',
  },
  {
    invited: 'invited by {who} at {at}',
    responded: 'answered by {who} at {at}',
    lead: 'Lead department',
    window: 'Window',
    note: 'Note',
    answerNote: 'Note with the answer (optional)',
    confirm: 'Confirm',
    decline: 'Decline',
    confirmed: 'Confirmed: now add our department’s items.',
    declined: 'Declined.',
    items: 'Our inspection items',
    addItems: 'Add the chosen items',
    itemsAdded: 'Items added.',
    withdrawReason: 'Reason for withdrawing (required)',
    withdraw: 'Withdraw from the joint task',
    withdrawn: 'Withdrawn.',
    openTask: 'Open the task',
  },
);

type Participation = ConsoleMyParticipationsQuery['myJointTaskParticipations'][number];

/** One invitation or participation of our department: answer it, add our items, or withdraw. */
export function ParticipationCard({ participation: p, onChanged }: { participation: Participation; onChanged: () => void }) {
  const t = useT(messages);
  const { lang } = useLang();
  const label = useLabel();
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [itemIds, setItemIds] = useState<string[]>([]);
  const { feedback, settle } = useFeedback(onChanged);
  const [responding, respond] = useMutation(RespondToInvitationMutation);
  const [adding, addItems] = useMutation(AddParticipantItemsMutation);
  const [withdrawing, withdraw] = useMutation(WithdrawParticipantMutation);
  const [ownItems] = useQuery({ query: OwnActiveItemsQuery, variables: { departmentId: p.department.id }, pause: p.status !== 'CONFIRMED' });
  const busy = responding.fetching || adding.fetching || withdrawing.fetching;

  return (
    <div className="card" data-testid="participation">
      <h3>
        {p.task ? <Link to={`/console/tasks?task=${p.task.id}`}>{p.taskName}</Link> : p.taskName} <span className="badge">{label('ParticipantStatus', p.status)}</span>
      </h3>
      {p.task && (
        <p>
          {t('lead')}：{p.task.department.name} · {t('window')}：{p.task.windowStart} — {p.task.windowEnd}
        </p>
      )}
      <p className="muted">
        {t('invited', { who: p.invitedBy ?? '—', at: formatDateTime(p.invitedAt, lang) })}
        {p.respondedAt && <> · {t('responded', { who: p.respondedBy ?? '—', at: formatDateTime(p.respondedAt, lang) })}</>}
      </p>
      {p.note && (
        <p>
          {t('note')}：{p.note}
        </p>
      )}
      {p.items.length > 0 && (
        <ul>
          {p.items.map((item) => (
            <li key={item.id}>
              {item.name} <span className="muted">v{item.version}</span>
            </li>
          ))}
        </ul>
      )}

      {p.status === 'INVITED' && (
        <div className="actions">
          <label>
            {t('answerNote')}
            <input name="answerNote" value={note} onChange={(e) => setNote(e.target.value)} />
          </label>
          <button type="button" className="primary" disabled={busy} onClick={async () => settle(await respond({ taskId: p.taskId, response: 'CONFIRM', note: note.trim() || null }), t('confirmed'))}>
            {t('confirm')}
          </button>
          <ConfirmButton label={t('decline')} disabled={busy} onConfirm={async () => settle(await respond({ taskId: p.taskId, response: 'DECLINE', note: note.trim() || null }), t('declined'))} />
        </div>
      )}

      {p.status === 'CONFIRMED' && (
        <>
          <fieldset className="checks">
            <legend>{t('items')}</legend>
            {(ownItems.data?.inspectionItems.items ?? []).map((item) => (
              <label key={item.id}>
                <input type="checkbox" checked={itemIds.includes(item.id)} onChange={() => setItemIds(toggleValue(itemIds, item.id))} />
                {item.code} {item.current.name}
              </label>
            ))}
          </fieldset>
          <button type="button" disabled={busy || itemIds.length === 0} onClick={async () => settle(await addItems({ taskId: p.taskId, itemIds }), t('itemsAdded'), () => setItemIds([]))}>
            {t('addItems')}
          </button>
        </>
      )}

      {p.status === 'CONFIRMED' && (
        <div className="actions">
          <label>
            {t('withdrawReason')}
            <input name="withdrawReason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <ConfirmButton
            label={t('withdraw')}
            disabled={busy || !reason.trim()}
            onConfirm={async () => settle(await withdraw({ taskId: p.taskId, departmentId: p.department.id, reason: reason.trim() }), t('withdrawn'), () => setReason(''))}
          />
        </div>
      )}
      <Outcome {...feedback} />
    </div>
  );
}
