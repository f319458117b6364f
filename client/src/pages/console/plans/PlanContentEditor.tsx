import { FormEvent, ReactNode, useState } from 'react';
import type { CombinedError } from 'urql';
import type { PlanVersionInput } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { CheckboxGroup } from '../shared/Choices';
import { specialDirectoryLabels, targetTypeLabels } from '../shared/labels';
import { SaveError } from '../shared/SaveError';
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
export function PlanContentEditor({ initial, year, submitLabel, saving, error, onSubmit, onReload, children }: {
  initial: PlanContentForm;
  year: number;
  submitLabel: string;
  saving: boolean;
  error?: CombinedError | null;
  onSubmit(input: PlanVersionInput): void;
  onReload?(): void;
  children?: ReactNode;
}) {
  const t = useT(messages);
  const { items } = useItemChoices();
  const [form, setForm] = useState(initial);
  const set = <K extends keyof PlanContentForm>(key: K, value: PlanContentForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setBatch = (index: number, patch: Partial<BatchForm>) => set('batches', form.batches.map((b, i) => (i === index ? { ...b, ...patch } : b)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(planInputFromForm(form));
  };
  return (
    <form className="console-form" onSubmit={submit} aria-label={submitLabel}>
      {children}
      <label>
        {t('title')}
        <input name="title" value={form.title} required onChange={(e) => set('title', e.target.value)} />
      </label>
      <fieldset>
        <legend>{t('levelSplit')}</legend>
        <div className="row">
          {(['province', 'city', 'county'] as const).map((level) => (
            <label key={level}>
              {t(level)}
              <input type="number" step="any" min={0} max={100} name={`${level}Percent`} value={form[`${level}Percent`]} onChange={(e) => set(`${level}Percent`, e.target.value)} />
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('weights')}</legend>
        {form.regionalWeights.map((w, i) => (
          <div className="row" key={i}>
            <label>
              {t('regionCode')}
              <input value={w.regionCode} onChange={(e) => set('regionalWeights', form.regionalWeights.map((x, j) => (j === i ? { ...x, regionCode: e.target.value } : x)))} />
            </label>
            <label>
              {t('weight')}
              <input type="number" step="any" value={w.weight} onChange={(e) => set('regionalWeights', form.regionalWeights.map((x, j) => (j === i ? { ...x, weight: e.target.value } : x)))} />
            </label>
            <button type="button" onClick={() => set('regionalWeights', form.regionalWeights.filter((_, j) => j !== i))}>
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
              <button type="button" onClick={() => set('batches', form.batches.filter((_, j) => j !== i))}>
                {t('removeBatch')}
              </button>
            </div>
            <div className="grid2">
              <label>
                {t('batchName')}
                <input name="batchName" value={batch.name} required onChange={(e) => setBatch(i, { name: e.target.value })} />
              </label>
              <label>
                {t('estimated')}
                <input name="estimatedCount" type="number" min={0} value={batch.estimatedCount} required onChange={(e) => setBatch(i, { estimatedCount: e.target.value })} />
              </label>
              <label>
                {t('start')}
                <input name="startDate" type="date" value={batch.startDate} required onChange={(e) => setBatch(i, { startDate: e.target.value })} />
              </label>
              <label>
                {t('end')}
                <input name="endDate" type="date" value={batch.endDate} required onChange={(e) => setBatch(i, { endDate: e.target.value })} />
              </label>
              <label>
                {t('regions')}
                <input name="regionCodes" value={batch.regionCodes} onChange={(e) => setBatch(i, { regionCodes: e.target.value })} />
              </label>
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
      <SaveError error={error} onReload={onReload} />
      <button type="submit" className="primary" disabled={saving}>
        {submitLabel}
      </button>
    </form>
  );
}
