import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { defineMessages, useT } from '../../../i18n';
import { ErrorNotice } from '../../../ui/common';
import { Outcome } from '../shared/Notices';
import { toggleValue } from '../shared/list-edit';
import { AppointCandidatesQuery, AppointTeamMutation } from './team-queries';

const messages = defineMessages(
  {
    heading: '直接指定检查组',
    pick: '选择执法检查人员（先选者为组长）',
    leader: '组长',
    reason: '指定理由（必填，记入记录）',
    submit: '指定检查组',
    appointed: '检查组已指定。',
  },
  {
    heading: 'Appoint the team',
    pick: 'Choose inspectors (the first chosen leads)',
    leader: 'leader',
    reason: 'Reason (required, recorded)',
    submit: 'Appoint the team',
    appointed: 'Team appointed.',
  },
);

/** `appointTeam` for a visit the draw could not staff: chosen by hand, with the reason recorded. */
export function AppointTeamForm({ visitId, windowStart, onAppointed }: { visitId: string; windowStart: string; onAppointed: () => void }) {
  const t = useT(messages);
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [candidates] = useQuery({ query: AppointCandidatesQuery, variables: { on: windowStart }, pause: !open });
  const [result, appoint] = useMutation(AppointTeamMutation);
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('heading')}
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await appoint({ visitId, inspectorIds: picked, reason: reason.trim() });
    if (outcome.data) onAppointed();
  };
  return (
    <form onSubmit={submit} aria-label={t('heading')}>
      <h4>{t('heading')}</h4>
      <ErrorNotice error={candidates.error} />
      <fieldset className="checks scroll">
        <legend>{t('pick')}</legend>
        {(candidates.data?.inspectors.items ?? []).map((inspector) => (
          <label key={inspector.id}>
            <input type="checkbox" checked={picked.includes(inspector.id)} onChange={() => setPicked(toggleValue(picked, inspector.id))} />
            {inspector.name} <span className="muted">{inspector.department.name}</span>
            {picked[0] === inspector.id && <span className="badge">{t('leader')}</span>}
          </label>
        ))}
      </fieldset>
      <label>
        {t('reason')}
        <input name="appointReason" value={reason} onChange={(e) => setReason(e.target.value)} required />
      </label>
      <button type="submit" className="primary" disabled={result.fetching || picked.length === 0}>
        {t('submit')}
      </button>
      <Outcome error={result.error} success={result.data ? t('appointed') : null} />
    </form>
  );
}
