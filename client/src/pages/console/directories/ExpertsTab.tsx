import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { ConsoleExpertsQuery, ExpertInput } from '../../../gql/graphql';
import { defineMessages, formatDateTime, useLang, useT } from '../../../i18n';
import { ErrorNotice, Loading } from '../../../ui/common';
import { DepartmentSelect } from '../shared/DirectoryPickers';
import { DownloadButton } from '../shared/DownloadButton';
import { exportUrl } from '../shared/files';
import { HistoryPanel } from '../shared/HistoryPanel';
import { ImportPanel } from '../shared/ImportPanel';
import { SuccessNotice } from '../shared/Notices';
import { Pager } from '../shared/Pager';
import { SaveError } from '../shared/SaveError';
import { SearchBox } from '../shared/SearchBox';
import { expertFieldMessages, ExpertForm } from './ExpertForm';
import { emptyExpertForm } from './people-form';

const messages = defineMessages(
  {
    search: '姓名、单位或专业领域', any: '不限', status: '状态', activeYes: '在用', activeNo: '已停用', total: '共 {n} 位专家', name: '姓名',
    organisation: '工作单位', specialty: '专业领域', phone: '联系电话', department: '所属部门', create: '新增专家', cancel: '取消', save: '保存',
    created: '已新增专家“{name}”。', saved: '已保存，现为第 {version} 版。', heading: '专家：{name}', close: '关闭', deactivate: '停用', reactivate: '启用',
    deactivated: '已停用。', reactivated: '已重新启用。', version: '第 {version} 版，最后修改于 {at}', saveChanges: '保存修改',
    exportXlsx: '导出 Excel（按当前筛选）', exportCsv: '导出 CSV', import: '批量导入', hideImport: '收起导入',
  },
  {
    search: 'Name, organisation or field', any: 'Any', status: 'Status', activeYes: 'Active', activeNo: 'Deactivated', total: '{n} experts', name: 'Name',
    organisation: 'Organisation', specialty: 'Field', phone: 'Phone', department: 'Department', create: 'New expert', cancel: 'Cancel', save: 'Save',
    created: 'Expert “{name}” created.', saved: 'Saved: now version {version}.', heading: 'Expert: {name}', close: 'Close', deactivate: 'Deactivate',
    reactivate: 'Reactivate', deactivated: 'Deactivated.', reactivated: 'Reactivated.', version: 'Version {version}, last changed {at}', saveChanges: 'Save changes',
    exportXlsx: 'Export to Excel (current filter)', exportCsv: 'Export to CSV', import: 'Bulk import', hideImport: 'Hide import',
  },
);

const ExpertsQuery = graphql(`
  query ConsoleExperts($filter: ExpertFilter, $page: PageInput!) {
    experts(filter: $filter, page: $page) {
      totalItems
      items {
        id
        name
        organisation
        specialty
        phone
        active
        version
        updatedAt
        department {
          id
          name
        }
      }
    }
  }
`);

const CreateExpert = graphql(`
  mutation ConsoleCreateExpert($input: ExpertInput!) {
    createExpert(input: $input) {
      id
      name
      version
    }
  }
`);

const UpdateExpert = graphql(`
  mutation ConsoleUpdateExpert($id: ID!, $expectedVersion: Int!, $input: ExpertInput!) {
    updateExpert(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      version
      name
      organisation
      specialty
      phone
    }
  }
`);

const SetExpertActive = graphql(`
  mutation ConsoleSetExpertActive($id: ID!, $expectedVersion: Int!, $active: Boolean!) {
    setExpertActive(id: $id, expectedVersion: $expectedVersion, active: $active) {
      id
      version
      active
    }
  }
`);

type ExpertRow = ConsoleExpertsQuery['experts']['items'][number];

/** 专家库: search, page, create, edit, (de)activate, history, import and export. */
export function ExpertsTab() {
  const t = useT(messages);
  const [search, setSearch] = useState('');
  const [active, setActive] = useState<'' | 'yes' | 'no'>('yes');
  const [departmentId, setDepartmentId] = useState('');
  const [page, setPage] = useState({ skip: 0, take: 20 });
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState('');
  const filter = { search: search || undefined, active: active === '' ? undefined : active === 'yes', departmentId: departmentId || undefined };
  const [result, refetch] = useQuery({ query: ExpertsQuery, variables: { filter, page: { skip: page.skip, take: page.take } } });
  const [created, createExpert] = useMutation(CreateExpert);
  const firstPage = () => setPage((p) => ({ ...p, skip: 0 }));
  const create = async (input: ExpertInput) => {
    const outcome = await createExpert({ input });
    if (outcome.data) {
      setCreating(false);
      setNotice(t('created', { name: outcome.data.createExpert.name }));
    }
  };
  const experts = result.data?.experts;
  const chosen = experts?.items.find((e) => e.id === selected);
  return (
    <div>
      <div className="console-actions">
        <button type="button" className="primary" onClick={() => { setCreating(!creating); setNotice(''); }}>
          {creating ? t('cancel') : t('create')}
        </button>
        <button type="button" onClick={() => setImporting(!importing)}>
          {importing ? t('hideImport') : t('import')}
        </button>
        <DownloadButton url={exportUrl('experts', 'xlsx', filter)} fallbackName="experts.xlsx">
          {t('exportXlsx')}
        </DownloadButton>
        <DownloadButton url={exportUrl('experts', 'csv', filter)} fallbackName="experts.csv">
          {t('exportCsv')}
        </DownloadButton>
      </div>
      {importing && <ImportPanel kind="EXPERTS" onImported={() => refetch({ requestPolicy: 'network-only' })} />}
      {creating && (
        <div className="card">
          <h3>{t('create')}</h3>
          <ExpertForm initial={emptyExpertForm()} submitLabel={t('save')} saving={created.fetching} error={created.error} onSubmit={create} />
        </div>
      )}
      <SuccessNotice>{notice}</SuccessNotice>
      {chosen && <ExpertDetail expert={chosen} onClose={() => setSelected(null)} onReload={() => refetch({ requestPolicy: 'network-only' })} />}
      <SearchBox label={t('search')} value={search} onSearch={(v) => { setSearch(v); firstPage(); }} />
      <div className="console-filters">
        <label>
          {t('status')}
          <select value={active} onChange={(e) => { setActive(e.target.value as '' | 'yes' | 'no'); firstPage(); }}>
            <option value="">{t('any')}</option>
            <option value="yes">{t('activeYes')}</option>
            <option value="no">{t('activeNo')}</option>
          </select>
        </label>
        <DepartmentSelect value={departmentId} onChange={(v) => { setDepartmentId(v); firstPage(); }} />
      </div>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {result.fetching && !experts && <Loading />}
      {experts && (
        <>
          <p className="muted">{t('total', { n: experts.totalItems })}</p>
          <table>
            <thead>
              <tr>
                <th>{t('name')}</th>
                <th>{t('organisation')}</th>
                <th>{t('specialty')}</th>
                <th>{t('phone')}</th>
                <th>{t('department')}</th>
              </tr>
            </thead>
            <tbody>
              {experts.items.map((e) => (
                <tr key={e.id} className={e.id === selected ? 'selected' : undefined}>
                  <td>
                    <button type="button" className="link" onClick={() => setSelected(e.id === selected ? null : e.id)}>
                      {e.name}
                    </button>{' '}
                    {!e.active && <span className="badge">{t('activeNo')}</span>}
                  </td>
                  <td>{e.organisation}</td>
                  <td>{e.specialty || '—'}</td>
                  <td>{e.phone || '—'}</td>
                  <td>{e.department.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager skip={page.skip} take={page.take} total={experts.totalItems} onChange={(skip, take) => setPage({ skip, take })} />
        </>
      )}
    </div>
  );
}

function ExpertDetail({ expert, onClose, onReload }: { expert: ExpertRow; onClose(): void; onReload(): void }) {
  const t = useT(messages);
  const fields = useT(expertFieldMessages);
  const { lang } = useLang();
  const [saved, update] = useMutation(UpdateExpert);
  const [toggled, setExpertActive] = useMutation(SetExpertActive);
  const [notice, setNotice] = useState('');
  const save = async (input: ExpertInput) => {
    setNotice('');
    const outcome = await update({ id: expert.id, expectedVersion: expert.version, input });
    if (outcome.data) setNotice(t('saved', { version: outcome.data.updateExpert.version }));
  };
  const toggle = async () => {
    setNotice('');
    const outcome = await setExpertActive({ id: expert.id, expectedVersion: expert.version, active: !expert.active });
    if (outcome.data) setNotice(outcome.data.setExpertActive.active ? t('reactivated') : t('deactivated'));
  };
  const current = <E,>(error: E, variables: { expectedVersion: number } | undefined) => (variables?.expectedVersion === expert.version ? error : null);
  const fieldLabels = Object.fromEntries(Object.keys(expertFieldMessages.zh).map((key) => [key, fields(key as keyof typeof expertFieldMessages.zh)]));
  return (
    <section className="card console-detail" aria-label={t('heading', { name: expert.name })}>
      <div className="row">
        <h3>{t('heading', { name: expert.name })}</h3>
        <span className={expert.active ? 'badge ok' : 'badge'}>{expert.active ? t('activeYes') : t('activeNo')}</span>
        <button type="button" onClick={toggle} disabled={toggled.fetching}>
          {expert.active ? t('deactivate') : t('reactivate')}
        </button>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <p className="muted">{t('version', { version: expert.version, at: formatDateTime(expert.updatedAt, lang) })}</p>
      <SuccessNotice>{notice}</SuccessNotice>
      <SaveError error={current(toggled.error, toggled.operation?.variables)} onReload={onReload} />
      <ExpertForm
        key={`form-${expert.version}`}
        initial={{ name: expert.name, organisation: expert.organisation, phone: expert.phone, specialty: expert.specialty }}
        submitLabel={t('saveChanges')}
        saving={saved.fetching}
        error={current(saved.error, saved.operation?.variables)}
        onSubmit={save}
        onReload={onReload}
      />
      <HistoryPanel key={`history-${expert.version}`} entity="EXPERT" id={expert.id} fieldLabels={fieldLabels} />
    </section>
  );
}
