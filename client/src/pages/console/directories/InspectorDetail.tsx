import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { InspectorInput } from '../../../gql/graphql';
import { defineMessages, formatDateTime, useLang, useT } from '../../../i18n';
import { ErrorNotice, Loading } from '../../../ui/common';
import { HistoryPanel } from '../shared/HistoryPanel';
import { SuccessNotice } from '../shared/Notices';
import { SaveError } from '../shared/SaveError';
import { ConflictsPanel } from './ConflictsPanel';
import { inspectorFieldMessages, InspectorForm } from './InspectorForm';
import { inspectorFormFromRecord } from './people-form';

const messages = defineMessages(
  {
    heading: '执法检查人员：{name}', close: '关闭', save: '保存修改', saved: '已保存，现为第 {version} 版。', version: '第 {version} 版，最后修改于 {at}',
    active: '在用', inactive: '已停用', deactivate: '停用', reactivate: '启用', deactivated: '已停用，此后摇号不再抽到该人员。', reactivated: '已重新启用。',
  },
  {
    heading: 'Inspector: {name}', close: 'Close', save: 'Save changes', saved: 'Saved: now version {version}.', version: 'Version {version}, last changed {at}',
    active: 'Active', inactive: 'Deactivated', deactivate: 'Deactivate', reactivate: 'Reactivate', deactivated: 'Deactivated: draws will no longer pick this inspector.',
    reactivated: 'Reactivated.',
  },
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
  const fields = useT(inspectorFieldMessages);
  const { lang } = useLang();
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
    if (outcome.data) setNotice(t('saved', { version: outcome.data.updateInspector.version }));
  };
  const toggle = async () => {
    setNotice('');
    const outcome = await setActive({ id, expectedVersion: inspector.version, active: !inspector.active });
    if (outcome.data) setNotice(outcome.data.setInspectorActive.active ? t('reactivated') : t('deactivated'));
  };
  const fieldLabels = Object.fromEntries(Object.keys(inspectorFieldMessages.zh).map((key) => [key, fields(key as keyof typeof inspectorFieldMessages.zh)]));
  const current = (error: typeof saved.error, variables: { expectedVersion: number } | undefined) => (variables?.expectedVersion === inspector.version ? error : null);
  return (
    <section className="card console-detail" aria-label={t('heading', { name: inspector.name })}>
      <div className="row">
        <h3>{t('heading', { name: inspector.name })}</h3>
        <span className={inspector.active ? 'badge ok' : 'badge'}>{inspector.active ? t('active') : t('inactive')}</span>
        <button type="button" onClick={toggle} disabled={toggled.fetching}>
          {inspector.active ? t('deactivate') : t('reactivate')}
        </button>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <p className="muted">{t('version', { version: inspector.version, at: formatDateTime(inspector.updatedAt, lang) })}</p>
      <SuccessNotice>{notice}</SuccessNotice>
      <SaveError error={current(toggled.error, toggled.operation?.variables)} onReload={reload} />
      <InspectorForm
        key={`form-${inspector.version}`}
        initial={inspectorFormFromRecord(inspector)}
        submitLabel={t('save')}
        saving={saved.fetching}
        error={current(saved.error, saved.operation?.variables)}
        onSubmit={save}
        onReload={reload}
      />
      <ConflictsPanel inspectorId={inspector.id} conflicts={inspector.conflicts} onChanged={reload} />
      <HistoryPanel key={`history-${inspector.version}-${inspector.conflicts.length}`} entity="INSPECTOR" id={inspector.id} fieldLabels={fieldLabels} />
    </section>
  );
}
