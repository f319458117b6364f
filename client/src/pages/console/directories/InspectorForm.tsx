import { FormEvent, useState } from 'react';
import type { CombinedError } from 'urql';
import type { InspectorInput } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { CategoryChecks } from '../shared/CategoryPicker';
import { RegionInput } from '../shared/DirectoryPickers';
import { SaveError } from '../shared/SaveError';
import { InspectorFormState, inspectorInputFromForm } from './people-form';

export const inspectorFieldMessages = defineMessages(
  {
    name: '姓名', certificateNumber: '执法证号', certificateValidFrom: '执法证有效期起', certificateValidTo: '执法证有效期至', phone: '联系电话',
    regionCode: '工作区域（县或乡镇代码，用于回避）', specialties: '执法领域（可检查的事项类别）', active: '在用',
  },
  {
    name: 'Name', certificateNumber: 'Certificate number', certificateValidFrom: 'Certificate valid from', certificateValidTo: 'Certificate valid to',
    phone: 'Phone', regionCode: 'Work region (county or township code, for recusal)', specialties: 'Specialties (item categories)', active: 'Active',
  },
);

/** Creates or edits an inspector of the 执法检查人员名录库. */
export function InspectorForm({ initial, submitLabel, saving, error, onSubmit, onReload }: {
  initial: InspectorFormState;
  submitLabel: string;
  saving: boolean;
  error?: CombinedError | null;
  onSubmit(input: InspectorInput): void;
  onReload?(): void;
}) {
  const t = useT(inspectorFieldMessages);
  const [form, setForm] = useState(initial);
  const set = <K extends keyof InspectorFormState>(key: K, value: InspectorFormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(inspectorInputFromForm(form));
  };
  return (
    <form className="console-form" onSubmit={submit} aria-label={submitLabel}>
      <div className="grid2">
        <label>
          {t('name')}
          <input name="name" value={form.name} required onChange={(e) => set('name', e.target.value)} />
        </label>
        <label>
          {t('certificateNumber')}
          <input name="certificateNumber" value={form.certificateNumber} required onChange={(e) => set('certificateNumber', e.target.value)} />
        </label>
        <label>
          {t('certificateValidFrom')}
          <input name="certificateValidFrom" type="date" value={form.certificateValidFrom} required onChange={(e) => set('certificateValidFrom', e.target.value)} />
        </label>
        <label>
          {t('certificateValidTo')}
          <input name="certificateValidTo" type="date" value={form.certificateValidTo} required onChange={(e) => set('certificateValidTo', e.target.value)} />
        </label>
        <label>
          {t('phone')}
          <input name="phone" value={form.phone} onChange={(e) => set('phone', e.target.value)} />
        </label>
        <RegionInput name="inspectorRegion" label={t('regionCode')} value={form.regionCode} required onChange={(v) => set('regionCode', v)} />
      </div>
      <CategoryChecks name="specialties" legend={t('specialties')} value={form.specialties} onChange={(v) => set('specialties', v)} />
      <SaveError error={error} onReload={onReload} />
      <button type="submit" className="primary" disabled={saving}>
        {submitLabel}
      </button>
    </form>
  );
}
