import type { TargetInput } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { CheckboxGroup, EnumSelect } from '../shared/Choices';
import { RegionInput } from '../shared/DirectoryPickers';
import { creditClassLabels, riskLevelLabels, specialDirectoryLabels, targetStatusLabels, targetTypeLabels } from '../shared/labels';
import { patchAt, removeAt } from '../shared/list-edit';
import { RecordForm, RecordFormProps, TextField, useFormState } from '../shared/RecordForm';
import { TargetFormState, targetInputFromForm } from './target-form';

export const targetFieldMessages = defineMessages(
  {
    name: '名称', creditCode: '统一社会信用代码', creditCodeHint: '企业、合作社、社会组织和事业单位必填', type: '对象类型', regionCode: '行政区划代码',
    address: '住所（经营场所）', legalRepresentative: '法定代表人（负责人）', phone: '联系电话', status: '登记状态', riskLevel: '风险等级',
    creditClass: '信用等级', complaintCount: '投诉举报次数', dishonest: '列入失信名单', seriousViolation: '有严重违法失信记录',
    specialDirectories: '专项名录', licences: '许可证', licenceKind: '许可证种类', licenceNumber: '许可证编号', licenceValidTo: '有效期至',
    addLicence: '添加许可证', removeLicence: '删除', basics: '基本信息', supervision: '监管信息',
  },
  {
    name: 'Name', creditCode: 'Unified social credit code', creditCodeHint: 'Required for enterprises, cooperatives, organisations and institutions', type: 'Type',
    regionCode: 'Region code', address: 'Address (place of business)', legalRepresentative: 'Legal representative', phone: 'Phone', status: 'Registration status',
    riskLevel: 'Risk level', creditClass: 'Credit class', complaintCount: 'Complaints', dishonest: 'On a dishonesty list', seriousViolation: 'Serious violation record',
    specialDirectories: 'Special directories', licences: 'Licences', licenceKind: 'Licence kind', licenceNumber: 'Licence number', licenceValidTo: 'Valid to',
    addLicence: 'Add a licence', removeLicence: 'Remove', basics: 'Basic information', supervision: 'Supervision',
  },
);

/** Creates or edits a target; what was typed stays in the form whatever the hub answers. */
export function TargetForm({ initial, submitLabel, saving, error, onSubmit, onReload }: RecordFormProps<TargetFormState, TargetInput>) {
  const t = useT(targetFieldMessages);
  const [form, set] = useFormState(initial);
  const setLicence = (index: number, key: 'kind' | 'number' | 'validTo', value: string) => set('licences', patchAt(form.licences, index, { [key]: value }));
  return (
    <RecordForm submitLabel={submitLabel} saving={saving} error={error} onReload={onReload} onSubmit={() => onSubmit(targetInputFromForm(form))}>
      <fieldset>
        <legend>{t('basics')}</legend>
        <div className="grid2">
          <TextField name="name" label={t('name')} value={form.name} required onChange={(v) => set('name', v)} />
          <TextField name="creditCode" label={t('creditCode')} value={form.creditCode} maxLength={18} placeholder={t('creditCodeHint')} onChange={(v) => set('creditCode', v.toUpperCase())} />
          <EnumSelect name="type" label={t('type')} labels={targetTypeLabels} value={form.type} onChange={(v) => v && set('type', v)} />
          <RegionInput name="regionCode" label={t('regionCode')} value={form.regionCode} required onChange={(v) => set('regionCode', v)} />
          <TextField name="address" label={t('address')} value={form.address} onChange={(v) => set('address', v)} />
          <TextField name="legalRepresentative" label={t('legalRepresentative')} value={form.legalRepresentative} onChange={(v) => set('legalRepresentative', v)} />
          <TextField name="phone" label={t('phone')} value={form.phone} onChange={(v) => set('phone', v)} />
          <EnumSelect name="status" label={t('status')} labels={targetStatusLabels} value={form.status} onChange={(v) => v && set('status', v)} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('supervision')}</legend>
        <div className="grid2">
          <EnumSelect name="riskLevel" label={t('riskLevel')} labels={riskLevelLabels} value={form.riskLevel} onChange={(v) => v && set('riskLevel', v)} />
          <EnumSelect name="creditClass" label={t('creditClass')} labels={creditClassLabels} value={form.creditClass} onChange={(v) => v && set('creditClass', v)} />
          <TextField name="complaintCount" type="number" min={0} label={t('complaintCount')} value={form.complaintCount} onChange={(v) => set('complaintCount', v)} />
          <div>
            <label className="check">
              <input type="checkbox" name="dishonest" checked={form.dishonest} onChange={(e) => set('dishonest', e.target.checked)} />
              {t('dishonest')}
            </label>
            <label className="check">
              <input type="checkbox" name="seriousViolation" checked={form.seriousViolation} onChange={(e) => set('seriousViolation', e.target.checked)} />
              {t('seriousViolation')}
            </label>
          </div>
        </div>
      </fieldset>
      <CheckboxGroup name="specialDirectories" legend={t('specialDirectories')} labels={specialDirectoryLabels} value={form.specialDirectories} onChange={(v) => set('specialDirectories', v)} />
      <fieldset>
        <legend>{t('licences')}</legend>
        {form.licences.map((licence, i) => (
          <div className="row" key={i}>
            <TextField label={t('licenceKind')} value={licence.kind} onChange={(v) => setLicence(i, 'kind', v)} />
            <TextField label={t('licenceNumber')} value={licence.number} onChange={(v) => setLicence(i, 'number', v)} />
            <TextField type="date" label={t('licenceValidTo')} value={licence.validTo} onChange={(v) => setLicence(i, 'validTo', v)} />
            <button type="button" onClick={() => set('licences', removeAt(form.licences, i))}>
              {t('removeLicence')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set('licences', [...form.licences, { kind: '', number: '', validTo: '' }])}>
          {t('addLicence')}
        </button>
      </fieldset>
    </RecordForm>
  );
}
