import { useState } from 'react';
import { defineMessages, useT } from '../../../i18n';
import { Tabs } from '../shared/Tabs';
import { CategoriesPanel } from './CategoriesPanel';
import { EffectiveRatioPanel } from './EffectiveRatioPanel';
import { ItemsPanel } from './ItemsPanel';
import { RatioPolicyPanel } from './RatioPolicyPanel';

const messages = defineMessages(
  { heading: '检查事项', items: '抽查事项清单', categories: '事项类别', ratios: '抽查比例和频次' },
  { heading: 'Catalog', items: 'Inspection items', categories: 'Categories', ratios: 'Ratios and frequency' },
);

type Tab = 'items' | 'categories' | 'ratios';

/** 检查事项: the catalog with its versions, the categories, and the department's ratio policy. */
export default function CatalogSection() {
  const t = useT(messages);
  const [tab, setTab] = useState<Tab>('items');
  return (
    <div>
      <h1>{t('heading')}</h1>
      <Tabs<Tab>
        label={t('heading')}
        active={tab}
        onChange={setTab}
        tabs={[
          { key: 'items', label: t('items') },
          { key: 'categories', label: t('categories') },
          { key: 'ratios', label: t('ratios') },
        ]}
      />
      {tab === 'items' && <ItemsPanel />}
      {tab === 'categories' && <CategoriesPanel />}
      {tab === 'ratios' && (
        <>
          <RatioPolicyPanel />
          <EffectiveRatioPanel />
        </>
      )}
    </div>
  );
}
