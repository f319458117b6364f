import { FormEvent, useState } from 'react';
import type { CombinedError } from 'urql';
import type { InspectionItemInput } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { CategorySelect } from '../shared/CategoryPicker';
import { CheckboxGroup, EnumSelect } from '../shared/Choices';
import { checkMethodLabels, itemKindLabels, regionLevelLabels, targetTypeLabels } from '../shared/labels';
import { SaveError } from '../shared/SaveError';
import { CheckPointState, emptyCheckPoint, ItemFormState, itemInputFromForm } from './item-form';

export const itemFieldMessages = defineMessages(
  {
    code: '事项编码', codeFixed: '事项编码（修订时不变）', name: '事项名称', categoryCode: '事项类别', kind: '事项类型', targetTypes: '检查对象类型',
    checkContent: '检查内容', methods: '检查方式', ratioMinPercent: '抽查比例下限（%）', ratioMaxPercent: '抽查比例上限（%）',
    capHint: '一般检查事项须设比例上限；重点检查事项不设上限。', noCap: '重点检查事项不设比例上限', frequencyPerYear: '抽查频次（次/年）',
    responsibleUnit: '责任单位（如：农业综合行政执法队）', level: '实施层级', legalBasis: '检查依据', checkForms: '检查表单', formName: '表单名称',
    point: '检查要点', method: '检查方法', criterion: '判定标准', followUp: '后续处理', addForm: '添加检查表单', removeForm: '删除此表单',
    addPoint: '添加检查要点', removePoint: '删除', choose: '请选择',
  },
  {
    code: 'Item code', codeFixed: 'Item code (kept on revision)', name: 'Item name', categoryCode: 'Category', kind: 'Kind', targetTypes: 'Target types',
    checkContent: 'What is checked', methods: 'Check methods', ratioMinPercent: 'Minimum ratio (%)', ratioMaxPercent: 'Ratio cap (%)',
    capHint: 'General items need a cap; key items have none.', noCap: 'Key items have no ratio cap', frequencyPerYear: 'Rounds a year',
    responsibleUnit: 'Responsible unit (e.g. the enforcement brigade)', level: 'Level', legalBasis: 'Legal basis', checkForms: 'Check forms', formName: 'Form name',
    point: 'Check point', method: 'Method', criterion: 'How to decide', followUp: 'Follow-up', addForm: 'Add a check form', removeForm: 'Remove this form',
    addPoint: 'Add a check point', removePoint: 'Remove', choose: 'Choose…',
  },
);

/** An item's content: a new item, or a revision that becomes the next version. */
export function ItemForm({ initial, codeFixed, submitLabel, saving, error, onSubmit, onReload }: {
  initial: ItemFormState;
  codeFixed?: boolean;
  submitLabel: string;
  saving: boolean;
  error?: CombinedError | null;
  onSubmit(input: InspectionItemInput): void;
  onReload?(): void;
}) {
  const t = useT(itemFieldMessages);
  const [form, setForm] = useState(initial);
  const set = <K extends keyof ItemFormState>(key: K, value: ItemFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setCheckForm = (index: number, name: string) => set('checkForms', form.checkForms.map((f, i) => (i === index ? { ...f, name } : f)));
  const setPoint = (formIndex: number, pointIndex: number, key: keyof CheckPointState, value: string) =>
    set('checkForms', form.checkForms.map((f, i) => (i === formIndex ? { ...f, checkPoints: f.checkPoints.map((p, j) => (j === pointIndex ? { ...p, [key]: value } : p)) } : f)));
  const addPoint = (formIndex: number) => set('checkForms', form.checkForms.map((f, i) => (i === formIndex ? { ...f, checkPoints: [...f.checkPoints, emptyCheckPoint()] } : f)));
  const removePoint = (formIndex: number, pointIndex: number) =>
    set('checkForms', form.checkForms.map((f, i) => (i === formIndex ? { ...f, checkPoints: f.checkPoints.filter((_, j) => j !== pointIndex) } : f)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(itemInputFromForm(form));
  };
  return (
    <form className="console-form" onSubmit={submit} aria-label={submitLabel}>
      <div className="grid2">
        <label>
          {codeFixed ? t('codeFixed') : t('code')}
          <input name="code" value={form.code} required readOnly={codeFixed} onChange={(e) => set('code', e.target.value)} />
        </label>
        <label>
          {t('name')}
          <input name="name" value={form.name} required onChange={(e) => set('name', e.target.value)} />
        </label>
        <CategorySelect name="categoryCode" label={t('categoryCode')} value={form.categoryCode} anyLabel={t('choose')} required onChange={(v) => set('categoryCode', v)} />
        <EnumSelect name="kind" label={t('kind')} labels={itemKindLabels} value={form.kind} onChange={(v) => v && set('kind', v)} />
        <label>
          {t('ratioMinPercent')}
          <input name="ratioMinPercent" type="number" min={0} max={100} step="any" value={form.ratioMinPercent} onChange={(e) => set('ratioMinPercent', e.target.value)} />
        </label>
        {form.kind === 'GENERAL' ? (
          <label>
            {t('ratioMaxPercent')}
            <input name="ratioMaxPercent" type="number" min={0} max={100} step="any" required value={form.ratioMaxPercent} onChange={(e) => set('ratioMaxPercent', e.target.value)} />
          </label>
        ) : (
          <p className="muted">{t('noCap')}</p>
        )}
        <label>
          {t('frequencyPerYear')}
          <input name="frequencyPerYear" type="number" min={1} value={form.frequencyPerYear} onChange={(e) => set('frequencyPerYear', e.target.value)} />
        </label>
        <EnumSelect name="level" label={t('level')} labels={regionLevelLabels} value={form.level} onChange={(v) => v && set('level', v)} />
        <label>
          {t('responsibleUnit')}
          <input name="responsibleUnit" value={form.responsibleUnit} onChange={(e) => set('responsibleUnit', e.target.value)} />
        </label>
        <label>
          {t('legalBasis')}
          <input name="legalBasis" value={form.legalBasis} onChange={(e) => set('legalBasis', e.target.value)} />
        </label>
      </div>
      <p className="muted">{t('capHint')}</p>
      <label>
        {t('checkContent')}
        <textarea name="checkContent" rows={2} value={form.checkContent} onChange={(e) => set('checkContent', e.target.value)} />
      </label>
      <CheckboxGroup name="targetTypes" legend={t('targetTypes')} labels={targetTypeLabels} value={form.targetTypes} onChange={(v) => set('targetTypes', v)} />
      <CheckboxGroup name="methods" legend={t('methods')} labels={checkMethodLabels} value={form.methods} onChange={(v) => set('methods', v)} />
      <fieldset>
        <legend>{t('checkForms')}</legend>
        {form.checkForms.map((checkForm, i) => (
          <div key={i} className="card">
            <div className="row">
              <label>
                {t('formName')}
                <input name="formName" value={checkForm.name} onChange={(e) => setCheckForm(i, e.target.value)} />
              </label>
              <button type="button" onClick={() => set('checkForms', form.checkForms.filter((_, j) => j !== i))}>
                {t('removeForm')}
              </button>
            </div>
            {checkForm.checkPoints.map((point, j) => (
              <div key={j} className="row">
                {(['point', 'method', 'criterion', 'followUp'] as const).map((key) => (
                  <label key={key}>
                    {t(key)}
                    <input value={point[key]} onChange={(e) => setPoint(i, j, key, e.target.value)} />
                  </label>
                ))}
                <button type="button" onClick={() => removePoint(i, j)}>
                  {t('removePoint')}
                </button>
              </div>
            ))}
            <button type="button" onClick={() => addPoint(i)}>
              {t('addPoint')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set('checkForms', [...form.checkForms, { name: '', checkPoints: [emptyCheckPoint()] }])}>
          {t('addForm')}
        </button>
      </fieldset>
      <SaveError error={error} onReload={onReload} />
      <button type="submit" className="primary" disabled={saving}>
        {submitLabel}
      </button>
    </form>
  );
}
