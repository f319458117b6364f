import type { ReactNode } from 'react';
import type { PlanVersionInput } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { CheckboxGroup } from '../shared/Choices';
import { specialDirectoryLabels, targetTypeLabels } from '../shared/labels';
import { patchAt, removeAt } from '../shared/list-edit';
import { RecordForm, RecordFormProps, TextField, useFormState } from '../shared/RecordForm';
import { useItemChoices } from '../shared/useItemChoices';
import { BatchForm, emptyBatch, PlanContentForm, planInputFromForm } from './plan-form';

const messages = defineMessages(
  {
    title: '计划名称', levelSplit: '分级抽查比例（省级统一、市级自行、县级自行，合计 100%）', province: '省级（%）', city: '市级（%）', county: '县级（%）',
    weights: '不同地区的抽查比重', regionCode: '行政区划代码', weight: '权重', addWeight: '添加地区', remove: '删除', batches: '抽查批次',
    batchN: '第 {n} 批次', batchName: '批次名称', items: '检查事项（本部门在用事项）', targetTypes: '对象类型（不选则按事项的对象类型）',
    special: '专项名录（选了则只含其中对象）', regions: '地区范围（行政区划代码，逗号分隔；留空为全辖区）', start: '开始日期', end: '结束日期',
    estimated: '预估抽查户数', addBatch: '添加批次', removeBatch: '删除此批次', noItems: '本部门尚无在用的检查事项，请先在“检查事项”中新增。',
  },
  {
    title: 'Title', levelSplit: 'Level split (province-wide, city, county; 100% in all)', province: 'Province (%)', city: 'City (%)', county: 'County (%)',
    weights: 'Regional weights', regionCode: 'Region code', weight: 'Weight', addWeight: 'Add a region', remove: 'Remove', batches: 'Batches',
    batchN: 'Batch {n}', batchName: 'Batch name', items: 'Items (active items of the department)', targetTypes: 'Target types (none: those of the items)',
    special: 'Special directories (if any: only targets in them)', regions: 'Regions (codes separated by commas; empty: the whole jurisdiction)',
    start: 'Start', end: 'End', estimated: 'Estimated targets', addBatch: 'Add a batch', removeBatch: 'Remove this batch',
    noItems: 'The department has no active items yet: add them under Catalog first.',
  },
);

/** The content of a plan version: title, level split, regional weights and batches. */
export function PlanContentEditor({ initial, year, submitLabel, saving, error, onSubmit, onReload, children }: RecordFormProps<PlanContentForm, PlanVersionInput> & {
  year: number;
  children?: ReactNode;
}) {
  const t = useT(messages);
  const { items } = useItemChoices();
  const [form, set] = useFormState(initial);
  const setBatch = (index: number, patch: Partial<BatchForm>) => set('batches', patchAt(form.batches, index, patch));
  const setWeight = (index: number, patch: Partial<PlanContentForm['regionalWeights'][number]>) => set('regionalWeights', patchAt(form.regionalWeights, index, patch));
  return (
    <RecordForm submitLabel={submitLabel} saving={saving} error={error} onReload={onReload} onSubmit={() => onSubmit(planInputFromForm(form))}>
      {children}
      <TextField name="title" label={t('title')} value={form.title} required onChange={(v) => set('title', v)} />
      <fieldset>
        <legend>{t('levelSplit')}</legend>
        <div className="row">
          {(['province', 'city', 'county'] as const).map((level) => (
            <TextField key={level} type="number" step="any" min={0} max={100} name={`${level}Percent`} label={t(level)} value={form[`${level}Percent`]} onChange={(v) => set(`${level}Percent`, v)} />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('weights')}</legend>
        {form.regionalWeights.map((w, i) => (
          <div className="row" key={i}>
            <TextField label={t('regionCode')} value={w.regionCode} onChange={(regionCode) => setWeight(i, { regionCode })} />
            <TextField type="number" step="any" label={t('weight')} value={w.weight} onChange={(weight) => setWeight(i, { weight })} />
            <button type="button" onClick={() => set('regionalWeights', removeAt(form.regionalWeights, i))}>
              {t('remove')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set('regionalWeights', [...form.regionalWeights, { regionCode: '', weight: '1' }])}>
          {t('addWeight')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('batches')}</legend>
        {!items.length && <p className="muted">{t('noItems')}</p>}
        {form.batches.map((batch, i) => (
          <div className="card" key={i} data-testid="batch-editor">
            <div className="row">
              <strong>{t('batchN', { n: i + 1 })}</strong>
              <button type="button" onClick={() => set('batches', removeAt(form.batches, i))}>
                {t('removeBatch')}
              </button>
            </div>
            <div className="grid2">
              <TextField name="batchName" label={t('batchName')} value={batch.name} required onChange={(name) => setBatch(i, { name })} />
              <TextField name="estimatedCount" type="number" min={0} label={t('estimated')} value={batch.estimatedCount} required onChange={(estimatedCount) => setBatch(i, { estimatedCount })} />
              <TextField name="startDate" type="date" label={t('start')} value={batch.startDate} required onChange={(startDate) => setBatch(i, { startDate })} />
              <TextField name="endDate" type="date" label={t('end')} value={batch.endDate} required onChange={(endDate) => setBatch(i, { endDate })} />
              <TextField name="regionCodes" label={t('regions')} value={batch.regionCodes} onChange={(regionCodes) => setBatch(i, { regionCodes })} />
            </div>
            <fieldset>
              <legend>{t('items')}</legend>
              <div className="checkbox-grid">
                {items.map((item) => (
                  <label key={item.id} className="check">
                    <input
                      type="checkbox"
                      name="batchItem"
                      value={item.id}
                      checked={batch.itemIds.includes(item.id)}
                      onChange={(e) => setBatch(i, { itemIds: e.target.checked ? [...batch.itemIds, item.id] : batch.itemIds.filter((x) => x !== item.id) })}
                    />
                    {item.code} {item.current.name}
                  </label>
                ))}
              </div>
            </fieldset>
            <CheckboxGroup name="batchTargetTypes" legend={t('targetTypes')} labels={targetTypeLabels} value={batch.targetTypes} onChange={(v) => setBatch(i, { targetTypes: v })} />
            <CheckboxGroup name="batchSpecial" legend={t('special')} labels={specialDirectoryLabels} value={batch.specialDirectories} onChange={(v) => setBatch(i, { specialDirectories: v })} />
          </div>
        ))}
        <button type="button" onClick={() => set('batches', [...form.batches, emptyBatch(year)])}>
          {t('addBatch')}
        </button>
      </fieldset>
    </RecordForm>
  );
}
