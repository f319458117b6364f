import './console-shared.css';
import { FormEvent, InputHTMLAttributes, ReactNode, useState } from 'react';
import type { CombinedError } from 'urql';
import { SaveError } from './SaveError';

/** What a create-or-edit form of a record is given by the page that shows it. */
export interface RecordFormProps<State, Input> {
  initial: State;
  submitLabel: string;
  saving: boolean;
  error?: CombinedError | null;
  onSubmit(input: Input): void;
  onReload?(): void;
}

/** The form's state, field by field; it is never reset by an error, so nothing typed is lost. */
export function useFormState<State extends object>(initial: State) {
  const [form, setForm] = useState(initial);
  const set = <K extends keyof State>(key: K, value: State[K]) => setForm((f) => ({ ...f, [key]: value }));
  return [form, set] as const;
}

/** A record's form: the fields, then the error of the last save, then the submit button. */
export function RecordForm({ submitLabel, saving, error, onReload, onSubmit, children }: {
  submitLabel: string;
  saving: boolean;
  error?: CombinedError | null;
  onReload?(): void;
  onSubmit(): void;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="console-form" onSubmit={submit} aria-label={submitLabel}>
      {children}
      <SaveError error={error} onReload={onReload} />
      <button type="submit" className="primary" disabled={saving}>
        {submitLabel}
      </button>
    </form>
  );
}

/** A labelled input whose change hands over the text. */
export function TextField({ label, onChange, ...input }: { label: string; value: string; onChange(value: string): void } & Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'>) {
  return (
    <label>
      {label}
      <input {...input} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

