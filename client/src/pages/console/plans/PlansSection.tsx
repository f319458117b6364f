import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../../api/hub-context';
import { hasRole } from '../../../api/session';
import { graphql } from '../../../gql';
import type { PlanVersionInput } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { ErrorNotice, Loading } from '../../../ui/common';
import { DepartmentSelect } from '../shared/DirectoryPickers';
import { planStatusLabels } from '../shared/labels';
import { SuccessNotice } from '../shared/Notices';
import { Pager } from '../shared/Pager';
import { FilingStatus } from './FilingStatus';
import { emptyPlanForm, todayInChina } from './plan-form';
import { PlanContentEditor } from './PlanContentEditor';
import { PlanDetail } from './PlanDetail';

const messages = defineMessages(
  {
    heading: '年度抽查工作计划', year: '年度', anyYear: '全部年度', create: '新建年度计划', cancel: '取消', save: '保存为草稿（第 1 版）',
    created: '已新建 {year} 年度计划草稿。', total: '共 {n} 份计划', department: '部门', latest: '最新版本', status: '状态', filing: '备案',
    inForce: '现行版本', none: '—', versionN: '第 {n} 版', open: '查看', planYear: '计划年度',
    defaultTitle: '{department}{year}年度“双随机、一公开”抽查工作计划',
  },
  {
    heading: 'Annual inspection plans', year: 'Year', anyYear: 'All years', create: 'New annual plan', cancel: 'Cancel', save: 'Save as a draft (version 1)',
    created: 'Draft plan for {year} created.', total: '{n} plans', department: 'Department', latest: 'Latest version', status: 'Status', filing: 'Filing',
    inForce: 'In force', none: '—', versionN: 'v{n}', open: 'Open', planYear: 'Plan year',
    defaultTitle: '{department} {year} random inspection plan',
  },
);

const PlansQuery = graphql(`
  query ConsoleAnnualPlans($filter: AnnualPlanFilter, $page: PageInput!) {
    annualPlans(filter: $filter, page: $page) {
      totalItems
      items {
        id
        year
        currentVersion
        department {
          id
          name
        }
        inForce {
          id
          version
        }
        current {
          id
          version
          status
          title
          filingState
          filingDeadline
          overdue
        }
      }
    }
  }
`);

const CreatePlan = graphql(`
  mutation ConsoleCreatePlan($year: Int!, $input: PlanVersionInput!) {
    createAnnualPlan(year: $year, input: $input) {
      id
      year
    }
  }
`);

/** 年度计划: the plans of the department and those below, their filing state and deadline; planners draft and adopt. */
export default function PlansSection() {
  const t = useT(messages);
  const status = useT(planStatusLabels);
  const session = useSession();
  const thisYear = Number(todayInChina().slice(0, 4));
  const [year, setYear] = useState<number | null>(null);
  const [departmentId, setDepartmentId] = useState('');
  const [page, setPage] = useState({ skip: 0, take: 20 });
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [newYear, setNewYear] = useState(thisYear);
  const [notice, setNotice] = useState('');
  const [result, refetch] = useQuery({
    query: PlansQuery,
    variables: { filter: { year: year ?? undefined, departmentId: departmentId || undefined }, page: { skip: page.skip, take: page.take, order: 'DESC' } },
  });
  const [created, createPlan] = useMutation(CreatePlan);
  const canCreate = hasRole(session, 'PLANNER', 'ADMINISTRATOR');
  const create = async (input: PlanVersionInput) => {
    const outcome = await createPlan({ year: newYear, input });
    if (outcome.data) {
      setCreating(false);
      setNotice(t('created', { year: outcome.data.createAnnualPlan.year }));
      setSelected(outcome.data.createAnnualPlan.id);
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const plans = result.data?.annualPlans;
  const years = [thisYear + 1, thisYear, thisYear - 1, thisYear - 2];
  return (
    <div>
      <h1>{t('heading')}</h1>
      {canCreate && (
        <div className="console-actions">
          <button type="button" className="primary" onClick={() => { setCreating(!creating); setNotice(''); }}>
            {creating ? t('cancel') : t('create')}
          </button>
        </div>
      )}
      {creating && (
        <div className="card">
          <h3>{t('create')}</h3>
          <PlanContentEditor
            key={newYear}
            initial={emptyPlanForm(t('defaultTitle', { department: session?.departmentName ?? '', year: newYear }))}
            year={newYear}
            submitLabel={t('save')}
            saving={created.fetching}
            error={created.error}
            onSubmit={create}
          >
            <label>
              {t('planYear')}
              <select name="planYear" value={newYear} onChange={(e) => setNewYear(Number(e.target.value))}>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
          </PlanContentEditor>
        </div>
      )}
      <SuccessNotice>{notice}</SuccessNotice>
      {selected && <PlanDetail id={selected} onClose={() => setSelected(null)} />}
      <div className="console-filters">
        <label>
          {t('year')}
          <select name="filterYear" value={year ?? ''} onChange={(e) => { setYear(e.target.value ? Number(e.target.value) : null); setPage((p) => ({ ...p, skip: 0 })); }}>
            <option value="">{t('anyYear')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <DepartmentSelect value={departmentId} onChange={(v) => { setDepartmentId(v); setPage((p) => ({ ...p, skip: 0 })); }} />
      </div>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {result.fetching && !plans && <Loading />}
      {plans && (
        <>
          <p className="muted">{t('total', { n: plans.totalItems })}</p>
          <table data-testid="plans-table">
            <thead>
              <tr>
                <th>{t('year')}</th>
                <th>{t('department')}</th>
                <th>{t('latest')}</th>
                <th>{t('status')}</th>
                <th>{t('filing')}</th>
                <th>{t('inForce')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {plans.items.map((plan) => (
                <tr key={plan.id} className={plan.id === selected ? 'selected' : undefined} data-testid={`plan-row-${plan.id}`}>
                  <td>{plan.year}</td>
                  <td>{plan.department.name}</td>
                  <td>
                    {t('versionN', { n: plan.current.version })} {plan.current.title}
                  </td>
                  <td>{status(plan.current.status)}</td>
                  <td>
                    <FilingStatus state={plan.current.filingState} deadline={plan.current.filingDeadline} />
                  </td>
                  <td>{plan.inForce ? t('versionN', { n: plan.inForce.version }) : t('none')}</td>
                  <td>
                    <button type="button" onClick={() => setSelected(plan.id === selected ? null : plan.id)}>
                      {t('open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager skip={page.skip} take={page.take} total={plans.totalItems} onChange={(skip, take) => setPage({ skip, take })} />
        </>
      )}
    </div>
  );
}
