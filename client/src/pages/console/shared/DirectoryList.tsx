import './console-shared.css';
import { ReactNode, useState } from 'react';
import type { CombinedError } from 'urql';
import type { ImportKind } from '../../../gql/graphql';
import { defineMessages, useT } from '../../../i18n';
import { ErrorNotice, Loading } from '../../../ui/common';
import { DownloadButton } from './DownloadButton';
import { exportUrl } from './files';
import { ImportPanel } from './ImportPanel';
import { SuccessNotice } from './Notices';
import { Pager } from './Pager';

const messages = defineMessages(
  {
    cancel: '取消', save: '保存', import: '批量导入', hideImport: '收起导入', exportXlsx: '导出 Excel（按当前筛选）', exportCsv: '导出 CSV',
    any: '不限', status: '状态', activeYes: '在用', activeNo: '已停用', sort: '排序', descending: '倒序',
  },
  {
    cancel: 'Cancel', save: 'Save', import: 'Bulk import', hideImport: 'Hide import', exportXlsx: 'Export to Excel (current filter)', exportCsv: 'Export to CSV',
    any: 'Any', status: 'Status', activeYes: 'Active', activeNo: 'Deactivated', sort: 'Sort by', descending: 'Descending',
  },
);

/**
 * What every directory list (targets, inspectors, experts, catalog items) keeps besides its filter:
 * the page, the record opened below the toolbar, whether the create form and the import are open,
 * and the last confirmation.
 */
export function useDirectoryList() {
  const [page, setPage] = useState({ skip: 0, take: 20 });
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState('');
  return {
    page,
    setPage,
    /** A changed filter starts again from the first page. */
    firstPage: () => setPage((p) => ({ ...p, skip: 0 })),
    selected,
    select: setSelected,
    /** A second click on the open record closes it. */
    toggle: (id: string) => setSelected(id === selected ? null : id),
    creating,
    toggleCreating: () => {
      setCreating(!creating);
      setNotice('');
    },
    importing,
    toggleImporting: () => setImporting(!importing),
    notice,
    /** After a create: close the form, confirm, and open the new record when the list can show it. */
    created: (confirmation: string, openId?: string) => {
      setCreating(false);
      setNotice(confirmation);
      if (openId) setSelected(openId);
    },
  };
}

export type DirectoryList = ReturnType<typeof useDirectoryList>;

/**
 * The toolbar above a directory list (new record, bulk import, exports of the current filter), with
 * what it opens: the import panel, the create form (given the label of its submit button) and the
 * confirmation of a create.
 */
export function DirectoryToolbar({ list, createLabel, importKind, exportName, filter, exportXlsxLabel, onImported, createForm }: {
  list: DirectoryList;
  createLabel: string;
  importKind: ImportKind;
  exportName: Parameters<typeof exportUrl>[0];
  filter: object;
  exportXlsxLabel?: string;
  onImported(): void;
  createForm(submitLabel: string): ReactNode;
}) {
  const t = useT(messages);
  return (
    <>
      <div className="console-actions">
        <button type="button" className="primary" onClick={list.toggleCreating}>
          {list.creating ? t('cancel') : createLabel}
        </button>
        <button type="button" onClick={list.toggleImporting}>
          {list.importing ? t('hideImport') : t('import')}
        </button>
        <DownloadButton url={exportUrl(exportName, 'xlsx', filter)} fallbackName={`${exportName}.xlsx`}>
          {exportXlsxLabel ?? t('exportXlsx')}
        </DownloadButton>
        <DownloadButton url={exportUrl(exportName, 'csv', filter)} fallbackName={`${exportName}.csv`}>
          {t('exportCsv')}
        </DownloadButton>
      </div>
      {list.importing && <ImportPanel kind={importKind} onImported={onImported} />}
      {list.creating && (
        <div className="card">
          <h3>{createLabel}</h3>
          {createForm(t('save'))}
        </div>
      )}
      <SuccessNotice>{list.notice}</SuccessNotice>
    </>
  );
}

/** A page of a list query: its error, the first load, the count, the table and the pager. */
export function PagedResults<T extends { totalItems: number }>({ list, data, error, fetching, onRetry, total, totalTestId, children }: {
  list: DirectoryList;
  data: T | undefined;
  error: CombinedError | undefined;
  fetching: boolean;
  onRetry(): void;
  total(n: number): string;
  totalTestId?: string;
  children(data: T): ReactNode;
}) {
  return (
    <>
      <ErrorNotice error={error} onRetry={onRetry} />
      {fetching && !data && <Loading />}
      {data && (
        <>
          <p className="muted" data-testid={totalTestId}>
            {total(data.totalItems)}
          </p>
          {children(data)}
          <Pager skip={list.page.skip} take={list.page.take} total={data.totalItems} onChange={(skip, take) => list.setPage({ skip, take })} />
        </>
      )}
    </>
  );
}

/** A record's name in a list row: opens (or closes) it below the toolbar. */
export function RecordButton({ list, id, children }: { list: DirectoryList; id: string; children: ReactNode }) {
  return (
    <button type="button" className="link" onClick={() => list.toggle(id)}>
      {children}
    </button>
  );
}

/** The row of the open record is highlighted. */
export const rowClass = (list: DirectoryList, id: string) => (id === list.selected ? 'selected' : undefined);

/** Marks a deactivated record in a list. */
export function InactiveBadge({ active }: { active: boolean }) {
  const t = useT(messages);
  return active ? null : <span className="badge">{t('activeNo')}</span>;
}

export type ActiveChoice = '' | 'yes' | 'no';

/** The active / deactivated filter of a list; '' shows both. */
export function ActiveSelect({ value, onChange, label }: { value: ActiveChoice; onChange(next: ActiveChoice): void; label?: string }) {
  const t = useT(messages);
  return (
    <label>
      {label ?? t('status')}
      <select value={value} onChange={(e) => onChange(e.target.value as ActiveChoice)}>
        <option value="">{t('any')}</option>
        <option value="yes">{t('activeYes')}</option>
        <option value="no">{t('activeNo')}</option>
      </select>
    </label>
  );
}

/** The filter value of an ActiveSelect. */
export const activeFilterOf = (choice: ActiveChoice): boolean | undefined => (choice === '' ? undefined : choice === 'yes');

/** The sort of a list: the key (named by `labelOf`) and the direction. */
export function SortControls<K extends string>({ sorts, labelOf, value, onChange, descending, onDescendingChange }: {
  sorts: readonly K[];
  labelOf(sort: K): string;
  value: K;
  onChange(sort: K): void;
  descending: boolean;
  onDescendingChange(descending: boolean): void;
}) {
  const t = useT(messages);
  return (
    <>
      <label>
        {t('sort')}
        <select name="sort" value={value} onChange={(e) => onChange(e.target.value as K)}>
          {sorts.map((s) => (
            <option key={s} value={s}>
              {labelOf(s)}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={descending} onChange={(e) => onDescendingChange(e.target.checked)} />
        {t('descending')}
      </label>
    </>
  );
}
