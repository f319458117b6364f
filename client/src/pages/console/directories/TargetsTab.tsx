import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { TargetInput } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { DirectoryToolbar, PagedResults, RecordButton, rowClass, useDirectoryList } from '../shared/DirectoryList';
import { riskLevelLabels, specialDirectoryLabels, targetStatusLabels, targetTypeLabels, creditClassLabels } from '../shared/labels';
import { emptyTargetForm, initialTargetList, targetFilterOf, TargetListState } from './target-form';
import { TargetDetail } from './TargetDetail';
import { TargetFilters } from './TargetFilters';
import { TargetForm } from './TargetForm';

const messages = defineMessages(
  {
    total: '共 {n} 户', name: '名称', creditCode: '信用代码', type: '类型', region: '行政区划', status: '登记状态', risk: '风险',
    credit: '信用', special: '专项名录', department: '所属部门', create: '新增检查对象', created: '已新增检查对象“{name}”。',
    dishonest: '失信', serious: '严重违法',
  },
  {
    total: '{n} targets', name: 'Name', creditCode: 'Credit code', type: 'Type', region: 'Region', status: 'Status', risk: 'Risk',
    credit: 'Credit', special: 'Special directories', department: 'Department', create: 'New target', created: 'Target “{name}” created.',
    dishonest: 'dishonest', serious: 'serious violation',
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
  const list = useDirectoryList();
  const [state, setState] = useState<TargetListState>(initialTargetList);
  const filter = targetFilterOf(state);
  const [result, refetch] = useQuery({
    query: TargetsQuery,
    variables: { filter, page: { skip: list.page.skip, take: list.page.take, order: state.descending ? 'DESC' : 'ASC' }, sort: state.sort },
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [created, createTarget] = useMutation(CreateTarget);
  const changeState = (next: TargetListState) => {
    setState(next);
    list.firstPage();
  };
  const create = async (input: TargetInput) => {
    const outcome = await createTarget({ input });
    if (outcome.data) list.created(t('created', { name: outcome.data.createTarget.name }), outcome.data.createTarget.id);
  };
  return (
    <div>
      <DirectoryToolbar
        list={list}
        createLabel={t('create')}
        importKind="TARGETS"
        exportName="targets"
        filter={filter}
        onImported={reload}
        createForm={(submitLabel) => <TargetForm initial={emptyTargetForm()} submitLabel={submitLabel} saving={created.fetching} error={created.error} onSubmit={create} />}
      />
      {list.selected && <TargetDetail id={list.selected} onClose={() => list.select(null)} />}
      <TargetFilters state={state} onChange={changeState} />
      <PagedResults list={list} data={result.data?.targets} error={result.error} fetching={result.fetching} onRetry={reload} total={(n) => t('total', { n })} totalTestId="targets-total">
        {(targets) => (
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
                <tr key={target.id} className={rowClass(list, target.id)}>
                  <td>
                    <RecordButton list={list} id={target.id}>
                      {target.name}
                    </RecordButton>
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
        )}
      </PagedResults>
    </div>
  );
}
