import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { defineMessages, formatDateTime, useLang, useT } from '../../../i18n';
import { Empty, ErrorNotice } from '../../../ui/common';
import { Outcome } from '../shared/Notices';
import { useFeedback } from '../shared/useFeedback';
import { useLabel } from '../shared/useLabel';
import { ApproveMemberChangeMutation, MemberChangesQuery, RejectMemberChangeMutation, RequestRecusalMutation, RequestReplacementMutation } from './team-queries';
import type { TeamVisitView } from './VisitTeam';

const messages = defineMessages(
  {
    request: '申请变更',
    member: '检查人员',
    kind: '变更方式',
    replace: '更换（第二十二条）',
    recuseLeave: '回避：退出并补抽（第二十三条）',
    recuseSwap: '回避：与同一任务其他检查的人员互换检查对象',
    swapVisit: '互换的检查',
    swapMember: '互换的人员',
    reason: '理由（必填）',
    submit: '提交申请',
    requested: '已提交，待组长或分管领导审批。',
    list: '变更记录',
    by: '{who} 于 {at} 申请',
    decided: '{who} 于 {at} 决定',
    replacement: '替补：{name}',
    approve: '批准',
    reject: '驳回',
    rejectReason: '驳回理由',
    approved: '已批准，变更已执行。',
    rejected: '已驳回。',
    choose: '请选择',
  },
  {
    request: 'Request a change',
    member: 'Inspector',
    kind: 'Change',
    replace: 'Replacement (Art. 22)',
    recuseLeave: 'Recusal: leave and be replaced (Art. 23)',
    recuseSwap: 'Recusal: swap targets with an inspector of another visit of the same task',
    swapVisit: 'Visit to swap with',
    swapMember: 'Inspector to swap with',
    reason: 'Reason (required)',
    submit: 'Submit the request',
    requested: 'Requested; awaiting the leader’s or reviewing leader’s decision.',
    list: 'Changes',
    by: 'requested by {who} at {at}',
    decided: 'decided by {who} at {at}',
    replacement: 'Replacement: {name}',
    approve: 'Approve',
    reject: 'Reject',
    rejectReason: 'Reason for rejecting',
    approved: 'Approved; the change is made.',
    rejected: 'Rejected.',
    choose: 'Choose',
  },
);

type Kind = 'REPLACE' | 'RECUSE_LEAVE' | 'RECUSE_SWAP';

/** A visit's member changes: request a replacement or a recusal with the reason; the leader decides. */
export function MemberChanges({ visit, otherVisits, onChanged }: { visit: TeamVisitView; otherVisits: TeamVisitView[]; onChanged: () => void }) {
  const t = useT(messages);
  const { lang } = useLang();
  const label = useLabel();
  const [changes, refetch] = useQuery({ query: MemberChangesQuery, variables: { visitId: visit.id }, requestPolicy: 'network-only' });
  const [inspectorId, setInspectorId] = useState('');
  const [kind, setKind] = useState<Kind>('REPLACE');
  const [swapVisitId, setSwapVisitId] = useState('');
  const [swapInspectorId, setSwapInspectorId] = useState('');
  const [reason, setReason] = useState('');
  const [rejectReason, setRejectReason] = useState('');
  const { feedback, clear, settle } = useFeedback(() => {
    refetch({ requestPolicy: 'network-only' });
    onChanged();
  });
  const [requestingReplacement, requestReplacement] = useMutation(RequestReplacementMutation);
  const [requestingRecusal, requestRecusal] = useMutation(RequestRecusalMutation);
  const [approving, approve] = useMutation(ApproveMemberChangeMutation);
  const [rejecting, reject] = useMutation(RejectMemberChangeMutation);
  const busy = requestingReplacement.fetching || requestingRecusal.fetching || approving.fetching || rejecting.fetching;
  const swapVisit = otherVisits.find((v) => v.id === swapVisitId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    const base = { visitId: visit.id, inspectorId, reason: reason.trim() };
    const outcome =
      kind === 'REPLACE'
        ? await requestReplacement(base)
        : await requestRecusal({ ...base, swapWith: kind === 'RECUSE_SWAP' ? { visitId: swapVisitId, inspectorId: swapInspectorId } : null });
    settle(outcome, t('requested'), () => setReason(''));
  };

  return (
    <div>
      <form onSubmit={submit} aria-label={t('request')}>
        <h4>{t('request')}</h4>
        <div className="row">
          <label>
            {t('member')}
            <select name="changeInspector" value={inspectorId} onChange={(e) => setInspectorId(e.target.value)} required>
              <option value="">{t('choose')}</option>
              {visit.members.map((m) =>
                m.inspector ? (
                  <option key={m.id} value={m.inspector.id}>
                    {m.inspector.name}（{label('VisitMemberRole', m.role)}）
                  </option>
                ) : null,
              )}
            </select>
          </label>
          <label>
            {t('kind')}
            <select name="changeKind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
              <option value="REPLACE">{t('replace')}</option>
              <option value="RECUSE_LEAVE">{t('recuseLeave')}</option>
              {otherVisits.length > 0 && <option value="RECUSE_SWAP">{t('recuseSwap')}</option>}
            </select>
          </label>
        </div>
        {kind === 'RECUSE_SWAP' && (
          <div className="row">
            <label>
              {t('swapVisit')}
              <select value={swapVisitId} onChange={(e) => setSwapVisitId(e.target.value)} required>
                <option value="">{t('choose')}</option>
                {otherVisits.map((v) => (
                  <option key={v.id} value={v.id}>
                    {v.target?.name ?? v.publicId}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('swapMember')}
              <select value={swapInspectorId} onChange={(e) => setSwapInspectorId(e.target.value)} required>
                <option value="">{t('choose')}</option>
                {(swapVisit?.members ?? []).map((m) =>
                  m.inspector ? (
                    <option key={m.id} value={m.inspector.id}>
                      {m.inspector.name}
                    </option>
                  ) : null,
                )}
              </select>
            </label>
          </div>
        )}
        <label>
          {t('reason')}
          <input name="changeReason" value={reason} onChange={(e) => setReason(e.target.value)} required />
        </label>
        <button type="submit" disabled={busy}>
          {t('submit')}
        </button>
      </form>
      <Outcome {...feedback} />

      <h4>{t('list')}</h4>
      <ErrorNotice error={changes.error} />
      {changes.data?.memberChanges.length === 0 && <Empty />}
      <ul>
        {(changes.data?.memberChanges ?? []).map((change) => (
          <li key={change.id}>
            <span className="badge">{label('MemberChangeStatus', change.status)}</span> {label('MemberChangeKind', change.kind)} · {change.inspector?.name} · {change.reason}{' '}
            <span className="muted">{t('by', { who: change.requestedBy ?? '—', at: formatDateTime(change.requestedAt, lang) })}</span>
            {change.decidedAt && <span className="muted"> · {t('decided', { who: change.decidedBy ?? '—', at: formatDateTime(change.decidedAt, lang) })}</span>}
            {change.replacementInspector && <span> · {t('replacement', { name: change.replacementInspector.name })}</span>}
            {change.status === 'REQUESTED' && (
              <div className="actions">
                <button type="button" className="primary" disabled={busy} onClick={async () => settle(await approve({ changeId: change.id }), t('approved'))}>
                  {t('approve')}
                </button>
                <input aria-label={t('rejectReason')} placeholder={t('rejectReason')} value={rejectReason} onChange={(e) => setRejectReason(e.target.value)} />
                <button type="button" disabled={busy} onClick={async () => settle(await reject({ changeId: change.id, reason: rejectReason.trim() || null }), t('rejected'), () => setRejectReason(''))}>
                  {t('reject')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
