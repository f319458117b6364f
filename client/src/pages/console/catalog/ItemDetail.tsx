import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { InspectionItemInput } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { ErrorNotice, Loading } from '../../../ui/common';
import { HistoryPanel } from '../shared/HistoryPanel';
import { SuccessNotice } from '../shared/Notices';
import { itemFormFromVersion } from './item-form';
import { itemFieldMessages, ItemForm } from './ItemForm';
import { ItemVersionView } from './ItemVersionView';

const messages = defineMessages(
  {
    heading: '{code} {name}', close: '关闭', active: '在用', inactive: '已停用', deactivate: '停用', reactivate: '启用', revise: '修订（保存为新版本）',
    cancelRevise: '取消修订', saveRevision: '保存为第 {next} 版', revised: '已保存为第 {version} 版；此前的版本仍可查看，已使用它的任务不受影响。',
    deactivated: '已停用：不再出现在公开的抽查事项清单中，也不能用于新任务。', reactivated: '已重新启用。', versions: '版本', current: '现行版本',
    versionN: '第 {n} 版',
  },
  {
    heading: '{code} {name}', close: 'Close', active: 'Active', inactive: 'Deactivated', deactivate: 'Deactivate', reactivate: 'Reactivate',
    revise: 'Revise (save as a new version)', cancelRevise: 'Cancel the revision', saveRevision: 'Save as version {next}',
    revised: 'Saved as version {version}; earlier versions stay readable and tasks that used them are unaffected.',
    deactivated: 'Deactivated: no longer in the public catalog nor usable in new tasks.', reactivated: 'Reactivated.', versions: 'Versions', current: 'in force',
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
  const fields = useT(itemFieldMessages);
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
    if (outcome.data) setNotice(outcome.data.setInspectionItemActive.active ? t('reactivated') : t('deactivated'));
  };
  const fieldLabels = Object.fromEntries(Object.keys(itemFieldMessages.zh).map((key) => [key, fields(key as keyof typeof itemFieldMessages.zh)]));
  return (
    <section className="card console-detail" data-testid="item-detail" aria-label={t('heading', { code: item.code, name: current.name })}>
      <div className="row">
        <h3>{t('heading', { code: item.code, name: current.name })}</h3>
        <span className={item.active ? 'badge ok' : 'badge'}>{item.active ? t('active') : t('inactive')}</span>
        <button type="button" onClick={() => setRevising(!revising)}>
          {revising ? t('cancelRevise') : t('revise')}
        </button>
        <button type="button" onClick={toggle} disabled={toggled.fetching}>
          {item.active ? t('deactivate') : t('reactivate')}
        </button>
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
      <SuccessNotice>{notice}</SuccessNotice>
      <ErrorNotice error={toggled.error} />
      {revising && (
        <ItemForm
          key={`form-${item.currentVersion}`}
          codeFixed
          initial={itemFormFromVersion(item.code, current)}
          submitLabel={t('saveRevision', { next: item.currentVersion + 1 })}
          saving={revised.fetching}
          error={revised.operation?.variables.expectedVersion === item.currentVersion ? revised.error : null}
          onSubmit={save}
          onReload={() => refetch({ requestPolicy: 'network-only' })}
        />
      )}
      <div className="console-tabs" role="tablist" aria-label={t('versions')} data-testid="item-versions">
        {item.versions.map((v) => (
          <button key={v.version} type="button" role="tab" aria-selected={v.version === viewed.version} className={v.version === viewed.version ? 'active' : undefined} onClick={() => setShown(v.version)}>
            {t('versionN', { n: v.version })}
            {v.version === item.currentVersion && ` (${t('current')})`}
          </button>
        ))}
      </div>
      <ItemVersionView version={viewed} />
      <HistoryPanel key={`history-${item.currentVersion}-${item.active}`} entity="INSPECTION_ITEM" id={item.id} fieldLabels={fieldLabels} />
    </section>
  );
}
