/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { defineMessages, format, LangProvider, useLang, useT } from '../../client/src/i18n';
import { Link, matchPath, navigate, useLocation } from '../../client/src/router';

const messages = defineMessages({ hello: '你好，{name}', count: '共 {n} 条' }, { hello: 'Hello, {name}', count: '{n} rows' });

function Greeting() {
  const t = useT(messages);
  const { lang, setLang } = useLang();
  return (
    <div>
      <p>{t('hello', { name: '王' })}</p>
      <p>{t('count', { n: 3 })}</p>
      <button onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>switch</button>
    </div>
  );
}

function WhereAmI() {
  const { path, query } = useLocation();
  return (
    <p data-testid="where">
      {path}?{query.toString()}
    </p>
  );
}

describe('client shell', () => {
  beforeEach(() => localStorage.clear());

  it('speaks Chinese first, switches to English and remembers the choice', () => {
    const { unmount } = render(
      <LangProvider>
        <Greeting />
      </LangProvider>,
    );
    expect(screen.getByText('你好，王')).toBeTruthy();
    expect(screen.getByText('共 3 条')).toBeTruthy();
    fireEvent.click(screen.getByText('switch'));
    expect(screen.getByText('Hello, 王')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    unmount();
    render(
      <LangProvider>
        <Greeting />
      </LangProvider>,
    );
    expect(screen.getByText('3 rows')).toBeTruthy();
  });

  it('leaves unknown placeholders visible rather than dropping them', () => {
    expect(format('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('matches invite links and decodes their parts', () => {
    expect(matchPath('/draws/:id/room', '/draws/42/room')).toEqual({ id: '42' });
    expect(matchPath('/draws/:id/room', '/draws/42/room/extra')).toBeNull();
    expect(matchPath('/public/draws/:id', '/public/draws/a%20b')).toEqual({ id: 'a b' });
    expect(matchPath('/console', '/dashboard')).toBeNull();
  });

  it('follows links without reloading and updates every listener', () => {
    render(
      <>
        <Link to="/draws/7/room?invite=abc">room</Link>
        <WhereAmI />
      </>,
    );
    fireEvent.click(screen.getByText('room'));
    expect(screen.getByTestId('where').textContent).toBe('/draws/7/room?invite=abc');
    act(() => navigate('/public', { replace: true }));
    expect(screen.getByTestId('where').textContent).toBe('/public?');
  });
});
