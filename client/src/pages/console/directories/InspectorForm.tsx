import type { InspectorInput } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { CategoryChecks } from '../shared/CategoryPicker';
import { RegionInput } from '../shared/DirectoryPickers';
import { RecordForm, RecordFormProps, TextField, useFormState } from '../shared/RecordForm';
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
export function InspectorForm({ initial, submitLabel, saving, error, onSubmit, onReload }: RecordFormProps<InspectorFormState, InspectorInput>) {
  const t = useT(inspectorFieldMessages);
  const [form, set] = useFormState(initial);
  return (
    <RecordForm submitLabel={submitLabel} saving={saving} error={error} onReload={onReload} onSubmit={() => onSubmit(inspectorInputFromForm(form))}>
      <div className="grid2">
        <TextField name="name" label={t('name')} value={form.name} required onChange={(v) => set('name', v)} />
        <TextField name="certificateNumber" label={t('certificateNumber')} value={form.certificateNumber} required onChange={(v) => set('certificateNumber', v)} />
        <TextField name="certificateValidFrom" type="date" label={t('certificateValidFrom')} value={form.certificateValidFrom} required onChange={(v) => set('certificateValidFrom', v)} />
        <TextField name="certificateValidTo" type="date" label={t('certificateValidTo')} value={form.certificateValidTo} required onChange={(v) => set('certificateValidTo', v)} />
        <TextField name="phone" label={t('phone')} value={form.phone} onChange={(v) => set('phone', v)} />
        <RegionInput name="inspectorRegion" label={t('regionCode')} value={form.regionCode} required onChange={(v) => set('regionCode', v)} />
      </div>
      <CategoryChecks name="specialties" legend={t('specialties')} value={form.specialties} onChange={(v) => set('specialties', v)} />
    </RecordForm>
  );
}
