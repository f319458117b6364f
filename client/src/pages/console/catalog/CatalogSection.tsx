import { defineMessages, useT } from '../../../i18n';
import { TabbedSection } from '../shared/Tabs';
import { CategoriesPanel } from './CategoriesPanel';
import { EffectiveRatioPanel } from './EffectiveRatioPanel';
import { ItemsPanel } from './ItemsPanel';
import { RatioPolicyPanel } from './RatioPolicyPanel';

const messages = defineMessages(
  { heading: '检查事项', items: '抽查事项清单', categories: '事项类别', ratios: '抽查比例和频次' },
  { heading: 'Catalog', items: 'Inspection items', categories: 'Categories', ratios: 'Ratios and frequency' },
);

/** 检查事项: the catalog with its versions, the categories, and the department's ratio policy. */
export default function CatalogSection() {
  const t = useT(messages);
  return (
    <TabbedSection
      heading={t('heading')}
      tabs={[
        { key: 'items', label: t('items'), content: <ItemsPanel /> },
        { key: 'categories', label: t('categories'), content: <CategoriesPanel /> },
        {
          key: 'ratios',
          label: t('ratios'),
          content: (
            <>
              <RatioPolicyPanel />
              <EffectiveRatioPanel />
            </>
          ),
        },
      ]}
    />
  );
}
