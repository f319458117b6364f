import { useSession } from '../api/hub-context';
import { hasRole } from '../api/session';
import { defineMessages, useT } from '../i18n';
import { Link } from '../router';

const messages = defineMessages(
  {
    welcome: '欢迎使用双随机、一公开协同抽查平台',
    intro: '随机抽取检查对象，随机选派执法检查人员，抽查情况及查处结果及时向社会公开。每一次摇号都可以由任何人在浏览器中独立复核。',
    console: '部门工作台：名录库、检查事项、年度计划、抽查任务、摇号、检查组、合并检查与联合抽查',
    dashboard: '监督看板：辖区内正在进行的摇号与计划执行情况',
    inspector: '我的检查：分派给我的检查任务',
    public: '公示公开：抽查任务公告与摇号记录（无需登录）',
    login: '登录',
  },
  {
    welcome: 'Welcome to the random inspection hub',
    intro: 'Targets drawn at random, inspectors drawn at random, results made public. Anyone can re-check every draw in the browser.',
    console: 'Department console: directories, catalog, annual plans, tasks, draws, teams, merged visits and joint tasks',
    dashboard: 'Supervision dashboard: live draws and plan execution in your jurisdiction',
    inspector: 'My visits: the inspections assigned to me',
    public: 'Public notices: task announcements and draw records (no login)',
    login: 'Log in',
  },
);

export default function Home() {
  const t = useT(messages);
  const session = useSession();
  return (
    <section>
      <h1>{t('welcome')}</h1>
      <p>{t('intro')}</p>
      <ul className="cards">
        {hasRole(session, 'ADMINISTRATOR', 'PLANNER', 'DRAW_OPERATOR', 'REVIEWING_LEADER') && (
          <li>
            <Link to="/console">{t('console')}</Link>
          </li>
        )}
        {hasRole(session, 'SUPERVISOR', 'ADMINISTRATOR', 'REVIEWING_LEADER') && (
          <li>
            <Link to="/dashboard">{t('dashboard')}</Link>
          </li>
        )}
        {hasRole(session, 'INSPECTOR') && (
          <li>
            <Link to="/inspector">{t('inspector')}</Link>
          </li>
        )}
        <li>
          <Link to="/public">{t('public')}</Link>
        </li>
        {!session && (
          <li>
            <Link to="/login">{t('login')}</Link>
          </li>
        )}
      </ul>
    </section>
  );
}
