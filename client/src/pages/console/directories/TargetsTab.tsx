import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import { defineMessages, useT } from '../../../i18n';
import { ErrorNotice, Loading } from '../../../ui/common';
import { DownloadButton } from '../shared/DownloadButton';
import { exportUrl } from '../shared/files';
import { ImportPanel } from '../shared/ImportPanel';
import { riskLevelLabels, specialDirectoryLabels, targetStatusLabels, targetTypeLabels, creditClassLabels } from '../shared/labels';
import { SuccessNotice } from '../shared/Notices';
import { Pager } from '../shared/Pager';
import { emptyTargetForm, initialTargetList, targetFilterOf, TargetListState } from './target-form';
import { TargetDetail } from './TargetDetail';
import { TargetFilters } from './TargetFilters';
import { TargetForm } from './TargetForm';

const messages = defineMessages(
  {
    total: '共 {n} 户', name: '名称', creditCode: '信用代码', type: '类型', region: '行政区划', status: '登记状态', risk: '风险',
    credit: '信用', special: '专项名录', department: '所属部门', create: '新增检查对象', cancel: '取消', save: '保存', created: '已新增检查对象“{name}”。',
    exportXlsx: '导出 Excel（按当前筛选）', exportCsv: '导出 CSV', import: '批量导入', hideImport: '收起导入', dishonest: '失信', serious: '严重违法',
  },
  {
    total: '{n} targets', name: 'Name', creditCode: 'Credit code', type: 'Type', region: 'Region', status: 'Status', risk: 'Risk',
    credit: 'Credit', special: 'Special directories', department: 'Department', create: 'New target', cancel: 'Cancel', save: 'Save', created: 'Target “{name}” created.',
    exportXlsx: 'Export to Excel (current filter)', exportCsv: 'Export to CSV', import: 'Bulk import', hideImport: 'Hide import', dishonest: 'dishonest', serious: 'serious violation',
  },
);

const TargetsQuery = graphql(`
  query ConsoleTargets($filter: TargetFilter, $page: PageInput!, $sort: TargetSort!) {
    targets(filter: $filter, page: $page, sort: $sort) {
      totalItems
      items {
        id
        name
        creditCode
        type
        status
        riskLevel
        creditClass
        dishonest
        seriousViolation
        specialDirectories
        version
        region {
          code
          name
        }
        department {
          id
          name
        }
      }
    }
  }
`);

const CreateTarget = graphql(`
  mutation ConsoleCreateTarget($input: TargetInput!) {
    createTarget(input: $input) {
      id
      name
      version
    }
  }
`);

/** 检查对象名录库: search and filter, page, create, edit with history, import and export. */
export function TargetsTab() {
  const t = useT(messages);
  const type = useT(targetTypeLabels);
  const status = useT(targetStatusLabels);
  const risk = useT(riskLevelLabels);
  const credit = useT(creditClassLabels);
  const special = useT(specialDirectoryLabels);
  const [list, setList] = useState<TargetListState>(initialTargetList);
  const [page, setPage] = useState({ skip: 0, take: 20 });
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState('');
  const filter = targetFilterOf(list);
  const [result, refetch] = useQuery({
    query: TargetsQuery,
    variables: { filter, page: { skip: page.skip, take: page.take, order: list.descending ? 'DESC' : 'ASC' }, sort: list.sort },
  });
  const [created, createTarget] = useMutation(CreateTarget);
  const changeList = (next: TargetListState) => {
    setList(next);
    setPage((p) => ({ ...p, skip: 0 }));
  };
  const create = async (input: Parameters<typeof createTarget>[0]['input']) => {
    const outcome = await createTarget({ input });
    if (outcome.data) {
      setCreating(false);
      setNotice(t('created', { name: outcome.data.createTarget.name }));
      setSelected(outcome.data.createTarget.id);
    }
  };
  const targets = result.data?.targets;
  return (
    <div>
      <div className="console-actions">
        <button type="button" className="primary" onClick={() => { setCreating(!creating); setNotice(''); }}>
          {creating ? t('cancel') : t('create')}
        </button>
        <button type="button" onClick={() => setImporting(!importing)}>
          {importing ? t('hideImport') : t('import')}
        </button>
        <DownloadButton url={exportUrl('targets', 'xlsx', filter)} fallbackName="targets.xlsx">
          {t('exportXlsx')}
        </DownloadButton>
        <DownloadButton url={exportUrl('targets', 'csv', filter)} fallbackName="targets.csv">
          {t('exportCsv')}
        </DownloadButton>
      </div>
      {importing && <ImportPanel kind="TARGETS" onImported={() => refetch({ requestPolicy: 'network-only' })} />}
      {creating && (
        <div className="card">
          <h3>{t('create')}</h3>
          <TargetForm initial={emptyTargetForm()} submitLabel={t('save')} saving={created.fetching} error={created.error} onSubmit={create} />
        </div>
      )}
      <SuccessNotice>{notice}</SuccessNotice>
      {selected && <TargetDetail id={selected} onClose={() => setSelected(null)} />}
      <TargetFilters state={list} onChange={changeList} />
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {result.fetching && !targets && <Loading />}
      {targets && (
        <>
          <p className="muted" data-testid="targets-total">
            {t('total', { n: targets.totalItems })}
          </p>
          <table data-testid="targets-table">
            <thead>
              <tr>
                <th>{t('name')}</th>
                <th>{t('creditCode')}</th>
                <th>{t('type')}</th>
                <th>{t('region')}</th>
                <th>{t('status')}</th>
                <th>{t('risk')}</th>
                <th>{t('credit')}</th>
                <th>{t('special')}</th>
                <th>{t('department')}</th>
              </tr>
            </thead>
            <tbody>
              {targets.items.map((target) => (
                <tr key={target.id} className={target.id === selected ? 'selected' : undefined}>
                  <td>
                    <button type="button" className="link" onClick={() => setSelected(target.id === selected ? null : target.id)}>
                      {target.name}
                    </button>
                    {target.dishonest && <span className="badge error"> {t('dishonest')}</span>}
                    {target.seriousViolation && <span className="badge error"> {t('serious')}</span>}
                  </td>
                  <td className="mono">{target.creditCode ?? '—'}</td>
                  <td>{type(target.type)}</td>
                  <td>{target.region.name}</td>
                  <td>{status(target.status)}</td>
                  <td>{risk(target.riskLevel)}</td>
                  <td>{credit(target.creditClass)}</td>
                  <td>{target.specialDirectories.map((d) => special(d)).join('、') || '—'}</td>
                  <td>{target.department.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager skip={page.skip} take={page.take} total={targets.totalItems} onChange={(skip, take) => setPage({ skip, take })} />
        </>
      )}
    </div>
  );
}
