import { PickList } from '../../draw/PickList';
import { perSegmentUpTo, pickAt, PickBatches } from '../../draw/pick-batches';
import type { SegmentInfo } from '../../draw/event-log';
import { defineMessages, useT } from '../../i18n';

/** The draw as it happens: how many picks so far, each segment's progress, and every pick in order. */
const messages = defineMessages(
  {
    heading: '抽取过程',
    picks: '已抽取',
    of: '共 {total} 个',
    waiting: '随机数征集截止后，操作员揭晓密钥，抽取结果将逐个显示在这里。',
    segmentProgress: '{label}：{done} / {count}',
  },
  {
    heading: 'The draw',
    picks: 'Drawn so far',
    of: 'of {total}',
    waiting: 'After the entropy window closes, the operator reveals the secret and the picks appear here one by one.',
    segmentProgress: '{label}: {done} / {count}',
  },
);

export interface DrawProgressProps {
  segments: SegmentInfo[];
  picks: PickBatches;
  /** How many of the received picks to show (fewer while a small draw is paced). */
  shown: number;
  revealed: boolean;
  live: boolean;
}

export function DrawProgress({ segments, picks, shown, revealed, live }: DrawProgressProps) {
  const t = useT(messages);
  const total = segments.reduce((n, s) => n + s.count, 0);
  const done = perSegmentUpTo(picks, shown);
  return (
    <section className="card" data-testid="draw-progress">
      <h2>{t('heading')}</h2>
      <p className="pick-counter">
        {t('picks')} <strong data-testid="pick-count">{shown}</strong> <span className="muted">{t('of', { total })}</span>
      </p>
      {!revealed && <p className="muted">{t('waiting')}</p>}
      {segments.map((segment, i) => {
        const count = done[i] ?? 0;
        return (
          <div key={segment.label} className="segment-progress" data-testid="segment-progress" data-label={segment.label} data-done={count}>
            <span className="mono">{t('segmentProgress', { label: segment.label, done: count, count: segment.count })}</span>
            <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={segment.count} aria-valuenow={count}>
              <div style={{ width: `${segment.count ? (100 * count) / segment.count : 100}%` }} />
            </div>
          </div>
        );
      })}
      {revealed && (
        <PickList
          count={shown}
          follow={live}
          rowAt={(index) => {
            const pick = pickAt(picks, index);
            return { segment: segments[pick.segment]?.label ?? String(pick.segment), ordinal: pick.ordinal, id: pick.id, name: pick.name };
          }}
        />
      )}
    </section>
  );
}
