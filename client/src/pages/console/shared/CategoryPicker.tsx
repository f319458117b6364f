import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { useLang } from '../../../i18n';
import { RecordSelect } from './Choices';

const CategoriesQuery = graphql(`
  query ConsoleItemCategories {
    itemCategories {
      code
      nameZh
      nameEn
      builtIn
    }
  }
`);

/** The item categories (事项类别), built-in and the department's own. */
export function useCategories() {
  const [result, refetch] = useQuery({ query: CategoriesQuery });
  return { categories: result.data?.itemCategories ?? [], error: result.error, fetching: result.fetching, refetch };
}

export function useCategoryName(): (code: string) => string {
  const { lang } = useLang();
  const { categories } = useCategories();
  return (code) => {
    const found = categories.find((c) => c.code === code);
    return found ? (lang === 'zh' ? found.nameZh : found.nameEn) : code;
  };
}

/** Ticks for category codes (an inspector's specialties). */
export function CategoryChecks({ legend, value, onChange, name }: { legend: string; value: readonly string[]; onChange(next: string[]): void; name: string }) {
  const { lang } = useLang();
  const { categories } = useCategories();
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="checkbox-grid">
        {categories.map((c) => (
          <label key={c.code} className="check">
            <input
              type="checkbox"
              name={name}
              value={c.code}
              checked={value.includes(c.code)}
              onChange={(e) => onChange(e.target.checked ? [...value, c.code] : value.filter((v) => v !== c.code))}
            />
            {lang === 'zh' ? c.nameZh : c.nameEn}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A select of one category; with `anyLabel`, an empty choice. */
export function CategorySelect({ label, value, onChange, anyLabel, name, required }: { label: string; value: string; onChange(code: string): void; anyLabel?: string; name: string; required?: boolean }) {
  const { lang } = useLang();
  const { categories } = useCategories();
  const options = categories.map((c) => ({ value: c.code, text: lang === 'zh' ? c.nameZh : c.nameEn }));
  return <RecordSelect name={name} label={label} value={value} emptyLabel={anyLabel} options={options} required={required} onChange={onChange} />;
}
