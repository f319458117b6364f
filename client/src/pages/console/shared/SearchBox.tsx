import { FormEvent, useEffect, useState } from 'react';
import { defineMessages, useT } from '../../../i18n';

const messages = defineMessages({ search: '查询', clear: '清空' }, { search: 'Search', clear: 'Clear' });

/** A search field that applies on Enter or the button, so a list is not re-queried on every keystroke. */
export function SearchBox({ value, onSearch, placeholder, label }: { value: string; onSearch(value: string): void; placeholder?: string; label: string }) {
  const t = useT(messages);
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form className="row console-search" role="search" onSubmit={submit}>
      <label className="inline">
        {label}
        <input type="search" name="search" value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit">{t('search')}</button>
      {value && (
        <button type="button" onClick={() => onSearch('')}>
          {t('clear')}
        </button>
      )}
    </form>
  );
}
