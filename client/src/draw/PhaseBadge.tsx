import { defineMessages, useT } from '../i18n';
import type { DrawPhase } from './event-log';

const messages = defineMessages<DrawPhase>(
  { WAITING: '读取中', SCHEDULED: '已发布承诺，待开启', OPEN: '征集随机数中', DRAWING: '正在摇号', COMPLETED: '摇号完成，待确认', LOCKED: '结果已锁定', ANNOUNCED: '已公告', VOIDED: '已作废' },
  { WAITING: 'Loading', SCHEDULED: 'Committed, not open yet', OPEN: 'Collecting entropy', DRAWING: 'Drawing', COMPLETED: 'Drawn, awaiting confirmation', LOCKED: 'Locked', ANNOUNCED: 'Announced', VOIDED: 'Voided' },
);

/** A draw's state in words; live while it is open or drawing. */
export function PhaseBadge({ phase }: { phase: DrawPhase }) {
  const t = useT(messages);
  const live = phase === 'OPEN' || phase === 'DRAWING';
  return (
    <span className={`badge ${live ? 'live' : phase === 'ANNOUNCED' || phase === 'LOCKED' ? 'ok' : ''}`} data-testid="draw-phase" data-phase={phase}>
      {t(phase)}
    </span>
  );
}
