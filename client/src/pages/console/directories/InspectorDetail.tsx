import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { InspectorInput } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { ErrorNotice, Loading } from '../../../ui/common';
import { HistoryPanel } from '../shared/HistoryPanel';
import { SuccessNotice } from '../shared/Notices';
import { ActiveToggle, DetailCard, errorForVersion, recordDetailMessages, useFieldLabels, VersionStamp } from '../shared/RecordDetail';
import { SaveError } from '../shared/SaveError';
import { ConflictsPanel } from './ConflictsPanel';
import { inspectorFieldMessages, InspectorForm } from './InspectorForm';
import { inspectorFormFromRecord } from './people-form';

const messages = defineMessages(
  { heading: '执法检查人员：{name}', deactivated: '已停用，此后摇号不再抽到该人员。' },
  { heading: 'Inspector: {name}', deactivated: 'Deactivated: draws will no longer pick this inspector.' },
);

const InspectorQuery = graphql(`
  query ConsoleInspector($id: ID!) {
    inspector(id: $id) {
      id
      version
      updatedAt
      active
      name
      certificateNumber
      certificateValidFrom
      certificateValidTo
      phone
      regionCode
      specialties
      conflicts {
        id
        reason
        declaredAt
        target {
          id
          name
        }
      }
    }
  }
`);

const UpdateInspector = graphql(`
  mutation ConsoleUpdateInspector($id: ID!, $expectedVersion: Int!, $input: InspectorInput!) {
    updateInspector(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      version
    }
  }
`);

const SetInspectorActive = graphql(`
  mutation ConsoleSetInspectorActive($id: ID!, $expectedVersion: Int!, $active: Boolean!) {
    setInspectorActive(id: $id, expectedVersion: $expectedVersion, active: $active) {
      id
      version
      active
    }
  }
`);

/** One inspector: edit, (de)activate, conflicts of interest, history. */
export function InspectorDetail({ id, onClose }: { id: string; onClose(): void }) {
  const t = useT(messages);
  const detail = useT(recordDetailMessages);
  const fieldLabels = useFieldLabels(inspectorFieldMessages);
  const [result, refetch] = useQuery({ query: InspectorQuery, variables: { id } });
  const [saved, update] = useMutation(UpdateInspector);
  const [toggled, setActive] = useMutation(SetInspectorActive);
  const [notice, setNotice] = useState('');
  const inspector = result.data?.inspector;
  if (!inspector) return result.error ? <ErrorNotice error={result.error} /> : <Loading />;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const save = async (input: InspectorInput) => {
    setNotice('');
    const outcome = await update({ id, expectedVersion: inspector.version, input });
    if (outcome.data) setNotice(detail('saved', { version: outcome.data.updateInspector.version }));
  };
  const toggle = async () => {
    setNotice('');
    const outcome = await setActive({ id, expectedVersion: inspector.version, active: !inspector.active });
    if (outcome.data) setNotice(outcome.data.setInspectorActive.active ? detail('reactivated') : t('deactivated'));
  };
  return (
    <DetailCard
      heading={t('heading', { name: inspector.name })}
      actions={<ActiveToggle active={inspector.active} busy={toggled.fetching} onToggle={toggle} />}
      onClose={onClose}
    >
      <p className="muted">
        <VersionStamp version={inspector.version} updatedAt={inspector.updatedAt} />
      </p>
      <SuccessNotice>{notice}</SuccessNotice>
      <SaveError error={errorForVersion(toggled, inspector.version)} onReload={reload} />
      <InspectorForm
        key={`form-${inspector.version}`}
        initial={inspectorFormFromRecord(inspector)}
        submitLabel={detail('saveChanges')}
        saving={saved.fetching}
        error={errorForVersion(saved, inspector.version)}
        onSubmit={save}
        onReload={reload}
      />
      <ConflictsPanel inspectorId={inspector.id} conflicts={inspector.conflicts} onChanged={reload} />
      <HistoryPanel key={`history-${inspector.version}-${inspector.conflicts.length}`} entity="INSPECTOR" id={inspector.id} fieldLabels={fieldLabels} />
    </DetailCard>
  );
}
