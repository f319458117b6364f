import { useState } from 'react';
import type { CombinedError } from '@urql/core';
import { useMutation } from 'urql';
import { defineMessages, useT } from '../../../i18n';
import { ConfirmButton } from '../shared/ConfirmButton';
import { Outcome } from '../shared/Notices';
import { useFeedback } from '../shared/useFeedback';
import { LockDrawMutation, OpenDrawMutation, RevealDrawMutation, VoidDrawMutation } from './draw-queries';
import { allowedActions, formatCountdown, isFinal } from './draw-rules';
import { useNow } from './use-now';

const messages = defineMessages(
  {
    open: '开放见证',
    reveal: '开始摇号',
    lock: '锁定结果',
    void: '作废摇号',
    voidReason: '作废理由（必填，将公开）',
    beacon: '公开随机源数值（{source}）',
    waiting: '见证随机数 {left} 后截止，截止后方可开始摇号。',
    opened: '已开放见证，见证人可加入并提交随机数。',
    revealed: '已开始摇号，结果按节奏逐批揭晓。',
    locked: '结果已锁定，任务公告已发布。',
    voided: '摇号已作废，理由已公开。',
    lockNote: '锁定后结果不能再作废，抽中的检查对象形成检查。',
  },
  {
    open: 'Open to witnesses',
    reveal: 'Start the draw',
    lock: 'Lock the result',
    void: 'Void the draw',
    voidReason: 'Reason for voiding (required, published)',
    beacon: 'Beacon value ({source})',
    waiting: 'Witness entropy closes in {left}; the draw can start after that.',
    opened: 'Open: witnesses may join and add entropy.',
    revealed: 'The draw has started; picks are revealed batch by batch.',
    locked: 'Result locked; the task announcement is published.',
    voided: 'The draw is void; the reason is published.',
    lockNote: 'A locked result can no longer be voided; the drawn targets become visits.',
  },
);

/** The operator's buttons for the draw's current state; each answer (or error with its code) is shown. */
export function DrawActions({ draw }: { draw: { id: string; status: string; entropyClosesAt: string; beaconSource: string } }) {
  const t = useT(messages);
  const now = useNow(draw.status === 'OPEN');
  const allowed = allowedActions(draw, now);
  const [beacon, setBeacon] = useState('');
  const [reason, setReason] = useState('');
  const { feedback, clear, settle } = useFeedback();
  const [opening, open] = useMutation(OpenDrawMutation);
  const [revealing, reveal] = useMutation(RevealDrawMutation);
  const [locking, lock] = useMutation(LockDrawMutation);
  const [voiding, voidDraw] = useMutation(VoidDrawMutation);
  const busy = opening.fetching || revealing.fetching || locking.fetching || voiding.fetching;

  const run = async (send: () => Promise<{ error?: CombinedError; data?: unknown }>, success: string, after?: () => void) => {
    clear();
    settle(await send(), success, after);
  };

  // A locked or voided draw has no actions left; the answer to the last one stays in view.
  if (isFinal(draw.status) && !feedback.success && !feedback.error) return null;
  return (
    <section className="card" aria-label="draw-actions">
      <div className="actions">
        {allowed.open && (
          <button type="button" className="primary" disabled={busy} onClick={() => run(() => open({ id: draw.id }), t('opened'))}>
            {t('open')}
          </button>
        )}
        {draw.status === 'OPEN' && (
          <>
            {draw.beaconSource && (
              <label>
                {t('beacon', { source: draw.beaconSource })}
                <input name="beacon" value={beacon} onChange={(e) => setBeacon(e.target.value)} />
              </label>
            )}
            <button type="button" className="primary" disabled={busy || !allowed.reveal} onClick={() => run(() => reveal({ id: draw.id, beacon: beacon.trim() || null }), t('revealed'))}>
              {t('reveal')}
            </button>
            {!allowed.reveal && <span className="muted">{t('waiting', { left: formatCountdown(allowed.revealWaitMs) })}</span>}
          </>
        )}
        {allowed.lock && (
          <>
            <span className="muted">{t('lockNote')}</span>
            <ConfirmButton className="primary" label={t('lock')} disabled={busy} onConfirm={() => run(() => lock({ id: draw.id }), t('locked'))} />
          </>
        )}
      </div>
      {allowed.void && (
        <div className="actions">
          <label>
            {t('voidReason')}
            <input name="voidReason" value={reason} onChange={(e) => setReason(e.target.value)} size={40} />
          </label>
          <ConfirmButton label={t('void')} disabled={busy || !reason.trim()} onConfirm={() => run(() => voidDraw({ id: draw.id, reason: reason.trim() }), t('voided'), () => setReason(''))} />
        </div>
      )}
      <Outcome {...feedback} />
    </section>
  );
}
