import './console-shared.css';
import { ReactNode, useState } from 'react';

/** A row of tabs; the caller keeps which one is active. */
export function Tabs<K extends string>({ tabs, active, onChange, label, testId }: { tabs: { key: K; label: string }[]; active: K; onChange(key: K): void; label: string; testId?: string }) {
  return (
    <div className="console-tabs" role="tablist" aria-label={label} data-testid={testId}>
      {tabs.map((tab) => (
        <button key={tab.key} type="button" role="tab" aria-selected={tab.key === active} className={tab.key === active ? 'active' : undefined} onClick={() => onChange(tab.key)}>
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** A console section made of tabs: its heading, the tabs, and the content of the open one (the first at first). */
export function TabbedSection({ heading, tabs }: { heading: string; tabs: { key: string; label: string; content: ReactNode }[] }) {
  const [active, setActive] = useState(tabs[0].key);
  return (
    <div>
      <h1>{heading}</h1>
      <Tabs label={heading} active={active} onChange={setActive} tabs={tabs} />
      {tabs.find((tab) => tab.key === active)?.content}
    </div>
  );
}
