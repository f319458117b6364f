import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useSession } from '../../../api/hub-context';
import { hasRole } from '../../../api/session';
import { graphql } from '../../../gql';
import { defineMessages, useT } from '../../../i18n';
import { ErrorNotice, Loading } from '../../../ui/common';
import { ChangeRecordList } from '../shared/HistoryPanel';
import { SuccessNotice } from '../shared/Notices';
import { TextField } from '../shared/RecordForm';
import { SaveError } from '../shared/SaveError';
import { Tabs } from '../shared/Tabs';
import { VersionView } from './VersionView';

const messages = defineMessages(
  {
    heading: '{year} 年度抽查工作计划 · {department}', close: '关闭', versions: '版本', versionN: '第 {n} 版', latest: '最新', inForce: '现行',
    adjust: '调整计划（新建版本）', adjustHeading: '调整计划：以现行内容为底稿新建第 {n} 版草稿，修改后重新印发和备案', reason: '调整原因',
    confirmAdjust: '新建调整版本', adjusted: '已新建第 {n} 版草稿。', history: '计划变更记录', cancel: '取消',
  },
  {
    heading: '{year} annual inspection plan · {department}', close: 'Close', versions: 'Versions', versionN: 'Version {n}', latest: 'latest', inForce: 'in force',
    adjust: 'Adjust the plan (new version)', adjustHeading: 'Adjust: version {n} starts as a draft copy of the latest version, to be adopted and filed again',
    reason: 'Reason for the adjustment', confirmAdjust: 'Create the adjustment', adjusted: 'Draft version {n} created.', history: 'Plan history', cancel: 'Cancel',
  },
);

const PlanQuery = graphql(`
  query ConsoleAnnualPlan($id: ID!) {
    annualPlan(id: $id) {
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
      versions {
        ...ConsolePlanVersionFields
      }
      history {
        ...ConsoleChangeRecord
      }
    }
  }
`);

const AdjustPlan = graphql(`
  mutation ConsoleAdjustPlan($planId: ID!, $expectedVersion: Int!, $reason: String!) {
    adjustAnnualPlan(planId: $planId, expectedVersion: $expectedVersion, reason: $reason) {
      ...ConsolePlanVersionFields
    }
  }
`);

/** One annual plan: its versions (the latest first), the adjustment of an adopted plan, its history. */
export function PlanDetail({ id, onClose }: { id: string; onClose(): void }) {
  const t = useT(messages);
  const session = useSession();
  const [result, refetch] = useQuery({ query: PlanQuery, variables: { id } });
  const [adjusted, adjust] = useMutation(AdjustPlan);
  const [shown, setShown] = useState<number | null>(null);
  const [adjusting, setAdjusting] = useState(false);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState('');
  const plan = result.data?.annualPlan;
  if (!plan) return result.error ? <ErrorNotice error={result.error} /> : <Loading />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const canEdit = hasRole(session, 'PLANNER', 'ADMINISTRATOR') && plan.department.id === session?.departmentId;
  const latest = plan.versions.find((v) => v.version === plan.currentVersion) ?? plan.versions[0];
  const viewed = plan.versions.find((v) => v.version === (shown ?? plan.currentVersion)) ?? latest;
  const submitAdjust = async (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    const outcome = await adjust({ planId: plan.id, expectedVersion: plan.currentVersion, reason: reason.trim() });
    if (outcome.data) {
      setAdjusting(false);
      setReason('');
      setShown(null);
      setNotice(t('adjusted', { n: outcome.data.adjustAnnualPlan.version }));
      reload();
    }
  };
  return (
    <section className="card" data-testid="plan-detail" aria-label={t('heading', { year: plan.year, department: plan.department.name })}>
      <div className="row">
        <h3>{t('heading', { year: plan.year, department: plan.department.name })}</h3>
        {canEdit && latest.status !== 'DRAFT' && (
          <button type="button" onClick={() => setAdjusting(!adjusting)}>
            {adjusting ? t('cancel') : t('adjust')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <SuccessNotice>{notice}</SuccessNotice>
      {adjusting && (
        <form className="card console-form" onSubmit={submitAdjust}>
          <h4>{t('adjustHeading', { n: plan.currentVersion + 1 })}</h4>
          <TextField name="adjustReason" label={t('reason')} value={reason} required onChange={setReason} />
          <SaveError error={adjusted.error} onReload={reload} />
          <button type="submit" className="primary" disabled={adjusted.fetching}>
            {t('confirmAdjust')}
          </button>
        </form>
      )}
      <Tabs
        label={t('versions')}
        active={String(viewed.version)}
        onChange={(key) => setShown(Number(key))}
        tabs={plan.versions.map((v) => ({
          key: String(v.version),
          label: t('versionN', { n: v.version }) + (v.version === plan.inForce?.version ? ` (${t('inForce')})` : v.version === plan.currentVersion ? ` (${t('latest')})` : ''),
        }))}
      />
      <VersionView key={viewed.id} version={viewed} year={plan.year} canEdit={canEdit && viewed.version === plan.currentVersion} onReload={reload} />
      <details>
        <summary>{t('history')}</summary>
        <ChangeRecordList records={plan.history} />
      </details>
    </section>
  );
}
