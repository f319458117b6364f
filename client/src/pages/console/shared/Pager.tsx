import './console-shared.css';
import { defineMessages, useT } from '../../../i18n';

const messages = defineMessages(
  { range: '第 {from}–{to} 条，共 {total} 条', none: '共 0 条', previous: '上一页', next: '下一页', pageSize: '每页' },
  { range: '{from}–{to} of {total}', none: '0 records', previous: 'Previous', next: 'Next', pageSize: 'Per page' },
);

export const PAGE_SIZES = [20, 50, 100] as const;

/** Paging for `{ items, totalItems }` lists: the caller keeps skip and take. */
export function Pager({ skip, take, total, onChange }: { skip: number; take: number; total: number; onChange(skip: number, take: number): void }) {
  const t = useT(messages);
  return (
    <div className="row console-pager">
      <span className="muted">{total ? t('range', { from: skip + 1, to: Math.min(skip + take, total), total }) : t('none')}</span>
      <button type="button" disabled={skip === 0} onClick={() => onChange(Math.max(0, skip - take), take)}>
        {t('previous')}
      </button>
      <button type="button" disabled={skip + take >= total} onClick={() => onChange(skip + take, take)}>
        {t('next')}
      </button>
      <label className="inline">
        {t('pageSize')}
        <select value={take} onChange={(e) => onChange(0, Number(e.target.value))}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
