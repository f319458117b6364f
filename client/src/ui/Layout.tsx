import type { ReactNode } from 'react';
import { useMutation } from 'urql';
import { useSession } from '../api/hub-context';
import { hasRole, saveSession } from '../api/session';
import { graphql } from '../gql';
import { defineMessages, useLang, useT } from '../i18n';
import { Link, navigate } from '../router';

const messages = defineMessages(
  {
    title: '双随机、一公开 协同抽查平台',
    home: '首页',
    console: '部门工作台',
    dashboard: '监督看板',
    inspector: '我的检查',
    public: '公示公开',
    login: '登录',
    logout: '退出',
    switchLang: 'English',
  },
  {
    title: 'Random Inspection Hub',
    home: 'Home',
    console: 'Department console',
    dashboard: 'Supervision dashboard',
    inspector: 'My visits',
    public: 'Public notices',
    login: 'Log in',
    logout: 'Log out',
    switchLang: '中文',
  },
);

const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export function Layout({ children }: { children: ReactNode }) {
  const t = useT(messages);
  const { lang, setLang } = useLang();
  const session = useSession();
  const [, logout] = useMutation(LogoutMutation);
  const signOut = async () => {
    await logout({});
    saveSession(null);
    navigate('/');
  };
  return (
    <div className="app">
      <header className="topbar">
        <Link to="/" className="brand">
          {t('title')}
        </Link>
        <nav>
          {hasRole(session, 'ADMINISTRATOR', 'PLANNER', 'DRAW_OPERATOR', 'REVIEWING_LEADER') && <Link to="/console">{t('console')}</Link>}
          {hasRole(session, 'SUPERVISOR', 'ADMINISTRATOR', 'REVIEWING_LEADER') && <Link to="/dashboard">{t('dashboard')}</Link>}
          {hasRole(session, 'INSPECTOR') && <Link to="/inspector">{t('inspector')}</Link>}
          <Link to="/public">{t('public')}</Link>
        </nav>
        <div className="session">
          <button type="button" className="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')} data-testid="lang-switch">
            {t('switchLang')}
          </button>
          {session ? (
            <>
              <span className="who">
                {session.displayName} · {session.departmentName}
              </span>
              <button type="button" className="link" onClick={signOut}>
                {t('logout')}
              </button>
            </>
          ) : (
            <Link to="/login">{t('login')}</Link>
          )}
        </div>
      </header>
      <main>{children}</main>
    </div>
  );
}
