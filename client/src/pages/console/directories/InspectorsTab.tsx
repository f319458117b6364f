import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { InspectorInput, InspectorSort } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { ErrorNotice, Loading } from '../../../ui/common';
import { CategorySelect, useCategoryName } from '../shared/CategoryPicker';
import { DepartmentSelect } from '../shared/DirectoryPickers';
import { DownloadButton } from '../shared/DownloadButton';
import { exportUrl } from '../shared/files';
import { ImportPanel } from '../shared/ImportPanel';
import { SuccessNotice } from '../shared/Notices';
import { Pager } from '../shared/Pager';
import { SearchBox } from '../shared/SearchBox';
import { InspectorDetail } from './InspectorDetail';
import { InspectorForm } from './InspectorForm';
import { emptyInspectorForm, initialInspectorList, inspectorFilterOf, InspectorListState } from './people-form';

const messages = defineMessages(
  {
    search: '姓名或执法证号', any: '不限', active: '状态', activeYes: '在用', activeNo: '已停用', validOn: '执法证在该日有效', region: '工作区域（含下辖）',
    specialty: '执法领域', sort: '排序', NAME: '姓名', CERTIFICATE_NUMBER: '执法证号', CERTIFICATE_VALID_TO: '执法证到期日', UPDATED_AT: '更新时间',
    descending: '倒序', total: '共 {n} 人', name: '姓名', certificate: '执法证号', validity: '有效期', certStatus: '执法证状态', specialties: '执法领域',
    department: '所属部门', conflicts: '利害关系', create: '新增执法检查人员', cancel: '取消', save: '保存', created: '已新增执法检查人员“{name}”。',
    exportXlsx: '导出 Excel（按当前筛选）', exportCsv: '导出 CSV', import: '批量导入', hideImport: '收起导入',
    VALID: '有效', EXPIRED: '已过期', NOT_YET_VALID: '尚未生效',
  },
  {
    search: 'Name or certificate number', any: 'Any', active: 'Status', activeYes: 'Active', activeNo: 'Deactivated', validOn: 'Certificate valid on',
    region: 'Work region (and below)', specialty: 'Specialty', sort: 'Sort by', NAME: 'Name', CERTIFICATE_NUMBER: 'Certificate number',
    CERTIFICATE_VALID_TO: 'Certificate expiry', UPDATED_AT: 'Last change', descending: 'Descending', total: '{n} inspectors', name: 'Name',
    certificate: 'Certificate', validity: 'Validity', certStatus: 'Certificate today', specialties: 'Specialties', department: 'Department',
    conflicts: 'Conflicts', create: 'New inspector', cancel: 'Cancel', save: 'Save', created: 'Inspector “{name}” created.',
    exportXlsx: 'Export to Excel (current filter)', exportCsv: 'Export to CSV', import: 'Bulk import', hideImport: 'Hide import',
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
  const [list, setList] = useState<InspectorListState>(initialInspectorList);
  const [sort, setSort] = useState<InspectorSort>('NAME');
  const [descending, setDescending] = useState(false);
  const [page, setPage] = useState({ skip: 0, take: 20 });
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState('');
  const filter = inspectorFilterOf(list);
  const [result, refetch] = useQuery({ query: InspectorsQuery, variables: { filter, page: { skip: page.skip, take: page.take, order: descending ? 'DESC' : 'ASC' }, sort } });
  const [created, createInspector] = useMutation(CreateInspector);
  const set = <K extends keyof InspectorListState>(key: K, value: InspectorListState[K]) => {
    setList((l) => ({ ...l, [key]: value }));
    setPage((p) => ({ ...p, skip: 0 }));
  };
  const create = async (input: InspectorInput) => {
    const outcome = await createInspector({ input });
    if (outcome.data) {
      setCreating(false);
      setNotice(t('created', { name: outcome.data.createInspector.name }));
      setSelected(outcome.data.createInspector.id);
    }
  };
  const inspectors = result.data?.inspectors;
  return (
    <div>
      <div className="console-actions">
        <button type="button" className="primary" onClick={() => { setCreating(!creating); setNotice(''); }}>
          {creating ? t('cancel') : t('create')}
        </button>
        <button type="button" onClick={() => setImporting(!importing)}>
          {importing ? t('hideImport') : t('import')}
        </button>
        <DownloadButton url={exportUrl('inspectors', 'xlsx', filter)} fallbackName="inspectors.xlsx">
          {t('exportXlsx')}
        </DownloadButton>
        <DownloadButton url={exportUrl('inspectors', 'csv', filter)} fallbackName="inspectors.csv">
          {t('exportCsv')}
        </DownloadButton>
      </div>
      {importing && <ImportPanel kind="INSPECTORS" onImported={() => refetch({ requestPolicy: 'network-only' })} />}
      {creating && (
        <div className="card">
          <h3>{t('create')}</h3>
          <InspectorForm initial={emptyInspectorForm()} submitLabel={t('save')} saving={created.fetching} error={created.error} onSubmit={create} />
        </div>
      )}
      <SuccessNotice>{notice}</SuccessNotice>
      {selected && <InspectorDetail id={selected} onClose={() => setSelected(null)} />}
      <SearchBox label={t('search')} value={list.search} onSearch={(v) => set('search', v)} />
      <div className="console-filters">
        <label>
          {t('active')}
          <select value={list.active} onChange={(e) => set('active', e.target.value as InspectorListState['active'])}>
            <option value="">{t('any')}</option>
            <option value="yes">{t('activeYes')}</option>
            <option value="no">{t('activeNo')}</option>
          </select>
        </label>
        <label>
          {t('validOn')}
          <input type="date" value={list.certificateValidOn} onChange={(e) => set('certificateValidOn', e.target.value)} />
        </label>
        <label>
          {t('region')}
          <input size={10} key={list.regionCode} defaultValue={list.regionCode} onBlur={(e) => e.target.value.trim() !== list.regionCode && set('regionCode', e.target.value.trim())} />
        </label>
        <CategorySelect name="filterSpecialty" label={t('specialty')} value={list.specialty} anyLabel={t('any')} onChange={(v) => set('specialty', v)} />
        <DepartmentSelect value={list.departmentId} onChange={(v) => set('departmentId', v)} />
        <label>
          {t('sort')}
          <select value={sort} onChange={(e) => setSort(e.target.value as InspectorSort)}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={descending} onChange={(e) => setDescending(e.target.checked)} />
          {t('descending')}
        </label>
      </div>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {result.fetching && !inspectors && <Loading />}
      {inspectors && (
        <>
          <p className="muted">{t('total', { n: inspectors.totalItems })}</p>
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
                <tr key={i.id} className={i.id === selected ? 'selected' : undefined}>
                  <td>
                    <button type="button" className="link" onClick={() => setSelected(i.id === selected ? null : i.id)}>
                      {i.name}
                    </button>{' '}
                    {!i.active && <span className="badge">{t('activeNo')}</span>}
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
          <Pager skip={page.skip} take={page.take} total={inspectors.totalItems} onChange={(skip, take) => setPage({ skip, take })} />
        </>
      )}
    </div>
  );
}
