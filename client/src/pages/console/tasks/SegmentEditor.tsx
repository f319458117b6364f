import { defineMessages, useT } from '../../../i18n';
import { riskLevelLabels, specialDirectoryLabels, targetTypeLabels, valuesOf } from '../shared/labels';
import { toggleValue } from '../shared/list-edit';
import { useLabel } from '../shared/useLabel';
import { SegmentDraft } from './task-form';

const messages = defineMessages(
  {
    label: '分段标签（字母、数字和 . _ : / -）',
    region: '行政区划代码（含下级，留空为全部）',
    types: '对象类型（不选为不限）',
    directories: '专项名录（不选为不限）',
    risk: '风险等级（不选为不限）',
    ratio: '按比例（%）',
    count: '按数量（户）',
    amount: '比例或数量',
    remove: '删除此分段',
  },
  {
    label: 'Label (letters, digits and . _ : / -)',
    region: 'Region code (with everything in it; empty: all)',
    types: 'Target types (none: any)',
    directories: 'Special directories (none: any)',
    risk: 'Risk levels (none: any)',
    ratio: 'Ratio (%)',
    count: 'Count',
    amount: 'Ratio or count',
    remove: 'Remove this segment',
  },
);

/** One segment of a task: its pool filter and its ratio or count. */
export function SegmentEditor({ segment, onChange, onRemove }: { segment: SegmentDraft; onChange: (next: SegmentDraft) => void; onRemove?: () => void }) {
  const t = useT(messages);
  const label = useLabel();
  const set = (patch: Partial<SegmentDraft>) => onChange({ ...segment, ...patch });
  return (
    <div className="segment-draft">
      <div className="row">
        <label>
          {t('label')}
          <input name="segment-label" value={segment.label} onChange={(e) => set({ label: e.target.value })} required />
        </label>
        <label>
          {t('region')}
          <input name="segment-region" value={segment.regionCode} inputMode="numeric" onChange={(e) => set({ regionCode: e.target.value })} />
        </label>
      </div>
      <fieldset className="checks">
        <legend>{t('types')}</legend>
        {valuesOf(targetTypeLabels).map((value) => (
          <label key={value}>
            <input type="checkbox" checked={segment.types.includes(value)} onChange={() => set({ types: toggleValue(segment.types, value) })} />
            {label('TargetType', value)}
          </label>
        ))}
      </fieldset>
      <fieldset className="checks">
        <legend>{t('directories')}</legend>
        {valuesOf(specialDirectoryLabels).map((value) => (
          <label key={value}>
            <input type="checkbox" checked={segment.specialDirectories.includes(value)} onChange={() => set({ specialDirectories: toggleValue(segment.specialDirectories, value) })} />
            {label('SpecialDirectory', value)}
          </label>
        ))}
      </fieldset>
      <fieldset className="checks">
        <legend>{t('risk')}</legend>
        {valuesOf(riskLevelLabels).map((value) => (
          <label key={value}>
            <input type="checkbox" checked={segment.riskLevels.includes(value)} onChange={() => set({ riskLevels: toggleValue(segment.riskLevels, value) })} />
            {label('RiskLevel', value)}
          </label>
        ))}
      </fieldset>
      <div className="row">
        <label className="inline">
          <input type="radio" checked={segment.mode === 'ratio'} onChange={() => set({ mode: 'ratio' })} />
          {t('ratio')}
        </label>
        <label className="inline">
          <input type="radio" checked={segment.mode === 'count'} onChange={() => set({ mode: 'count' })} />
          {t('count')}
        </label>
        <label>
          {t('amount')}
          <input name="segment-amount" type="number" min={0} step="any" value={segment.amount} onChange={(e) => set({ amount: e.target.value })} required />
        </label>
        {onRemove && (
          <button type="button" onClick={onRemove}>
            {t('remove')}
          </button>
        )}
      </div>
    </div>
  );
}
