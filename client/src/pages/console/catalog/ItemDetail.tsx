import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { InspectionItemInput } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { ErrorNotice, Loading } from '../../../ui/common';
import { HistoryPanel } from '../shared/HistoryPanel';
import { SuccessNotice } from '../shared/Notices';
import { ActiveToggle, DetailCard, errorForVersion, recordDetailMessages, useFieldLabels } from '../shared/RecordDetail';
import { Tabs } from '../shared/Tabs';
import { itemFormFromVersion } from './item-form';
import { itemFieldMessages, ItemForm } from './ItemForm';
import { ItemVersionView } from './ItemVersionView';

const messages = defineMessages(
  {
    heading: '{code} {name}', revise: '修订（保存为新版本）',
    cancelRevise: '取消修订', saveRevision: '保存为第 {next} 版', revised: '已保存为第 {version} 版；此前的版本仍可查看，已使用它的任务不受影响。',
    deactivated: '已停用：不再出现在公开的抽查事项清单中，也不能用于新任务。', versions: '版本', current: '现行版本',
    versionN: '第 {n} 版',
  },
  {
    heading: '{code} {name}', revise: 'Revise (save as a new version)', cancelRevise: 'Cancel the revision', saveRevision: 'Save as version {next}',
    revised: 'Saved as version {version}; earlier versions stay readable and tasks that used them are unaffected.',
    deactivated: 'Deactivated: no longer in the public catalog nor usable in new tasks.', versions: 'Versions', current: 'in force',
    versionN: 'Version {n}',
  },
);

const ItemQuery = graphql(`
  query ConsoleInspectionItem($id: ID!) {
    inspectionItem(id: $id) {
      id
      code
      active
      currentVersion
      updatedAt
      department {
        id
        name
      }
      versions {
        ...ConsoleItemVersionFields
      }
    }
  }
`);

const ReviseItem = graphql(`
  mutation ConsoleReviseItem($id: ID!, $expectedVersion: Int!, $input: InspectionItemInput!) {
    reviseInspectionItem(id: $id, expectedVersion: $expectedVersion, input: $input) {
      id
      currentVersion
    }
  }
`);

const SetItemActive = graphql(`
  mutation ConsoleSetItemActive($id: ID!, $active: Boolean!) {
    setInspectionItemActive(id: $id, active: $active) {
      id
      active
    }
  }
`);

/** One catalog item: every version (newest first), revise, (de)activate, history. */
export function ItemDetail({ id, onClose }: { id: string; onClose(): void }) {
  const t = useT(messages);
  const detail = useT(recordDetailMessages);
  const fieldLabels = useFieldLabels(itemFieldMessages);
  const [result, refetch] = useQuery({ query: ItemQuery, variables: { id } });
  const [revised, revise] = useMutation(ReviseItem);
  const [toggled, setActive] = useMutation(SetItemActive);
  const [revising, setRevising] = useState(false);
  const [shown, setShown] = useState<number | null>(null);
  const [notice, setNotice] = useState('');
  const item = result.data?.inspectionItem;
  if (!item) return result.error ? <ErrorNotice error={result.error} /> : <Loading />;
  const current = item.versions.find((v) => v.version === item.currentVersion) ?? item.versions[0];
  const viewed = item.versions.find((v) => v.version === (shown ?? item.currentVersion)) ?? current;
  const save = async (input: InspectionItemInput) => {
    setNotice('');
    const outcome = await revise({ id, expectedVersion: item.currentVersion, input });
    if (outcome.data) {
      setRevising(false);
      setShown(null);
      setNotice(t('revised', { version: outcome.data.reviseInspectionItem.currentVersion }));
    }
  };
  const toggle = async () => {
    setNotice('');
    const outcome = await setActive({ id, active: !item.active });
    if (outcome.data) setNotice(outcome.data.setInspectionItemActive.active ? detail('reactivated') : t('deactivated'));
  };
  return (
    <DetailCard
      heading={t('heading', { code: item.code, name: current.name })}
      testId="item-detail"
      actions={
        <>
          <button type="button" onClick={() => setRevising(!revising)}>
            {revising ? t('cancelRevise') : t('revise')}
          </button>
          <ActiveToggle active={item.active} busy={toggled.fetching} onToggle={toggle} />
        </>
      }
      onClose={onClose}
    >
      <SuccessNotice>{notice}</SuccessNotice>
      <ErrorNotice error={toggled.error} />
      {revising && (
        <ItemForm
          key={`form-${item.currentVersion}`}
          codeFixed
          initial={itemFormFromVersion(item.code, current)}
          submitLabel={t('saveRevision', { next: item.currentVersion + 1 })}
          saving={revised.fetching}
          error={errorForVersion(revised, item.currentVersion)}
          onSubmit={save}
          onReload={() => refetch({ requestPolicy: 'network-only' })}
        />
      )}
      <Tabs
        label={t('versions')}
        testId="item-versions"
        active={String(viewed.version)}
        onChange={(key) => setShown(Number(key))}
        tabs={item.versions.map((v) => ({ key: String(v.version), label: t('versionN', { n: v.version }) + (v.version === item.currentVersion ? ` (${t('current')})` : '') }))}
      />
      <ItemVersionView version={viewed} />
      <HistoryPanel key={`history-${item.currentVersion}-${item.active}`} entity="INSPECTION_ITEM" id={item.id} fieldLabels={fieldLabels} />
    </DetailCard>
  );
}
