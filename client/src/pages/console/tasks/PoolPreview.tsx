import { useQuery } from 'urql';
import { defineMessages, useT } from '../../../i18n';
import { ErrorNotice, Loading } from '../../../ui/common';
import { PoolPreviewQuery } from './task-queries';

const messages = defineMessages(
  {
    heading: '抽取范围预览',
    note: '按公布的规则即时计算；排定摇号时以当时的名录库为准。',
    pool: '符合条件',
    count: '拟抽取',
    excluded: '排除',
    excludedList: '排除的检查对象（前 {n} 户）',
    target: '统一社会信用代码',
    reason: '排除理由',
    refresh: '重新计算',
  },
  {
    heading: 'Pool preview',
    note: 'Computed now by the published rules; the draw uses the directories as they are when it is scheduled.',
    pool: 'Eligible',
    count: 'To draw',
    excluded: 'Excluded',
    excludedList: 'Excluded targets (first {n})',
    target: 'Credit code',
    reason: 'Reason',
    refresh: 'Recompute',
  },
);

/** `task { poolPreview }`: each segment's eligible pool, count and every excluded target with the reason. */
export function PoolPreview({ taskId }: { taskId: string }) {
  const t = useT(messages);
  const [result, refetch] = useQuery({ query: PoolPreviewQuery, variables: { id: taskId }, requestPolicy: 'network-only' });
  const preview = result.data?.task.poolPreview;
  return (
    <section className="card" data-testid="pool-preview">
      <h3>{t('heading')}</h3>
      <p className="muted">{t('note')}</p>
      <ErrorNotice error={result.error} />
      {result.fetching && !preview && <Loading />}
      {preview && (
        <>
          <p className="muted">{preview.countingRule}</p>
          {preview.segments.map((segment) => (
            <div key={segment.label}>
              <h4>
                <code>{segment.label}</code>
              </h4>
              <span className="stat">
                <strong>{segment.poolSize}</strong>
                {t('pool')}
              </span>
              <span className="stat">
                <strong>{segment.count}</strong>
                {t('count')}
              </span>
              <span className="stat">
                <strong>{segment.excludedCount}</strong>
                {t('excluded')}
              </span>
              {segment.excluded.length > 0 && (
                <details>
                  <summary>{t('excludedList', { n: segment.excluded.length })}</summary>
                  <div className="scroll">
                    <table>
                      <thead>
                        <tr>
                          <th>{t('target')}</th>
                          <th>{t('reason')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {segment.excluded.map((e) => (
                          <tr key={e.targetId}>
                            <td>
                              <code>{e.publicId}</code>
                            </td>
                            <td>{e.reasonText}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                </details>
              )}
            </div>
          ))}
          <button type="button" onClick={() => refetch({ requestPolicy: 'network-only' })}>
            {t('refresh')}
          </button>
        </>
      )}
    </section>
  );
}
