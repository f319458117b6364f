import type { CombinedError } from '@urql/core';
import type { ReactNode } from 'react';
import { defineMessages, useT } from '../i18n';

const messages = defineMessages(
  { loading: '加载中…', error: '出错了', code: '错误代码', retry: '重试', empty: '暂无数据' },
  { loading: 'Loading…', error: 'Something went wrong', code: 'Error code', retry: 'Retry', empty: 'Nothing here yet' },
);

export function Loading() {
  const t = useT(messages);
  return <p className="muted" role="status">{t('loading')}</p>;
}

/** A term and its value shown as code (a digest, a seed, a public id), inside a <dl>. */
export function CodeFact({ term, value, termClass }: { term: ReactNode; value: ReactNode; termClass?: string }) {
  return (
    <>
      <dt className={termClass}>{term}</dt>
      <dd>
        <code>{value}</code>
      </dd>
    </>
  );
}

export function Empty() {
  const t = useT(messages);
  return <p className="muted">{t('empty')}</p>;
}

/** The hub's error codes are stable (docs/errors.md); the message is already in the user's language. */
export function errorDetails(error: CombinedError): { code: string; message: string }[] {
  if (error.graphQLErrors.length) {
    return error.graphQLErrors.map((e) => ({ code: String(e.extensions?.code ?? 'ERROR'), message: e.message }));
  }
  return [{ code: 'NETWORK', message: error.networkError?.message ?? error.message }];
}

export function ErrorNotice({ error, onRetry }: { error: CombinedError | undefined | null; onRetry?: () => void }) {
  const t = useT(messages);
  if (!error) return null;
  return (
    <div className="error" role="alert">
      <strong>{t('error')}</strong>
      <ul>
        {errorDetails(error).map((detail, i) => (
          <li key={i}>
            {detail.message} <code title={t('code')}>{detail.code}</code>
          </li>
        ))}
      </ul>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
