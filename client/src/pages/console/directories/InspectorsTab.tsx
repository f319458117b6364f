import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { InspectorInput, InspectorSort } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { CategorySelect, useCategoryName } from '../shared/CategoryPicker';
import { ActiveSelect, DirectoryToolbar, InactiveBadge, PagedResults, RecordButton, rowClass, SortControls, useDirectoryList } from '../shared/DirectoryList';
import { DepartmentSelect } from '../shared/DirectoryPickers';
import { SearchBox } from '../shared/SearchBox';
import { InspectorDetail } from './InspectorDetail';
import { InspectorForm } from './InspectorForm';
import { emptyInspectorForm, initialInspectorList, inspectorFilterOf, InspectorListState } from './people-form';

const messages = defineMessages(
  {
    search: '姓名或执法证号', any: '不限', validOn: '执法证在该日有效', region: '工作区域（含下辖）',
    specialty: '执法领域', NAME: '姓名', CERTIFICATE_NUMBER: '执法证号', CERTIFICATE_VALID_TO: '执法证到期日', UPDATED_AT: '更新时间',
    total: '共 {n} 人', name: '姓名', certificate: '执法证号', validity: '有效期', certStatus: '执法证状态', specialties: '执法领域',
    department: '所属部门', conflicts: '利害关系', create: '新增执法检查人员', created: '已新增执法检查人员“{name}”。',
    VALID: '有效', EXPIRED: '已过期', NOT_YET_VALID: '尚未生效',
  },
  {
    search: 'Name or certificate number', any: 'Any', validOn: 'Certificate valid on',
    region: 'Work region (and below)', specialty: 'Specialty', NAME: 'Name', CERTIFICATE_NUMBER: 'Certificate number',
    CERTIFICATE_VALID_TO: 'Certificate expiry', UPDATED_AT: 'Last change', total: '{n} inspectors', name: 'Name',
    certificate: 'Certificate', validity: 'Validity', certStatus: 'Certificate today', specialties: 'Specialties', department: 'Department',
    conflicts: 'Conflicts', create: 'New inspector', created: 'Inspector “{name}” created.',
    VALID: 'Valid', EXPIRED: 'Expired', NOT_YET_VALID: 'Not yet valid',
  },
);
const SORTS: InspectorSort[] = ['NAME', 'CERTIFICATE_NUMBER', 'CERTIFICATE_VALID_TO', 'UPDATED_AT'];

const InspectorsQuery = graphql(`
  query ConsoleInspectors($filter: InspectorFilter, $page: PageInput!, $sort: InspectorSort!) {
    inspectors(filter: $filter, page: $page, sort: $sort) {
      totalItems
      items {
        id
        name
        active
        certificateNumber
        certificateValidFrom
        certificateValidTo
        certificateStatus
        specialties
        version
        department {
          id
          name
        }
        conflicts {
          id
        }
      }
    }
  }
`);

const CreateInspector = graphql(`
  mutation ConsoleCreateInspector($input: InspectorInput!) {
    createInspector(input: $input) {
      id
      name
      version
    }
  }
`);

/** 执法检查人员名录库: filter, page, create, edit, (de)activate, conflicts, history, import and export. */
export function InspectorsTab() {
  const t = useT(messages);
  const categoryName = useCategoryName();
  const list = useDirectoryList();
  const [state, setState] = useState<InspectorListState>(initialInspectorList);
  const [sort, setSort] = useState<InspectorSort>('NAME');
  const [descending, setDescending] = useState(false);
  const filter = inspectorFilterOf(state);
  const [result, refetch] = useQuery({ query: InspectorsQuery, variables: { filter, page: { skip: list.page.skip, take: list.page.take, order: descending ? 'DESC' : 'ASC' }, sort } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [created, createInspector] = useMutation(CreateInspector);
  const set = <K extends keyof InspectorListState>(key: K, value: InspectorListState[K]) => {
    setState((l) => ({ ...l, [key]: value }));
    list.firstPage();
  };
  const create = async (input: InspectorInput) => {
    const outcome = await createInspector({ input });
    if (outcome.data) list.created(t('created', { name: outcome.data.createInspector.name }), outcome.data.createInspector.id);
  };
  return (
    <div>
      <DirectoryToolbar
        list={list}
        createLabel={t('create')}
        importKind="INSPECTORS"
        exportName="inspectors"
        filter={filter}
        onImported={reload}
        createForm={(submitLabel) => <InspectorForm initial={emptyInspectorForm()} submitLabel={submitLabel} saving={created.fetching} error={created.error} onSubmit={create} />}
      />
      {list.selected && <InspectorDetail id={list.selected} onClose={() => list.select(null)} />}
      <SearchBox label={t('search')} value={state.search} onSearch={(v) => set('search', v)} />
      <div className="console-filters">
        <ActiveSelect value={state.active} onChange={(v) => set('active', v)} />
        <label>
          {t('validOn')}
          <input type="date" value={state.certificateValidOn} onChange={(e) => set('certificateValidOn', e.target.value)} />
        </label>
        <label>
          {t('region')}
          <input size={10} key={state.regionCode} defaultValue={state.regionCode} onBlur={(e) => e.target.value.trim() !== state.regionCode && set('regionCode', e.target.value.trim())} />
        </label>
        <CategorySelect name="filterSpecialty" label={t('specialty')} value={state.specialty} anyLabel={t('any')} onChange={(v) => set('specialty', v)} />
        <DepartmentSelect value={state.departmentId} onChange={(v) => set('departmentId', v)} />
        <SortControls<InspectorSort> sorts={SORTS} labelOf={t} value={sort} onChange={setSort} descending={descending} onDescendingChange={setDescending} />
      </div>
      <PagedResults list={list} data={result.data?.inspectors} error={result.error} fetching={result.fetching} onRetry={reload} total={(n) => t('total', { n })}>
        {(inspectors) => (
          <table>
            <thead>
              <tr>
                <th>{t('name')}</th>
                <th>{t('certificate')}</th>
                <th>{t('validity')}</th>
                <th>{t('certStatus')}</th>
                <th>{t('specialties')}</th>
                <th>{t('department')}</th>
                <th>{t('conflicts')}</th>
              </tr>
            </thead>
            <tbody>
              {inspectors.items.map((i) => (
                <tr key={i.id} className={rowClass(list, i.id)}>
                  <td>
                    <RecordButton list={list} id={i.id}>
                      {i.name}
                    </RecordButton>{' '}
                    <InactiveBadge active={i.active} />
                  </td>
                  <td className="mono">{i.certificateNumber}</td>
                  <td>
                    {i.certificateValidFrom} – {i.certificateValidTo}
                  </td>
                  <td>
                    <span className={i.certificateStatus === 'VALID' ? 'badge ok' : 'badge warn'}>{t(i.certificateStatus)}</span>
                  </td>
                  <td>{i.specialties.map(categoryName).join('、') || '—'}</td>
                  <td>{i.department.name}</td>
                  <td>{i.conflicts.length || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedResults>
    </div>
  );
}
