import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { defineMessages, useT } from '../../../i18n';
import { ErrorNotice } from '../../../ui/common';
import type { FileProblem } from './files';

const messages = defineMessages({ error: '出错了', code: '错误代码' }, { error: 'Something went wrong', code: 'Error code' });

/** A file route's error, shown like ErrorNotice shows a GraphQL one: message and stable code. */
export function ProblemNotice({ problem }: { problem: FileProblem | null | undefined }) {
  const t = useT(messages);
  if (!problem) return null;
  return (
    <div className="error" role="alert">
      <strong>{t('error')}</strong>
      <ul>
        <li>
          {problem.message} <code title={t('code')}>{problem.code}</code>
        </li>
      </ul>
    </div>
  );
}

/** The confirmation after a mutation succeeded. */
export function SuccessNotice({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <p className="ok" role="status">
      {children}
    </p>
  );
}

/** A mutation's outcome: its error with the code, or the success sentence once it succeeded. */
export function Outcome({ error, success }: { error?: CombinedError | null; success?: string | null }) {
  if (error) return <ErrorNotice error={error} />;
  return <SuccessNotice>{success}</SuccessNotice>;
}
