import { FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../../gql';
import { defineMessages, formatDateTime, useLang, useT } from '../../../i18n';
import { ErrorNotice } from '../../../ui/common';
import { SuccessNotice } from '../shared/Notices';

const messages = defineMessages(
  {
    heading: '利害关系申报（回避）', none: '未申报利害关系', target: '检查对象', reason: '原因', declaredAt: '申报时间', withdraw: '撤回',
    withdrawReason: '撤回原因', confirmWithdraw: '确认撤回', cancel: '取消', declare: '申报利害关系', findTarget: '查找检查对象（名称或信用代码）',
    find: '查找', choose: '选择', chosen: '已选：{name}', declareReason: '利害关系说明（如：配偶在该企业任职）', submit: '提交申报',
    declared: '已申报：与“{name}”存在利害关系，摇号时该人员不会被派往该对象。', withdrawn: '申报已撤回。',
  },
  {
    heading: 'Declared conflicts of interest (recusal)', none: 'No conflicts declared', target: 'Target', reason: 'Reason', declaredAt: 'Declared', withdraw: 'Withdraw',
    withdrawReason: 'Why it is withdrawn', confirmWithdraw: 'Withdraw the declaration', cancel: 'Cancel', declare: 'Declare a conflict of interest',
    findTarget: 'Find the target (name or credit code)', find: 'Find', choose: 'Choose', chosen: 'Chosen: {name}',
    declareReason: 'The conflict (e.g. spouse works there)', submit: 'Declare',
    declared: 'Declared: conflict with “{name}”; the draw will not send this inspector there.', withdrawn: 'Declaration withdrawn.',
  },
);

const FindTargets = graphql(`
  query ConsoleFindTargets($search: String!) {
    targets(filter: { search: $search }, page: { take: 10 }) {
      items {
        id
        name
        creditCode
      }
    }
  }
`);

const Declare = graphql(`
  mutation ConsoleDeclareConflict($inspectorId: ID!, $targetId: ID!, $reason: String!) {
    declareConflict(inspectorId: $inspectorId, targetId: $targetId, reason: $reason) {
      id
      reason
      target {
        id
        name
      }
    }
  }
`);

const Withdraw = graphql(`
  mutation ConsoleWithdrawConflict($id: ID!, $reason: String!) {
    withdrawConflict(id: $id, reason: $reason)
  }
`);

export interface ConflictView {
  id: string;
  reason: string;
  declaredAt: string;
  target?: { id: string; name: string } | null;
}

/** An inspector's declared conflicts (Art. 23): declare one against a target, or withdraw with a reason. */
export function ConflictsPanel({ inspectorId, conflicts, onChanged }: { inspectorId: string; conflicts: readonly ConflictView[]; onChanged(): void }) {
  const t = useT(messages);
  const { lang } = useLang();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [target, setTarget] = useState<{ id: string; name: string } | null>(null);
  const [reason, setReason] = useState('');
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const [withdrawReason, setWithdrawReason] = useState('');
  const [notice, setNotice] = useState('');
  const [found] = useQuery({ query: FindTargets, variables: { search: query }, pause: !query });
  const [declared, declare] = useMutation(Declare);
  const [withdrawn, withdraw] = useMutation(Withdraw);

  const submitDeclare = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    const outcome = await declare({ inspectorId, targetId: target.id, reason: reason.trim() });
    if (outcome.data) {
      setNotice(t('declared', { name: target.name }));
      setTarget(null);
      setReason('');
      onChanged();
    }
  };
  const submitWithdraw = async (event: FormEvent) => {
    event.preventDefault();
    if (!withdrawing) return;
    const outcome = await withdraw({ id: withdrawing, reason: withdrawReason.trim() });
    if (outcome.data) {
      setNotice(t('withdrawn'));
      setWithdrawing(null);
      setWithdrawReason('');
      onChanged();
    }
  };
  return (
    <section aria-label={t('heading')}>
      <h4>{t('heading')}</h4>
      <SuccessNotice>{notice}</SuccessNotice>
      {conflicts.length ? (
        <table>
          <thead>
            <tr>
              <th>{t('target')}</th>
              <th>{t('reason')}</th>
              <th>{t('declaredAt')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {conflicts.map((c) => (
              <tr key={c.id}>
                <td>{c.target?.name ?? '—'}</td>
                <td>{c.reason}</td>
                <td>{formatDateTime(c.declaredAt, lang)}</td>
                <td>
                  {withdrawing === c.id ? (
                    <form className="row" onSubmit={submitWithdraw}>
                      <label>
                        {t('withdrawReason')}
                        <input value={withdrawReason} required onChange={(e) => setWithdrawReason(e.target.value)} />
                      </label>
                      <button type="submit" disabled={withdrawn.fetching}>
                        {t('confirmWithdraw')}
                      </button>
                      <button type="button" onClick={() => setWithdrawing(null)}>
                        {t('cancel')}
                      </button>
                    </form>
                  ) : (
                    <button type="button" onClick={() => setWithdrawing(c.id)}>
                      {t('withdraw')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('none')}</p>
      )}
      <ErrorNotice error={withdrawn.error} />
      <details>
        <summary>{t('declare')}</summary>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            setQuery(search.trim());
          }}
        >
          <label>
            {t('findTarget')}
            <input value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
          <button type="submit">{t('find')}</button>
        </form>
        <ErrorNotice error={found.error} />
        {query && found.data && (
          <ul className="plain">
            {found.data.targets.items.map((item) => (
              <li key={item.id}>
                <button type="button" className="link" onClick={() => setTarget({ id: item.id, name: item.name })}>
                  {t('choose')}
                </button>{' '}
                {item.name} <span className="mono muted">{item.creditCode}</span>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={submitDeclare}>
          {target && <p>{t('chosen', { name: target.name })}</p>}
          <label>
            {t('declareReason')}
            <input value={reason} required onChange={(e) => setReason(e.target.value)} />
          </label>
          <ErrorNotice error={declared.error} />
          <button type="submit" className="primary" disabled={!target || declared.fetching}>
            {t('submit')}
          </button>
        </form>
      </details>
    </section>
  );
}
