import { FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { saveSession } from '../api/session';
import { graphql } from '../gql';
import { defineMessages, useT } from '../i18n';
import { navigate } from '../router';
import { ErrorNotice } from '../ui/common';

const messages = defineMessages(
  { heading: '登录', username: '用户名', password: '密码', submit: '登录', demo: '演示账号的密码见启动时的输出。' },
  { heading: 'Log in', username: 'Username', password: 'Password', submit: 'Log in', demo: 'The demo accounts’ password is printed when the hub starts.' },
);

const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      token
      expiresAt
      user {
        id
        username
        displayName
        roles
        department {
          id
          name
        }
      }
    }
  }
`);

export default function Login({ next }: { next?: string }) {
  const t = useT(messages);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [result, login] = useMutation(LoginMutation);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await login({ username, password });
    const data = outcome.data?.login;
    if (!data) return;
    saveSession({
      token: data.token,
      expiresAt: data.expiresAt,
      username: data.user.username,
      displayName: data.user.displayName,
      roles: [...data.user.roles],
      departmentId: data.user.department.id,
      departmentName: data.user.department.name,
    });
    navigate(next && next.startsWith('/') ? next : '/');
  };
  return (
    <form className="card narrow" onSubmit={submit}>
      <h1>{t('heading')}</h1>
      <label>
        {t('username')}
        <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
      </label>
      <label>
        {t('password')}
        <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      <ErrorNotice error={result.error} />
      <button type="submit" disabled={result.fetching}>
        {t('submit')}
      </button>
      <p className="muted">{t('demo')}</p>
    </form>
  );
}
