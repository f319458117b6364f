import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { ConsoleExpertsQuery, ExpertInput } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { ActiveChoice, activeFilterOf, ActiveSelect, DirectoryToolbar, InactiveBadge, PagedResults, RecordButton, rowClass, useDirectoryList } from '../shared/DirectoryList';
import { DepartmentSelect } from '../shared/DirectoryPickers';
import { HistoryPanel } from '../shared/HistoryPanel';
import { SuccessNotice } from '../shared/Notices';
import { ActiveToggle, DetailCard, errorForVersion, recordDetailMessages, useFieldLabels, VersionStamp } from '../shared/RecordDetail';
import { SaveError } from '../shared/SaveError';
import { SearchBox } from '../shared/SearchBox';
import { expertFieldMessages, ExpertForm } from './ExpertForm';
import { emptyExpertForm } from './people-form';

const messages = defineMessages(
  {
    search: '姓名、单位或专业领域', total: '共 {n} 位专家', name: '姓名', organisation: '工作单位', specialty: '专业领域', phone: '联系电话',
    department: '所属部门', create: '新增专家', created: '已新增专家“{name}”。', heading: '专家：{name}', deactivated: '已停用。',
  },
  {
    search: 'Name, organisation or field', total: '{n} experts', name: 'Name', organisation: 'Organisation', specialty: 'Field', phone: 'Phone',
    department: 'Department', create: 'New expert', created: 'Expert “{name}” created.', heading: 'Expert: {name}', deactivated: 'Deactivated.',
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
  const list = useDirectoryList();
  const [search, setSearch] = useState('');
  const [active, setActive] = useState<ActiveChoice>('yes');
  const [departmentId, setDepartmentId] = useState('');
  const filter = { search: search || undefined, active: activeFilterOf(active), departmentId: departmentId || undefined };
  const [result, refetch] = useQuery({ query: ExpertsQuery, variables: { filter, page: { skip: list.page.skip, take: list.page.take } } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [created, createExpert] = useMutation(CreateExpert);
  const create = async (input: ExpertInput) => {
    const outcome = await createExpert({ input });
    if (outcome.data) list.created(t('created', { name: outcome.data.createExpert.name }));
  };
  const chosen = result.data?.experts.items.find((e) => e.id === list.selected);
  return (
    <div>
      <DirectoryToolbar
        list={list}
        createLabel={t('create')}
        importKind="EXPERTS"
        exportName="experts"
        filter={filter}
        onImported={reload}
        createForm={(submitLabel) => <ExpertForm initial={emptyExpertForm()} submitLabel={submitLabel} saving={created.fetching} error={created.error} onSubmit={create} />}
      />
      {chosen && <ExpertDetail expert={chosen} onClose={() => list.select(null)} onReload={reload} />}
      <SearchBox label={t('search')} value={search} onSearch={(v) => { setSearch(v); list.firstPage(); }} />
      <div className="console-filters">
        <ActiveSelect value={active} onChange={(v) => { setActive(v); list.firstPage(); }} />
        <DepartmentSelect value={departmentId} onChange={(v) => { setDepartmentId(v); list.firstPage(); }} />
      </div>
      <PagedResults list={list} data={result.data?.experts} error={result.error} fetching={result.fetching} onRetry={reload} total={(n) => t('total', { n })}>
        {(experts) => (
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
                <tr key={e.id} className={rowClass(list, e.id)}>
                  <td>
                    <RecordButton list={list} id={e.id}>
                      {e.name}
                    </RecordButton>{' '}
                    <InactiveBadge active={e.active} />
                  </td>
                  <td>{e.organisation}</td>
                  <td>{e.specialty || '—'}</td>
                  <td>{e.phone || '—'}</td>
                  <td>{e.department.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedResults>
    </div>
  );
}

function ExpertDetail({ expert, onClose, onReload }: { expert: ExpertRow; onClose(): void; onReload(): void }) {
  const t = useT(messages);
  const detail = useT(recordDetailMessages);
  const fieldLabels = useFieldLabels(expertFieldMessages);
  const [saved, update] = useMutation(UpdateExpert);
  const [toggled, setExpertActive] = useMutation(SetExpertActive);
  const [notice, setNotice] = useState('');
  const save = async (input: ExpertInput) => {
    setNotice('');
    const outcome = await update({ id: expert.id, expectedVersion: expert.version, input });
    if (outcome.data) setNotice(detail('saved', { version: outcome.data.updateExpert.version }));
  };
  const toggle = async () => {
    setNotice('');
    const outcome = await setExpertActive({ id: expert.id, expectedVersion: expert.version, active: !expert.active });
    if (outcome.data) setNotice(outcome.data.setExpertActive.active ? detail('reactivated') : t('deactivated'));
  };
  return (
    <DetailCard
      heading={t('heading', { name: expert.name })}
      actions={<ActiveToggle active={expert.active} busy={toggled.fetching} onToggle={toggle} />}
      onClose={onClose}
    >
      <p className="muted">
        <VersionStamp version={expert.version} updatedAt={expert.updatedAt} />
      </p>
      <SuccessNotice>{notice}</SuccessNotice>
      <SaveError error={errorForVersion(toggled, expert.version)} onReload={onReload} />
      <ExpertForm
        key={`form-${expert.version}`}
        initial={{ name: expert.name, organisation: expert.organisation, phone: expert.phone, specialty: expert.specialty }}
        submitLabel={detail('saveChanges')}
        saving={saved.fetching}
        error={errorForVersion(saved, expert.version)}
        onSubmit={save}
        onReload={onReload}
      />
      <HistoryPanel key={`history-${expert.version}`} entity="EXPERT" id={expert.id} fieldLabels={fieldLabels} />
    </DetailCard>
  );
}
