import { Messages, useT } from '../../../i18n';
import { valuesOf } from './labels';

/** Ticks for a list of enum values (target types, special directories, check methods…). */
export function CheckboxGroup<K extends string>({ legend, labels, value, onChange, name }: { legend: string; labels: Messages<K>; value: readonly K[]; onChange(next: K[]): void; name: string }) {
  const t = useT(labels);
  const toggle = (key: K, on: boolean) => onChange(valuesOf(labels).filter((k) => (k === key ? on : value.includes(k))));
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="checkbox-grid">
        {valuesOf(labels).map((key) => (
          <label key={key} className="check">
            <input type="checkbox" name={name} value={key} checked={value.includes(key)} onChange={(e) => toggle(key, e.target.checked)} />
            {t(key)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A select over an enum; with `anyLabel`, an empty choice meaning "no restriction". */
export function EnumSelect<K extends string>({ label, labels, value, onChange, anyLabel, name }: { label: string; labels: Messages<K>; value: K | ''; onChange(next: K | ''): void; anyLabel?: string; name: string }) {
  const t = useT(labels);
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={(e) => onChange(e.target.value as K | '')}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {valuesOf(labels).map((key) => (
          <option key={key} value={key}>
            {t(key)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A select over records (catalog items, departments, categories…); with `emptyLabel`, an empty first choice. */
export function RecordSelect({ label, name, value, onChange, emptyLabel, options, required }: {
  label: string;
  name?: string;
  value: string;
  onChange(value: string): void;
  emptyLabel?: string;
  options: readonly { value: string; text: string }[];
  required?: boolean;
}) {
  return (
    <label>
      {label}
      <select name={name} value={value} required={required} onChange={(e) => onChange(e.target.value)}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.text}
          </option>
        ))}
      </select>
    </label>
  );
}
