import { FormEvent, useState } from 'react';
import type { CombinedError } from 'urql';
import type { TargetInput } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { CheckboxGroup, EnumSelect } from '../shared/Choices';
import { RegionInput } from '../shared/DirectoryPickers';
import { creditClassLabels, riskLevelLabels, specialDirectoryLabels, targetStatusLabels, targetTypeLabels } from '../shared/labels';
import { SaveError } from '../shared/SaveError';
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
export function TargetForm({ initial, submitLabel, saving, error, onSubmit, onReload }: {
  initial: TargetFormState;
  submitLabel: string;
  saving: boolean;
  error?: CombinedError | null;
  onSubmit(input: TargetInput): void;
  onReload?(): void;
}) {
  const t = useT(targetFieldMessages);
  const [form, setForm] = useState(initial);
  const set = <K extends keyof TargetFormState>(key: K, value: TargetFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setLicence = (index: number, key: 'kind' | 'number' | 'validTo', value: string) =>
    set('licences', form.licences.map((l, i) => (i === index ? { ...l, [key]: value } : l)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(targetInputFromForm(form));
  };
  return (
    <form className="console-form" onSubmit={submit} aria-label={submitLabel}>
      <fieldset>
        <legend>{t('basics')}</legend>
        <div className="grid2">
          <label>
            {t('name')}
            <input name="name" value={form.name} required onChange={(e) => set('name', e.target.value)} />
          </label>
          <label>
            {t('creditCode')}
            <input name="creditCode" value={form.creditCode} maxLength={18} placeholder={t('creditCodeHint')} onChange={(e) => set('creditCode', e.target.value.toUpperCase())} />
          </label>
          <EnumSelect name="type" label={t('type')} labels={targetTypeLabels} value={form.type} onChange={(v) => v && set('type', v)} />
          <RegionInput name="regionCode" label={t('regionCode')} value={form.regionCode} required onChange={(v) => set('regionCode', v)} />
          <label>
            {t('address')}
            <input name="address" value={form.address} onChange={(e) => set('address', e.target.value)} />
          </label>
          <label>
            {t('legalRepresentative')}
            <input name="legalRepresentative" value={form.legalRepresentative} onChange={(e) => set('legalRepresentative', e.target.value)} />
          </label>
          <label>
            {t('phone')}
            <input name="phone" value={form.phone} onChange={(e) => set('phone', e.target.value)} />
          </label>
          <EnumSelect name="status" label={t('status')} labels={targetStatusLabels} value={form.status} onChange={(v) => v && set('status', v)} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('supervision')}</legend>
        <div className="grid2">
          <EnumSelect name="riskLevel" label={t('riskLevel')} labels={riskLevelLabels} value={form.riskLevel} onChange={(v) => v && set('riskLevel', v)} />
          <EnumSelect name="creditClass" label={t('creditClass')} labels={creditClassLabels} value={form.creditClass} onChange={(v) => v && set('creditClass', v)} />
          <label>
            {t('complaintCount')}
            <input name="complaintCount" type="number" min={0} value={form.complaintCount} onChange={(e) => set('complaintCount', e.target.value)} />
          </label>
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
            <label>
              {t('licenceKind')}
              <input value={licence.kind} onChange={(e) => setLicence(i, 'kind', e.target.value)} />
            </label>
            <label>
              {t('licenceNumber')}
              <input value={licence.number} onChange={(e) => setLicence(i, 'number', e.target.value)} />
            </label>
            <label>
              {t('licenceValidTo')}
              <input type="date" value={licence.validTo} onChange={(e) => setLicence(i, 'validTo', e.target.value)} />
            </label>
            <button type="button" onClick={() => set('licences', form.licences.filter((_, j) => j !== i))}>
              {t('removeLicence')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set('licences', [...form.licences, { kind: '', number: '', validTo: '' }])}>
          {t('addLicence')}
        </button>
      </fieldset>
      <SaveError error={error} onReload={onReload} />
      <button type="submit" className="primary" disabled={saving}>
        {submitLabel}
      </button>
    </form>
  );
}
