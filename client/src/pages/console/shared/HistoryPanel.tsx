import './console-shared.css';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { HistoryEntity } from '../../../gql/graphql';
import { defineMessages, formatDateTime, useLang, useT } from '../../../i18n';
import { ErrorNotice, Loading } from '../../../ui/common';
import { formatChangeValue } from './history-format';

const messages = defineMessages(
  {
    heading: '变更记录', at: '时间', who: '操作人', action: '操作', changes: '变更内容', viaImport: '（导入任务 {id}）', none: '暂无变更记录',
    yes: '是', no: '否', system: '系统',
    CREATE: '新建', UPDATE: '修改', DEACTIVATE: '停用', REACTIVATE: '启用', NEW_VERSION: '新版本', DECLARE_CONFLICT: '申报利害关系',
    WITHDRAW_CONFLICT: '撤回利害关系申报', ADOPT: '印发', FILE: '备案', UPDATE_DRAFT: '修改草稿',
  },
  {
    heading: 'Change history', at: 'When', who: 'By', action: 'Action', changes: 'Changes', viaImport: '(import {id})', none: 'No changes recorded',
    yes: 'yes', no: 'no', system: 'system',
    CREATE: 'Created', UPDATE: 'Updated', DEACTIVATE: 'Deactivated', REACTIVATE: 'Reactivated', NEW_VERSION: 'New version', DECLARE_CONFLICT: 'Conflict declared',
    WITHDRAW_CONFLICT: 'Conflict withdrawn', ADOPT: 'Adopted', FILE: 'Filed', UPDATE_DRAFT: 'Draft edited',
  },
);
type ActionKey = 'CREATE' | 'UPDATE' | 'DEACTIVATE' | 'REACTIVATE' | 'NEW_VERSION' | 'DECLARE_CONFLICT' | 'WITHDRAW_CONFLICT' | 'ADOPT' | 'FILE' | 'UPDATE_DRAFT';
const isKnownAction = (action: string): action is ActionKey => action in messages.zh;

/** What ChangeRecordList shows of a change; a page that reads a record's history with the record spreads it. */
export const ChangeRecordFields = graphql(`
  fragment ConsoleChangeRecord on ChangeRecord {
    id
    action
    at
    changedBy
    importJobId
    changes {
      field
      before
      after
    }
  }
`);

const HistoryQuery = graphql(`
  query ConsoleHistory($entity: HistoryEntity!, $id: ID!) {
    history(entity: $entity, id: $id) {
      ...ConsoleChangeRecord
    }
  }
`);

export interface ChangeRecordView {
  id: string;
  action: string;
  at: string;
  changedBy?: string | null;
  importJobId?: string | null;
  changes: readonly { field: string; before?: string | null; after?: string | null }[];
}

/** Who changed which fields and when, oldest first; `fieldLabels` names the fields as the form does. */
export function ChangeRecordList({ records, fieldLabels = {} }: { records: readonly ChangeRecordView[]; fieldLabels?: Record<string, string> }) {
  const t = useT(messages);
  const { lang } = useLang();
  if (!records.length) return <p className="muted">{t('none')}</p>;
  return (
    <table className="console-history">
      <thead>
        <tr>
          <th>{t('at')}</th>
          <th>{t('who')}</th>
          <th>{t('action')}</th>
          <th>{t('changes')}</th>
        </tr>
      </thead>
      <tbody>
        {records.map((record) => (
          <tr key={record.id}>
            <td>{formatDateTime(record.at, lang)}</td>
            <td>{record.changedBy ?? t('system')}</td>
            <td>
              {isKnownAction(record.action) ? t(record.action) : record.action}
              {record.importJobId && <span className="muted"> {t('viaImport', { id: record.importJobId })}</span>}
            </td>
            <td>
              <ul className="plain">
                {record.changes.map((change) => (
                  <li key={change.field}>
                    <strong>{fieldLabels[change.field] ?? change.field}</strong>: {formatChangeValue(change.before, t('yes'), t('no'))} →{' '}
                    {formatChangeValue(change.after, t('yes'), t('no'))}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The change history of a directory record or a catalog item (`history(entity, id)`). */
export function HistoryPanel({ entity, id, fieldLabels }: { entity: HistoryEntity; id: string; fieldLabels?: Record<string, string> }) {
  const t = useT(messages);
  const [result, refetch] = useQuery({ query: HistoryQuery, variables: { entity, id }, requestPolicy: 'network-only' });
  return (
    <section className="console-history-panel" aria-label={t('heading')}>
      <h3>{t('heading')}</h3>
      {result.fetching && !result.data && <Loading />}
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {result.data && <ChangeRecordList records={result.data.history} fieldLabels={fieldLabels} />}
    </section>
  );
}
