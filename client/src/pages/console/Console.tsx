import { lazy, Suspense } from 'react';
import { useSession } from '../../api/hub-context';
import { defineMessages, useT } from '../../i18n';
import { Link, navigate } from '../../router';
import { Loading } from '../../ui/common';

const messages = defineMessages(
  {
    directories: '名录库',
    catalog: '检查事项',
    plans: '年度计划',
    tasks: '抽查任务',
    draws: '摇号',
    teams: '检查组',
    visits: '合并检查',
    joint: '联合抽查',
    unknown: '没有这个栏目',
  },
  {
    directories: 'Directories',
    catalog: 'Catalog',
    plans: 'Annual plans',
    tasks: 'Tasks',
    draws: 'Draws',
    teams: 'Teams',
    visits: 'Merged visits',
    joint: 'Joint tasks',
    unknown: 'No such section',
  },
);

// Each section is its own chunk, loaded when opened.
const SECTIONS = {
  directories: lazy(() => import('./directories/DirectoriesSection')),
  catalog: lazy(() => import('./catalog/CatalogSection')),
  plans: lazy(() => import('./plans/PlansSection')),
  tasks: lazy(() => import('./tasks/TasksSection')),
  draws: lazy(() => import('./draws/DrawsSection')),
  teams: lazy(() => import('./teams/TeamsSection')),
  visits: lazy(() => import('./visits/VisitsSection')),
  joint: lazy(() => import('./joint/JointSection')),
} as const;
type SectionKey = keyof typeof SECTIONS;
const isSection = (key: string | null): key is SectionKey => !!key && key in SECTIONS;

/** The department console: one sidebar, one section at a time (`/console/{section}`). */
export default function Console({ section }: { section: string | null }) {
  const t = useT(messages);
  const session = useSession();
  if (!session) {
    navigate(`/login?next=${encodeURIComponent(window.location.pathname)}`, { replace: true });
    return null;
  }
  const active: SectionKey | null = section === null ? 'directories' : isSection(section) ? section : null;
  const Section = active ? SECTIONS[active] : null;
  return (
    <div className="sidebar-layout">
      <nav aria-label="console">
        {(Object.keys(SECTIONS) as SectionKey[]).map((key) => (
          <Link key={key} to={`/console/${key}`} className={key === active ? 'active' : undefined}>
            {t(key)}
          </Link>
        ))}
      </nav>
      <section>
        {Section ? (
          <Suspense fallback={<Loading />}>
            <Section />
          </Suspense>
        ) : (
          <p className="error">{t('unknown')}</p>
        )}
      </section>
    </div>
  );
}
