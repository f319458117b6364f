import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import type { InspectionItemInput, ItemKind } from '../../../gql/graphql';
import { defineMessages, useLang, useT } from '../../../i18n';
import { CategorySelect } from '../shared/CategoryPicker';
import { EnumSelect } from '../shared/Choices';
import { ActiveChoice, activeFilterOf, ActiveSelect, DirectoryToolbar, InactiveBadge, PagedResults, RecordButton, rowClass, useDirectoryList } from '../shared/DirectoryList';
import { itemKindLabels } from '../shared/labels';
import { SearchBox } from '../shared/SearchBox';
import { emptyItemForm } from './item-form';
import { ItemDetail } from './ItemDetail';
import { ItemForm } from './ItemForm';

const messages = defineMessages(
  {
    search: '事项编码或名称', any: '不限', kind: '事项类型', category: '事项类别', total: '共 {n} 项', code: '编码', name: '事项名称', version: '现行版本',
    ratio: '抽查比例', frequency: '频次', department: '部门', create: '新增检查事项', created: '已新增检查事项“{name}”（第 1 版）。',
    ratioRange: '{min}%–{max}%', ratioMin: '不低于 {min}%', perYear: '{n} 次/年', versionN: '第 {n} 版', exportXlsx: '导出清单 Excel',
  },
  {
    search: 'Code or name', any: 'Any', kind: 'Kind', category: 'Category', total: '{n} items', code: 'Code', name: 'Name', version: 'Version in force',
    ratio: 'Ratio', frequency: 'Rounds', department: 'Department', create: 'New item', created: 'Item “{name}” created (version 1).',
    ratioRange: '{min}%–{max}%', ratioMin: 'at least {min}%', perYear: '{n} a year', versionN: 'v{n}', exportXlsx: 'Export the catalog to Excel',
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
  const list = useDirectoryList();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<ItemKind | ''>('');
  const [categoryCode, setCategoryCode] = useState('');
  const [active, setActive] = useState<ActiveChoice>('');
  const filter = { search: search || undefined, kind: kind || undefined, categoryCode: categoryCode || undefined, active: activeFilterOf(active) };
  const [result, refetch] = useQuery({ query: ItemsQuery, variables: { filter, page: { skip: list.page.skip, take: list.page.take } } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const [created, createItem] = useMutation(CreateItem);
  const create = async (input: InspectionItemInput) => {
    const outcome = await createItem({ input });
    if (outcome.data) list.created(t('created', { name: outcome.data.createInspectionItem.current.name }), outcome.data.createInspectionItem.id);
  };
  return (
    <div>
      <DirectoryToolbar
        list={list}
        createLabel={t('create')}
        importKind="CATALOG_ITEMS"
        exportName="catalog-items"
        filter={{}}
        exportXlsxLabel={t('exportXlsx')}
        onImported={reload}
        createForm={(submitLabel) => <ItemForm initial={emptyItemForm()} submitLabel={submitLabel} saving={created.fetching} error={created.error} onSubmit={create} />}
      />
      {list.selected && <ItemDetail id={list.selected} onClose={() => list.select(null)} />}
      <SearchBox label={t('search')} value={search} onSearch={(v) => { setSearch(v); list.firstPage(); }} />
      <div className="console-filters">
        <EnumSelect name="filterKind" label={t('kind')} labels={itemKindLabels} value={kind} anyLabel={t('any')} onChange={(v) => { setKind(v); list.firstPage(); }} />
        <CategorySelect name="filterCategory" label={t('category')} value={categoryCode} anyLabel={t('any')} onChange={(v) => { setCategoryCode(v); list.firstPage(); }} />
        <ActiveSelect value={active} onChange={(v) => { setActive(v); list.firstPage(); }} />
      </div>
      <PagedResults list={list} data={result.data?.inspectionItems} error={result.error} fetching={result.fetching} onRetry={reload} total={(n) => t('total', { n })}>
        {(items) => (
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
                <tr key={item.id} className={rowClass(list, item.id)}>
                  <td className="mono">{item.code}</td>
                  <td>
                    <RecordButton list={list} id={item.id}>
                      {item.current.name}
                    </RecordButton>{' '}
                    <InactiveBadge active={item.active} />
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
        )}
      </PagedResults>
    </div>
  );
}
