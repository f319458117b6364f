import { FormEvent, useState } from 'react';
import type { CombinedError } from 'urql';
import type { ExpertInput } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { SaveError } from '../shared/SaveError';
import { ExpertFormState, expertInputFromForm } from './people-form';

export const expertFieldMessages = defineMessages(
  { name: '姓名', organisation: '工作单位', phone: '联系电话', specialty: '专业领域', active: '在用' },
  { name: 'Name', organisation: 'Organisation', phone: 'Phone', specialty: 'Field of expertise', active: 'Active' },
);

/** Creates or edits an expert of the 专家库. */
export function ExpertForm({ initial, submitLabel, saving, error, onSubmit, onReload }: {
  initial: ExpertFormState;
  submitLabel: string;
  saving: boolean;
  error?: CombinedError | null;
  onSubmit(input: ExpertInput): void;
  onReload?(): void;
}) {
  const t = useT(expertFieldMessages);
  const [form, setForm] = useState(initial);
  const set = (key: keyof ExpertFormState, value: string) => setForm((f) => ({ ...f, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(expertInputFromForm(form));
  };
  return (
    <form className="console-form" onSubmit={submit} aria-label={submitLabel}>
      <div className="grid2">
        <label>
          {t('name')}
          <input name="name" value={form.name} required onChange={(e) => set('name', e.target.value)} />
        </label>
        <label>
          {t('organisation')}
          <input name="organisation" value={form.organisation} required onChange={(e) => set('organisation', e.target.value)} />
        </label>
        <label>
          {t('specialty')}
          <input name="specialty" value={form.specialty} onChange={(e) => set('specialty', e.target.value)} />
        </label>
        <label>
          {t('phone')}
          <input name="phone" value={form.phone} onChange={(e) => set('phone', e.target.value)} />
        </label>
      </div>
      <SaveError error={error} onReload={onReload} />
      <button type="submit" className="primary" disabled={saving}>
        {submitLabel}
      </button>
    </form>
  );
}
