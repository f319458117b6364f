import { useState } from 'react';
import { defineMessages, useT } from '../../../i18n';
import { Tabs } from '../shared/Tabs';
import { ExpertsTab } from './ExpertsTab';
import { InspectorsTab } from './InspectorsTab';
import { TargetsTab } from './TargetsTab';

const messages = defineMessages(
  { heading: '名录库', targets: '检查对象', inspectors: '执法检查人员', experts: '专家' },
  { heading: 'Directories', targets: 'Targets', inspectors: 'Inspectors', experts: 'Experts' },
);

type Tab = 'targets' | 'inspectors' | 'experts';

/** 名录库: the target directory, the inspector directory and the expert library, one tab each. */
export default function DirectoriesSection() {
  const t = useT(messages);
  const [tab, setTab] = useState<Tab>('targets');
  return (
    <div>
      <h1>{t('heading')}</h1>
      <Tabs<Tab>
        label={t('heading')}
        active={tab}
        onChange={setTab}
        tabs={[
          { key: 'targets', label: t('targets') },
          { key: 'inspectors', label: t('inspectors') },
          { key: 'experts', label: t('experts') },
        ]}
      />
      {tab === 'targets' && <TargetsTab />}
      {tab === 'inspectors' && <InspectorsTab />}
      {tab === 'experts' && <ExpertsTab />}
    </div>
  );
}
