import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { TargetInput } from '../../../gql/graphql';
import { defineMessages, formatDateTime, useLang, useT } from '../../../i18n';
import { ErrorNotice, Loading } from '../../../ui/common';
import { HistoryPanel } from '../shared/HistoryPanel';
import { SuccessNotice } from '../shared/Notices';
import { DetailCard, errorForVersion, recordDetailMessages, useFieldLabels, VersionStamp } from '../shared/RecordDetail';
import { targetFormFromRecord } from './target-form';
import { targetFieldMessages, TargetForm } from './TargetForm';

const messages = defineMessages(
  {
    heading: '检查对象：{name}', department: '所属部门', conflicts: '已申报利害关系的执法检查人员', noConflicts: '无', declaredAt: '申报于 {at}',
  },
  {
    heading: 'Target: {name}', department: 'Department', conflicts: 'Inspectors who declared a conflict of interest', noConflicts: 'None', declaredAt: 'declared {at}',
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
  const detail = useT(recordDetailMessages);
  const fieldLabels = useFieldLabels(targetFieldMessages);
  const { lang } = useLang();
  const [result, refetch] = useQuery({ query: TargetQuery, variables: { id }, requestPolicy: 'cache-and-network' });
  const [saved, updateTarget] = useMutation(UpdateTarget);
  const [notice, setNotice] = useState('');
  const target = result.data?.target;
  if (!target) return result.error ? <ErrorNotice error={result.error} /> : <Loading />;
  const save = async (input: TargetInput) => {
    setNotice('');
    const outcome = await updateTarget({ id, expectedVersion: target.version, input });
    if (outcome.data) setNotice(detail('saved', { version: outcome.data.updateTarget.version }));
  };
  return (
    <DetailCard heading={t('heading', { name: target.name })} testId="target-detail" onClose={onClose}>
      <p className="muted">
        <VersionStamp version={target.version} updatedAt={target.updatedAt} /> · {t('department')}: {target.department.name}
      </p>
      <SuccessNotice>{notice}</SuccessNotice>
      {/* A new version (saved here or elsewhere and reloaded) starts the form afresh from it. */}
      <TargetForm
        key={`form-${target.version}`}
        initial={targetFormFromRecord(target)}
        submitLabel={detail('saveChanges')}
        saving={saved.fetching}
        error={errorForVersion(saved, target.version)}
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
    </DetailCard>
  );
}
