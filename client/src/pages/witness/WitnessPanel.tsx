import { useMutation } from 'urql';
import type { DrawPhase, Witness } from '../../draw/event-log';
import { defineMessages, useT } from '../../i18n';
import { ErrorNotice } from '../../ui/common';
import { AcknowledgeDrawMutation, JoinDrawMutation } from './room-queries';

/** Who witnesses the draw, who is present, and the viewer's own part: joining, and acknowledging the result. */
const messages = defineMessages(
  {
    heading: '见证人',
    none: '尚未邀请见证人',
    present: '已到场',
    absent: '未到场',
    acknowledged: '已确认结果',
    join: '我已到场，加入见证',
    joining: '正在加入…',
    you: '您以见证人 {name}（{organisation}）的身份在场。',
    acknowledge: '确认摇号结果',
    acknowledgedYou: '您已确认本次摇号结果。',
    joinHint: '加入后即可提交随机数；到场情况对所有人可见。',
  },
  {
    heading: 'Witnesses',
    none: 'No witness invited yet',
    present: 'Present',
    absent: 'Not present',
    acknowledged: 'Acknowledged the result',
    join: 'I am here: join as witness',
    joining: 'Joining…',
    you: 'You are present as witness {name} ({organisation}).',
    acknowledge: 'Acknowledge the result',
    acknowledgedYou: "You have acknowledged this draw's result.",
    joinHint: 'Once joined you can contribute entropy; everyone sees who is present.',
  },
);

export interface Me {
  id: string;
  displayName: string;
  organisation: string;
  acknowledgedAt?: string | null;
}

export interface WitnessPanelProps {
  drawId: string;
  inviteToken: string | null;
  witnesses: Witness[];
  phase: DrawPhase;
  /** Whether the viewer may be a witness (an invitation link, or a signed-in witness). */
  canWitness: boolean;
  me: Me | null;
  onMe(me: Me): void;
}

const JOINABLE: DrawPhase[] = ['SCHEDULED', 'OPEN', 'DRAWING', 'COMPLETED'];
const ACKNOWLEDGEABLE: DrawPhase[] = ['LOCKED', 'ANNOUNCED'];

export function WitnessPanel({ drawId, inviteToken, witnesses, phase, canWitness, me, onMe }: WitnessPanelProps) {
  const t = useT(messages);
  const [joining, join] = useMutation(JoinDrawMutation);
  const [acknowledging, acknowledge] = useMutation(AcknowledgeDrawMutation);
  const mine = me ? witnesses.find((w) => w.id === me.id) : undefined;
  const acknowledged = !!me?.acknowledgedAt || !!mine?.acknowledged;

  const doJoin = async () => {
    const result = await join({ drawId, inviteToken });
    if (result.data) onMe(result.data.joinDraw);
  };
  const doAcknowledge = async () => {
    const result = await acknowledge({ drawId, inviteToken });
    if (result.data) onMe(result.data.acknowledgeDraw);
  };

  return (
    <section className="card" data-testid="witnesses">
      <h2>{t('heading')}</h2>
      {witnesses.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ul className="witness-list">
          {witnesses.map((w) => (
            <li key={w.id} data-testid="witness" data-joined={w.joined}>
              <strong>{w.displayName}</strong> <span className="muted">{w.organisation}</span>{' '}
              <span className={`badge ${w.joined ? 'ok' : ''}`}>{w.acknowledged ? t('acknowledged') : w.joined ? t('present') : t('absent')}</span>
            </li>
          ))}
        </ul>
      )}
      {me && (
        <p className="ok" data-testid="me">
          {t('you', { name: me.displayName, organisation: me.organisation })}
        </p>
      )}
      {canWitness && !me && JOINABLE.includes(phase) && (
        <div>
          <button type="button" className="primary" data-testid="join-draw" onClick={doJoin} disabled={joining.fetching}>
            {joining.fetching ? t('joining') : t('join')}
          </button>
          <p className="muted small">{t('joinHint')}</p>
        </div>
      )}
      <ErrorNotice error={joining.error} />
      {canWitness && ACKNOWLEDGEABLE.includes(phase) &&
        (acknowledged ? (
          <p className="ok">{t('acknowledgedYou')}</p>
        ) : (
          <button type="button" className="primary" data-testid="acknowledge-draw" onClick={doAcknowledge} disabled={acknowledging.fetching}>
            {t('acknowledge')}
          </button>
        ))}
      <ErrorNotice error={acknowledging.error} />
    </section>
  );
}
