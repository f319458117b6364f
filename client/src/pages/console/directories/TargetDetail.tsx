import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { TargetInput } from '../../../gql/graphql';
import { defineMessages, formatDateTime, useLang, useT } from '../../../i18n';
import { ErrorNotice, Loading } from '../../../ui/common';
import { HistoryPanel } from '../shared/HistoryPanel';
import { SuccessNotice } from '../shared/Notices';
import { targetFormFromRecord } from './target-form';
import { targetFieldMessages, TargetForm } from './TargetForm';

const messages = defineMessages(
  {
    heading: '检查对象：{name}', close: '关闭', save: '保存修改', saved: '已保存，现为第 {version} 版。', version: '第 {version} 版，最后修改于 {at}',
    department: '所属部门', conflicts: '已申报利害关系的执法检查人员', noConflicts: '无', declaredAt: '申报于 {at}',
  },
  {
    heading: 'Target: {name}', close: 'Close', save: 'Save changes', saved: 'Saved: now version {version}.', version: 'Version {version}, last changed {at}',
    department: 'Department', conflicts: 'Inspectors who declared a conflict of interest', noConflicts: 'None', declaredAt: 'declared {at}',
  },
);

const TargetQuery = graphql(`
  query ConsoleTarget($id: ID!) {
    target(id: $id) {
      id
      version
      updatedAt
      name
      creditCode
      type
      regionCode
      address
      legalRepresentative
      phone
      status
      riskLevel
      creditClass
      complaintCount
      dishonest
      seriousViolation
      specialDirectories
      licences {
        kind
        number
        validTo
      }
      department {
        id
        name
      }
      conflicts {
        id
        reason
        declaredAt
        inspector {
          id
          name
          certificateNumber
        }
      }
    }
  }
`);

const UpdateTarget = graphql(`
  mutation ConsoleUpdateTarget($id: ID!, $expectedVersion: Int!, $input: TargetInput!) {
    updateTarget(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      version
      name
    }
  }
`);

/** One target: edit it (from the version read), its declared conflicts and its change history. */
export function TargetDetail({ id, onClose }: { id: string; onClose(): void }) {
  const t = useT(messages);
  const fields = useT(targetFieldMessages);
  const { lang } = useLang();
  const [result, refetch] = useQuery({ query: TargetQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const [saved, updateTarget] = useMutation(UpdateTarget);
  const [notice, setNotice] = useState('');
  const target = result.data?.target;
  if (!target) return result.error ? <ErrorNotice error={result.error} /> : <Loading />;
  const save = async (input: TargetInput) => {
    setNotice('');
    const outcome = await updateTarget({ id, expectedVersion: target.version, input });
    if (outcome.data) setNotice(t('saved', { version: outcome.data.updateTarget.version }));
  };
  const fieldLabels = Object.fromEntries(Object.keys(targetFieldMessages.zh).map((key) => [key, fields(key as keyof typeof targetFieldMessages.zh)]));
  return (
    <section className="card console-detail" aria-label={t('heading', { name: target.name })} data-testid="target-detail">
      <div className="row">
        <h3>{t('heading', { name: target.name })}</h3>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <p className="muted">
        {t('version', { version: target.version, at: formatDateTime(target.updatedAt, lang) })} · {t('department')}: {target.department.name}
      </p>
      <SuccessNotice>{notice}</SuccessNotice>
      {/* A new version (saved here or elsewhere and reloaded) starts the form afresh from it. */}
      <TargetForm
        key={`form-${target.version}`}
        initial={targetFormFromRecord(target)}
        submitLabel={t('save')}
        saving={saved.fetching}
        error={saved.operation?.variables.expectedVersion === target.version ? saved.error : null}
        onSubmit={save}
        onReload={() => refetch({ requestPolicy: 'network-only' })}
      />
      <h4>{t('conflicts')}</h4>
      {target.conflicts.length ? (
        <ul>
          {target.conflicts.map((c) => (
            <li key={c.id}>
              {c.inspector?.name} ({c.inspector?.certificateNumber}) — {c.reason} <span className="muted">{t('declaredAt', { at: formatDateTime(c.declaredAt, lang) })}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('noConflicts')}</p>
      )}
      <HistoryPanel key={`history-${target.version}`} entity="TARGET" id={target.id} fieldLabels={fieldLabels} />
    </section>
  );
}
