import { useQuery } from 'urql';
import { defineMessages, useT } from '../../../i18n';
import { ErrorNotice } from '../../../ui/common';
import { MergeRulesQuery } from './visit-queries';

const messages = defineMessages({ heading: '合并规则' }, { heading: 'Merge rules' });

/** The published rules by which tasks become one visit (`mergeRules`, in the request's language). */
export function MergeRules() {
  const t = useT(messages);
  const [result] = useQuery({ query: MergeRulesQuery });
  return (
    <details className="card">
      <summary>{t('heading')}</summary>
      <ErrorNotice error={result.error} />
      <ol>
        {(result.data?.mergeRules ?? []).map((rule) => (
          <li key={rule.code}>{rule.text}</li>
        ))}
      </ol>
    </details>
  );
}
