import { defineMessages, useT } from '../i18n';
import { VirtualList } from './VirtualList';
import './draw.css';

/** The drawn targets in draw order, as a windowed list: number, segment, public id, name. */
export interface PickListRow {
  segment: string;
  /** 0-based position within the segment. */
  ordinal: number;
  id: string;
  name: string;
}

const messages = defineMessages(
  { label: '抽中对象', number: '序号', segment: '分段', id: '对象编号', name: '名称', none: '尚无抽中对象' },
  { label: 'Drawn targets', number: 'No.', segment: 'Segment', id: 'Public id', name: 'Name', none: 'Nothing drawn yet' },
);

const ROW_HEIGHT = 30;

export function PickList({ count, rowAt, follow = false, height = 420 }: { count: number; rowAt(index: number): PickListRow; follow?: boolean; height?: number }) {
  const t = useT(messages);
  return (
    <div className="pick-list">
      <div className="pick-row pick-head" aria-hidden="true">
        <span>{t('number')}</span>
        <span>{t('segment')}</span>
        <span>{t('id')}</span>
        <span>{t('name')}</span>
      </div>
      {count === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <VirtualList
          count={count}
          rowHeight={ROW_HEIGHT}
          height={Math.min(height, count * ROW_HEIGHT + 2)}
          follow={follow}
          label={t('label')}
          testId="pick-list"
          row={(index) => {
            const pick = rowAt(index);
            return (
              <div className="pick-row" data-testid="pick-row" data-index={index} data-segment={pick.segment} data-id={pick.id}>
                <span className="num">{index + 1}</span>
                <span className="mono" title={`${pick.segment} #${pick.ordinal + 1}`}>
                  {pick.segment} #{pick.ordinal + 1}
                </span>
                <span className="mono">{pick.id}</span>
                <span className="name">{pick.name}</span>
              </div>
            );
          }}
        />
      )}
    </div>
  );
}
