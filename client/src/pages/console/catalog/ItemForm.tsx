import type { InspectionItemInput } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { CategorySelect } from '../shared/CategoryPicker';
import { CheckboxGroup, EnumSelect } from '../shared/Choices';
import { checkMethodLabels, itemKindLabels, regionLevelLabels, targetTypeLabels } from '../shared/labels';
import { patchAt, removeAt } from '../shared/list-edit';
import { RecordForm, RecordFormProps, TextField, useFormState } from '../shared/RecordForm';
import { CheckFormState, CheckPointState, emptyCheckPoint, ItemFormState, itemInputFromForm } from './item-form';

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
export function ItemForm({ initial, codeFixed, submitLabel, saving, error, onSubmit, onReload }: RecordFormProps<ItemFormState, InspectionItemInput> & { codeFixed?: boolean }) {
  const t = useT(itemFieldMessages);
  const [form, set] = useFormState(initial);
  const setCheckForm = (index: number, patch: Partial<CheckFormState>) => set('checkForms', patchAt(form.checkForms, index, patch));
  const setPoints = (formIndex: number, checkPoints: CheckPointState[]) => setCheckForm(formIndex, { checkPoints });
  const pointsOf = (formIndex: number) => form.checkForms[formIndex].checkPoints;
  return (
    <RecordForm submitLabel={submitLabel} saving={saving} error={error} onReload={onReload} onSubmit={() => onSubmit(itemInputFromForm(form))}>
      <div className="grid2">
        <TextField name="code" label={codeFixed ? t('codeFixed') : t('code')} value={form.code} required readOnly={codeFixed} onChange={(v) => set('code', v)} />
        <TextField name="name" label={t('name')} value={form.name} required onChange={(v) => set('name', v)} />
        <CategorySelect name="categoryCode" label={t('categoryCode')} value={form.categoryCode} anyLabel={t('choose')} required onChange={(v) => set('categoryCode', v)} />
        <EnumSelect name="kind" label={t('kind')} labels={itemKindLabels} value={form.kind} onChange={(v) => v && set('kind', v)} />
        <TextField name="ratioMinPercent" type="number" min={0} max={100} step="any" label={t('ratioMinPercent')} value={form.ratioMinPercent} onChange={(v) => set('ratioMinPercent', v)} />
        {form.kind === 'GENERAL' ? (
          <TextField name="ratioMaxPercent" type="number" min={0} max={100} step="any" required label={t('ratioMaxPercent')} value={form.ratioMaxPercent} onChange={(v) => set('ratioMaxPercent', v)} />
        ) : (
          <p className="muted">{t('noCap')}</p>
        )}
        <TextField name="frequencyPerYear" type="number" min={1} label={t('frequencyPerYear')} value={form.frequencyPerYear} onChange={(v) => set('frequencyPerYear', v)} />
        <EnumSelect name="level" label={t('level')} labels={regionLevelLabels} value={form.level} onChange={(v) => v && set('level', v)} />
        <TextField name="responsibleUnit" label={t('responsibleUnit')} value={form.responsibleUnit} onChange={(v) => set('responsibleUnit', v)} />
        <TextField name="legalBasis" label={t('legalBasis')} value={form.legalBasis} onChange={(v) => set('legalBasis', v)} />
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
              <TextField name="formName" label={t('formName')} value={checkForm.name} onChange={(name) => setCheckForm(i, { name })} />
              <button type="button" onClick={() => set('checkForms', removeAt(form.checkForms, i))}>
                {t('removeForm')}
              </button>
            </div>
            {checkForm.checkPoints.map((point, j) => (
              <div key={j} className="row">
                {(['point', 'method', 'criterion', 'followUp'] as const).map((key) => (
                  <TextField key={key} label={t(key)} value={point[key]} onChange={(v) => setPoints(i, patchAt(pointsOf(i), j, { [key]: v }))} />
                ))}
                <button type="button" onClick={() => setPoints(i, removeAt(pointsOf(i), j))}>
                  {t('removePoint')}
                </button>
              </div>
            ))}
            <button type="button" onClick={() => setPoints(i, [...pointsOf(i), emptyCheckPoint()])}>
              {t('addPoint')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set('checkForms', [...form.checkForms, { name: '', checkPoints: [emptyCheckPoint()] }])}>
          {t('addForm')}
        </button>
      </fieldset>
    </RecordForm>
  );
}
