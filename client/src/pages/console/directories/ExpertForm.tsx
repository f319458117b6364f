import type { ExpertInput } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { RecordForm, RecordFormProps, TextField, useFormState } from '../shared/RecordForm';
import { ExpertFormState, expertInputFromForm } from './people-form';

export const expertFieldMessages = defineMessages(
  { name: '姓名', organisation: '工作单位', phone: '联系电话', specialty: '专业领域', active: '在用' },
  { name: 'Name', organisation: 'Organisation', phone: 'Phone', specialty: 'Field of expertise', active: 'Active' },
);

/** Creates or edits an expert of the 专家库. */
export function ExpertForm({ initial, submitLabel, saving, error, onSubmit, onReload }: RecordFormProps<ExpertFormState, ExpertInput>) {
  const t = useT(expertFieldMessages);
  const [form, set] = useFormState(initial);
  return (
    <RecordForm submitLabel={submitLabel} saving={saving} error={error} onReload={onReload} onSubmit={() => onSubmit(expertInputFromForm(form))}>
      <div className="grid2">
        <TextField name="name" label={t('name')} value={form.name} required onChange={(v) => set('name', v)} />
        <TextField name="organisation" label={t('organisation')} value={form.organisation} required onChange={(v) => set('organisation', v)} />
        <TextField name="specialty" label={t('specialty')} value={form.specialty} onChange={(v) => set('specialty', v)} />
        <TextField name="phone" label={t('phone')} value={form.phone} onChange={(v) => set('phone', v)} />
      </div>
    </RecordForm>
  );
}
