import { FormEvent, useEffect, useState } from 'react';
import { toDataURL } from 'qrcode';
import { useMutation } from 'urql';
import { defineMessages, formatDateTime, useLang, useT } from '../../../i18n';
import { Outcome } from '../shared/Notices';
import { InviteWitnessMutation } from './draw-queries';
import { inviteLink } from './draw-rules';

const messages = defineMessages(
  {
    heading: '邀请见证人',
    name: '见证人姓名',
    organisation: '单位',
    organisationDefault: '派驻纪检组',
    hours: '邀请有效期（小时）',
    submit: '生成邀请链接',
    once: '邀请链接只显示这一次，请现在复制或让见证人扫描二维码。',
    link: '邀请链接',
    copy: '复制链接',
    copied: '已复制',
    copyFailed: '浏览器不允许自动复制，请选中链接手动复制。',
    qr: '邀请二维码',
    expires: '有效至 {at}',
    invited: '已邀请 {name}。',
  },
  {
    heading: 'Invite a witness',
    name: 'Witness name',
    organisation: 'Organisation',
    organisationDefault: 'Discipline inspection group',
    hours: 'Valid for (hours)',
    submit: 'Make an invitation link',
    once: 'The link is shown only this once: copy it now or let the witness scan the QR code.',
    link: 'Invitation link',
    copy: 'Copy link',
    copied: 'Copied',
    copyFailed: 'The browser does not allow copying: select the link and copy it by hand.',
    qr: 'Invitation QR code',
    expires: 'valid until {at}',
    invited: '{name} invited.',
  },
);

interface Invitation {
  link: string;
  name: string;
  expiresAt: string | null;
}

/** `inviteWitness` by link: the link (shown once) with a QR code and a copy button. */
export function WitnessInvite({ drawId, onInvited }: { drawId: string; onInvited: () => void }) {
  const t = useT(messages);
  const { lang } = useLang();
  const [displayName, setDisplayName] = useState('');
  const [organisation, setOrganisation] = useState(() => t('organisationDefault'));
  const [validHours, setValidHours] = useState('24');
  const [result, invite] = useMutation(InviteWitnessMutation);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setInvitation(null);
    const outcome = await invite({ drawId, input: { displayName: displayName.trim(), organisation: organisation.trim(), validHours: Number(validHours) } });
    const made = outcome.data?.inviteWitness;
    if (made?.invitePath) {
      setInvitation({ link: inviteLink(window.location.origin, made.invitePath), name: made.witness.displayName, expiresAt: made.witness.inviteExpiresAt ?? null });
      setDisplayName('');
      onInvited();
    }
  };
  return (
    <section className="card">
      <h3>{t('heading')}</h3>
      <form onSubmit={submit} className="row" aria-label={t('heading')}>
        <label>
          {t('name')}
          <input name="witnessName" value={displayName} onChange={(e) => setDisplayName(e.target.value)} required />
        </label>
        <label>
          {t('organisation')}
          <input name="witnessOrganisation" value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
        </label>
        <label>
          {t('hours')}
          <input type="number" name="validHours" min={1} max={336} value={validHours} onChange={(e) => setValidHours(e.target.value)} required />
        </label>
        <label>
          <button type="submit" disabled={result.fetching}>
            {t('submit')}
          </button>
        </label>
      </form>
      <Outcome error={result.error} success={invitation ? t('invited', { name: invitation.name }) : null} />
      {invitation && <InvitationLink invitation={invitation} expires={invitation.expiresAt ? t('expires', { at: formatDateTime(invitation.expiresAt, lang) }) : ''} />}
    </section>
  );
}

function InvitationLink({ invitation, expires }: { invitation: Invitation; expires: string }) {
  const t = useT(messages);
  const [qr, setQr] = useState<string | null>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    let current = true;
    toDataURL(invitation.link, { margin: 1, width: 360 }).then((url) => current && setQr(url), () => current && setQr(null));
    return () => {
      current = false;
    };
  }, [invitation.link]);
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(invitation.link);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };
  return (
    <div className="warn" data-testid="witness-invitation">
      <p>{t('once')}</p>
      <label>
        {t('link')} <span className="muted">{expires}</span>
        <input readOnly value={invitation.link} name="inviteLink" onFocus={(e) => e.target.select()} />
      </label>
      <div className="actions">
        <button type="button" onClick={copyLink}>
          {copy === 'copied' ? t('copied') : t('copy')}
        </button>
        {copy === 'failed' && <span className="muted">{t('copyFailed')}</span>}
      </div>
      {qr && (
        <div className="qr">
          <img src={qr} alt={t('qr')} />
        </div>
      )}
    </div>
  );
}
