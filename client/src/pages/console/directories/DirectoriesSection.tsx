import { defineMessages, useT } from '../../../i18n';
import { TabbedSection } from '../shared/Tabs';
import { ExpertsTab } from './ExpertsTab';
import { InspectorsTab } from './InspectorsTab';
import { TargetsTab } from './TargetsTab';

const messages = defineMessages(
  { heading: '名录库', targets: '检查对象', inspectors: '执法检查人员', experts: '专家' },
  { heading: 'Directories', targets: 'Targets', inspectors: 'Inspectors', experts: 'Experts' },
);

/** 名录库: the target directory, the inspector directory and the expert library, one tab each. */
export default function DirectoriesSection() {
  const t = useT(messages);
  return (
    <TabbedSection
      heading={t('heading')}
      tabs={[
        { key: 'targets', label: t('targets'), content: <TargetsTab /> },
        { key: 'inspectors', label: t('inspectors'), content: <InspectorsTab /> },
        { key: 'experts', label: t('experts'), content: <ExpertsTab /> },
      ]}
    />
  );
}
