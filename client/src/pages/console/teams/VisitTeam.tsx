import { useState } from 'react';
import { defineMessages, useT } from '../../../i18n';
import { Link } from '../../../router';
import { useLabel } from '../shared/useLabel';
import { MemberChanges } from './MemberChanges';

const messages = defineMessages(
  { window: '检查期限', noTeam: '尚无检查组', changes: '成员变更', hide: '收起', lead: '牵头部门' },
  { window: 'Window', noTeam: 'No team yet', changes: 'Member changes', hide: 'Hide', lead: 'Led by' },
);

export interface TeamVisitView {
  id: string;
  publicId: string;
  status: string;
  windowStart: string;
  windowEnd: string;
  target?: { name: string; address: string } | null;
  leadDepartment: { id: string; name: string };
  members: { id: string; role: string; source: string; inspector?: { id: string; name: string } | null; department?: { name: string } | null }[];
}

/** One visit's team, with its replacement and recusal requests behind a toggle. */
export function VisitTeam({ visit, sameDrawVisits, onChanged }: { visit: TeamVisitView; sameDrawVisits: TeamVisitView[]; onChanged: () => void }) {
  const t = useT(messages);
  const label = useLabel();
  const [open, setOpen] = useState(false);
  return (
    <div className="card" data-testid="visit-team">
      <div>
        <Link to={`/console/visits?visit=${visit.id}`}>
          <strong>{visit.target?.name ?? visit.publicId}</strong>
        </Link>{' '}
        <span className="badge">{label('VisitStatus', visit.status)}</span>{' '}
        <span className="muted">
          {t('window')} {visit.windowStart} — {visit.windowEnd} · {t('lead')} {visit.leadDepartment.name}
        </span>
      </div>
      {visit.members.length === 0 ? (
        <p className="muted">{t('noTeam')}</p>
      ) : (
        <ul>
          {visit.members.map((m) => (
            <li key={m.id}>
              <span className="badge">{label('VisitMemberRole', m.role)}</span> {m.inspector?.name ?? '—'} <span className="muted">{m.department?.name} · {label('VisitMemberSource', m.source)}</span>
            </li>
          ))}
        </ul>
      )}
      {visit.members.length > 0 && (
        <button type="button" className="link" onClick={() => setOpen(!open)}>
          {open ? t('hide') : t('changes')}
        </button>
      )}
      {open && <MemberChanges visit={visit} otherVisits={sameDrawVisits.filter((v) => v.id !== visit.id && v.members.length > 0)} onChanged={onChanged} />}
    </div>
  );
}
