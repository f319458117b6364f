import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { InspectionItemInput, ItemKind } from '../../../gql/graphql';
import { defineMessages, useLang, useT } from '../../../i18n';
import { ErrorNotice, Loading } from '../../../ui/common';
import { CategorySelect } from '../shared/CategoryPicker';
import { EnumSelect } from '../shared/Choices';
import { DownloadButton } from '../shared/DownloadButton';
import { exportUrl } from '../shared/files';
import { ImportPanel } from '../shared/ImportPanel';
import { itemKindLabels } from '../shared/labels';
import { SuccessNotice } from '../shared/Notices';
import { Pager } from '../shared/Pager';
import { SearchBox } from '../shared/SearchBox';
import { emptyItemForm } from './item-form';
import { ItemDetail } from './ItemDetail';
import { ItemForm } from './ItemForm';

const messages = defineMessages(
  {
    search: '事项编码或名称', any: '不限', kind: '事项类型', category: '事项类别', status: '状态', activeYes: '在用', activeNo: '已停用', total: '共 {n} 项',
    code: '编码', name: '事项名称', version: '现行版本', ratio: '抽查比例', frequency: '频次', department: '部门', create: '新增检查事项', cancel: '取消',
    save: '保存', created: '已新增检查事项“{name}”（第 1 版）。', ratioRange: '{min}%–{max}%', ratioMin: '不低于 {min}%', perYear: '{n} 次/年', versionN: '第 {n} 版',
    exportXlsx: '导出清单 Excel', exportCsv: '导出 CSV', import: '批量导入', hideImport: '收起导入',
  },
  {
    search: 'Code or name', any: 'Any', kind: 'Kind', category: 'Category', status: 'Status', activeYes: 'Active', activeNo: 'Deactivated', total: '{n} items',
    code: 'Code', name: 'Name', version: 'Version in force', ratio: 'Ratio', frequency: 'Rounds', department: 'Department', create: 'New item', cancel: 'Cancel',
    save: 'Save', created: 'Item “{name}” created (version 1).', ratioRange: '{min}%–{max}%', ratioMin: 'at least {min}%', perYear: '{n} a year',
    versionN: 'v{n}', exportXlsx: 'Export the catalog to Excel', exportCsv: 'Export to CSV', import: 'Bulk import', hideImport: 'Hide import',
  },
);

const ItemsQuery = graphql(`
  query ConsoleInspectionItems($filter: InspectionItemFilter, $page: PageInput!) {
    inspectionItems(filter: $filter, page: $page) {
      totalItems
      items {
        id
        code
        active
        currentVersion
        department {
          id
          name
        }
        current {
          id
          name
          kind
          categoryCode
          category {
            code
            nameZh
            nameEn
          }
          ratioMinPercent
          ratioMaxPercent
          frequencyPerYear
        }
      }
    }
  }
`);

const CreateItem = graphql(`
  mutation ConsoleCreateItem($input: InspectionItemInput!) {
    createInspectionItem(input: $input) {
      id
      code
      currentVersion
      current {
        id
        name
      }
    }
  }
`);

/** 抽查事项清单: filter, page, create; an item opens with its versions. */
export function ItemsPanel() {
  const t = useT(messages);
  const kindLabel = useT(itemKindLabels);
  const { lang } = useLang();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<ItemKind | ''>('');
  const [categoryCode, setCategoryCode] = useState('');
  const [active, setActive] = useState<'' | 'yes' | 'no'>('');
  const [page, setPage] = useState({ skip: 0, take: 20 });
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState('');
  const filter = { search: search || undefined, kind: kind || undefined, categoryCode: categoryCode || undefined, active: active === '' ? undefined : active === 'yes' };
  const [result, refetch] = useQuery({ query: ItemsQuery, variables: { filter, page: { skip: page.skip, take: page.take } } });
  const [created, createItem] = useMutation(CreateItem);
  const firstPage = () => setPage((p) => ({ ...p, skip: 0 }));
  const create = async (input: InspectionItemInput) => {
    const outcome = await createItem({ input });
    if (outcome.data) {
      setCreating(false);
      setNotice(t('created', { name: outcome.data.createInspectionItem.current.name }));
      setSelected(outcome.data.createInspectionItem.id);
    }
  };
  const items = result.data?.inspectionItems;
  return (
    <div>
      <div className="console-actions">
        <button type="button" className="primary" onClick={() => { setCreating(!creating); setNotice(''); }}>
          {creating ? t('cancel') : t('create')}
        </button>
        <button type="button" onClick={() => setImporting(!importing)}>
          {importing ? t('hideImport') : t('import')}
        </button>
        <DownloadButton url={exportUrl('catalog-items', 'xlsx', {})} fallbackName="catalog-items.xlsx">
          {t('exportXlsx')}
        </DownloadButton>
        <DownloadButton url={exportUrl('catalog-items', 'csv', {})} fallbackName="catalog-items.csv">
          {t('exportCsv')}
        </DownloadButton>
      </div>
      {importing && <ImportPanel kind="CATALOG_ITEMS" onImported={() => refetch({ requestPolicy: 'network-only' })} />}
      {creating && (
        <div className="card">
          <h3>{t('create')}</h3>
          <ItemForm initial={emptyItemForm()} submitLabel={t('save')} saving={created.fetching} error={created.error} onSubmit={create} />
        </div>
      )}
      <SuccessNotice>{notice}</SuccessNotice>
      {selected && <ItemDetail id={selected} onClose={() => setSelected(null)} />}
      <SearchBox label={t('search')} value={search} onSearch={(v) => { setSearch(v); firstPage(); }} />
      <div className="console-filters">
        <EnumSelect name="filterKind" label={t('kind')} labels={itemKindLabels} value={kind} anyLabel={t('any')} onChange={(v) => { setKind(v); firstPage(); }} />
        <CategorySelect name="filterCategory" label={t('category')} value={categoryCode} anyLabel={t('any')} onChange={(v) => { setCategoryCode(v); firstPage(); }} />
        <label>
          {t('status')}
          <select value={active} onChange={(e) => { setActive(e.target.value as '' | 'yes' | 'no'); firstPage(); }}>
            <option value="">{t('any')}</option>
            <option value="yes">{t('activeYes')}</option>
            <option value="no">{t('activeNo')}</option>
          </select>
        </label>
      </div>
      <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      {result.fetching && !items && <Loading />}
      {items && (
        <>
          <p className="muted">{t('total', { n: items.totalItems })}</p>
          <table data-testid="items-table">
            <thead>
              <tr>
                <th>{t('code')}</th>
                <th>{t('name')}</th>
                <th>{t('category')}</th>
                <th>{t('kind')}</th>
                <th>{t('ratio')}</th>
                <th>{t('frequency')}</th>
                <th>{t('version')}</th>
                <th>{t('department')}</th>
              </tr>
            </thead>
            <tbody>
              {items.items.map((item) => (
                <tr key={item.id} className={item.id === selected ? 'selected' : undefined}>
                  <td className="mono">{item.code}</td>
                  <td>
                    <button type="button" className="link" onClick={() => setSelected(item.id === selected ? null : item.id)}>
                      {item.current.name}
                    </button>{' '}
                    {!item.active && <span className="badge">{t('activeNo')}</span>}
                  </td>
                  <td>{item.current.category ? (lang === 'zh' ? item.current.category.nameZh : item.current.category.nameEn) : item.current.categoryCode}</td>
                  <td>{kindLabel(item.current.kind)}</td>
                  <td>
                    {item.current.ratioMaxPercent !== null && item.current.ratioMaxPercent !== undefined
                      ? t('ratioRange', { min: item.current.ratioMinPercent ?? 0, max: item.current.ratioMaxPercent })
                      : t('ratioMin', { min: item.current.ratioMinPercent ?? 0 })}
                  </td>
                  <td>{t('perYear', { n: item.current.frequencyPerYear })}</td>
                  <td>{t('versionN', { n: item.currentVersion })}</td>
                  <td>{item.department.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager skip={page.skip} take={page.take} total={items.totalItems} onChange={(skip, take) => setPage({ skip, take })} />
        </>
      )}
    </div>
  );
}
