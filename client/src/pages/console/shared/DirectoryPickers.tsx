import { useQuery } from 'urql';
import { useSession } from '../../../api/hub-context';
import { graphql } from '../../../gql';
import { defineMessages, useT } from '../../../i18n';
import { RecordSelect } from './Choices';

const messages = defineMessages({ anyDepartment: '全部部门', department: '部门' }, { anyDepartment: 'All departments', department: 'Department' });

const DepartmentsQuery = graphql(`
  query ConsoleDepartments {
    departments {
      id
      name
      regionCode
    }
  }
`);

/** The departments in the user's scope (their own and those below), for list filters. */
export function DepartmentSelect({ value, onChange, label }: { value: string; onChange(id: string): void; label?: string }) {
  const t = useT(messages);
  const [result] = useQuery({ query: DepartmentsQuery });
  return (
    <RecordSelect
      name="departmentId"
      label={label ?? t('department')}
      value={value}
      emptyLabel={t('anyDepartment')}
      options={(result.data?.departments ?? []).map((d) => ({ value: d.id, text: d.name }))}
      onChange={onChange}
    />
  );
}

const RegionChoicesQuery = graphql(`
  query ConsoleRegionChoices($departmentId: ID!) {
    department(id: $departmentId) {
      id
      region {
        code
        name
      }
    }
  }
`);

const ChildRegionsQuery = graphql(`
  query ConsoleChildRegions($parentCode: String!) {
    regions(parentCode: $parentCode) {
      code
      name
    }
  }
`);

/**
 * A region code field suggesting the user's own region and the regions right below it (a county's
 * townships), which is where nearly every record of a county bureau lives; any code may be typed.
 */
export function RegionInput({ value, onChange, label, name, required }: { value: string; onChange(code: string): void; label: string; name: string; required?: boolean }) {
  const session = useSession();
  const [own] = useQuery({ query: RegionChoicesQuery, variables: { departmentId: session?.departmentId ?? '' }, pause: !session });
  const region = own.data?.department.region;
  const [children] = useQuery({ query: ChildRegionsQuery, variables: { parentCode: region?.code ?? '' }, pause: !region });
  const listId = `regions-${name}`;
  const choices = [...(region ? [region] : []), ...(children.data?.regions ?? [])];
  return (
    <label>
      {label}
      <input name={name} value={value} list={listId} inputMode="numeric" required={required} onChange={(e) => onChange(e.target.value)} />
      <datalist id={listId}>
        {choices.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </datalist>
    </label>
  );
}
