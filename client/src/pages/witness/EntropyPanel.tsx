import { FormEvent, useEffect, useState } from 'react';
import { useMutation } from 'urql';
import type { Contribution, DrawPhase } from '../../draw/event-log';
import { defineMessages, formatDateTime, useLang, useT } from '../../i18n';
import { ErrorNotice } from '../../ui/common';
import { ContributeEntropyMutation } from './room-queries';

/** Witnesses' entropy: the box to add one's own, and every accepted contribution with its digest, in order. */
const MAX_CHARACTERS = 256;

const messages = defineMessages(
  {
    heading: '见证人随机数',
    intro: '见证人可在截止前提交任意文字（如随手写下的数字）。每条都按接受顺序计入随机种子，并连同其 SHA-256 摘要向所有人公开。',
    label: '您的随机数（最多 {max} 个字符）',
    submit: '提交随机数',
    submitting: '提交中…',
    accepted: '已接受，序号 {n}。',
    closed: '征集时间已过（{at}），服务器将不再接受。',
    notOpen: '操作员开启摇号后即可提交。',
    joinFirst: '请先加入见证，再提交随机数。',
    none: '尚无随机数',
    by: '提交人',
    at: '接受时间',
    digest: '摘要',
    count: '{n} / {max}',
  },
  {
    heading: 'Witness entropy',
    intro: 'Before the window closes, witnesses may submit any text (digits scribbled on the spot will do). Each one enters the seed in the order accepted and is shown to everyone with its SHA-256 digest.',
    label: 'Your entropy (at most {max} characters)',
    submit: 'Submit entropy',
    submitting: 'Submitting…',
    accepted: 'Accepted as number {n}.',
    closed: 'The window closed at {at}; the server will refuse more.',
    notOpen: 'You can contribute once the operator opens the draw.',
    joinFirst: 'Join as witness first to contribute.',
    none: 'No entropy yet',
    by: 'From',
    at: 'Accepted',
    digest: 'Digest',
    count: '{n} / {max}',
  },
);

export interface EntropyPanelProps {
  drawId: string;
  inviteToken: string | null;
  phase: DrawPhase;
  closesAt: string;
  contributions: Contribution[];
  joined: boolean;
  canWitness: boolean;
}

/** Re-renders when the window closes, so the hint appears without a reload. */
function useIsPast(iso: string): boolean {
  const [past, setPast] = useState(() => Date.parse(iso) <= Date.now());
  useEffect(() => {
    const left = Date.parse(iso) - Date.now();
    setPast(left <= 0);
    if (!(left > 0)) return;
    const timer = setTimeout(() => setPast(true), Math.min(left, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [iso]);
  return past;
}

export function EntropyPanel({ drawId, inviteToken, phase, closesAt, contributions, joined, canWitness }: EntropyPanelProps) {
  const t = useT(messages);
  const { lang } = useLang();
  const [text, setText] = useState('');
  const [acceptedAs, setAcceptedAs] = useState<number | null>(null);
  const [result, contribute] = useMutation(ContributeEntropyMutation);
  const past = useIsPast(closesAt);
  const length = [...text].length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAcceptedAs(null);
    const outcome = await contribute({ drawId, text, inviteToken });
    // Only an accepted contribution clears the box: after an error the witness keeps what they typed.
    if (outcome.data) {
      setAcceptedAs(outcome.data.contributeEntropy.ordinal + 1);
      setText('');
    }
  };

  return (
    <section className="card" data-testid="entropy">
      <h2>{t('heading')}</h2>
      <p className="muted">{t('intro')}</p>
      {canWitness && phase === 'OPEN' && !joined && <p className="warn">{t('joinFirst')}</p>}
      {canWitness && phase === 'SCHEDULED' && <p className="muted">{t('notOpen')}</p>}
      {canWitness && phase === 'OPEN' && joined && (
        <form onSubmit={submit}>
          <label>
            {t('label', { max: MAX_CHARACTERS })}
            <textarea data-testid="entropy-input" rows={2} value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <div className="row">
            <button type="submit" className="primary" data-testid="entropy-submit" disabled={result.fetching || !text.trim()}>
              {result.fetching ? t('submitting') : t('submit')}
            </button>
            <span className={length > MAX_CHARACTERS ? 'error-text' : 'muted'}>{t('count', { n: length, max: MAX_CHARACTERS })}</span>
          </div>
          {past && <p className="warn">{t('closed', { at: formatDateTime(closesAt, lang) })}</p>}
          {acceptedAs !== null && !result.error && <p className="ok">{t('accepted', { n: acceptedAs })}</p>}
          <ErrorNotice error={result.error} />
        </form>
      )}
      {contributions.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ol className="entropy-list">
          {contributions.map((c) => (
            <li key={c.ordinal} data-testid="entropy-item" data-digest={c.digest}>
              <div className="entropy-text">{c.text}</div>
              <div className="muted small">
                {t('by')} {c.witness} · {t('at')} {formatDateTime(c.acceptedAt, lang)}
              </div>
              <div className="digest">
                {t('digest')} {c.digest}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
