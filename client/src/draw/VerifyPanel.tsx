import { useEffect, useState } from 'react';
import { defineMessages, useT } from '../i18n';
import { ObservedPicks, Verification, verifyDraw } from './verify';
import './draw.css';

/**
 * Recomputes a published draw record in this browser and says whether it holds:
 * `[data-testid=verify-status]` carries `data-state` pending | verified | mismatch.
 */
const messages = defineMessages(
  {
    heading: '结果验证',
    waiting: '摇号完成后，本页将在浏览器中用公开记录重新计算全部抽中结果。',
    checking: '正在本浏览器中用公开记录重新计算…',
    verified: '已验证',
    verifiedRecord: '本浏览器按 draw-v1 协议用公开记录独立重新计算：承诺值、随机种子和全部 {n} 个抽中结果与记录一致。',
    verifiedLive: '现场收到的抽中结果与记录逐一相同，无遗漏、无重复。',
    verifiedAnnouncement: '公告所列抽中对象与记录逐一相同。',
    mismatch: '不一致',
    mismatchRecord: '按公开记录重新计算的结果与记录不符。',
    mismatchLive: '现场收到的抽中结果与公开记录不符。',
    mismatchAnnouncement: '公告所列抽中对象与公开记录不符。',
    where: '位置',
    expected: '应为',
    actual: '实为',
    failed: '无法完成验证',
    noCrypto: '此浏览器在当前连接下不提供 WebCrypto（须通过 HTTPS 访问本平台），无法在本地验证；可下载记录用命令行工具验证。',
  },
  {
    heading: 'Verification',
    waiting: 'Once the draw is complete, this page recomputes every pick from the published record, in your browser.',
    checking: 'Recomputing the draw from its published record in this browser…',
    verified: 'Verified',
    verifiedRecord: 'This browser recomputed the draw from the published record under draw-v1: the commitment, the seed and all {n} picks match the record.',
    verifiedLive: "The picks received live are the record's picks, one for one: none missing, none repeated.",
    verifiedAnnouncement: "The targets listed in the announcement are the record's picks, one for one.",
    mismatch: 'Does not match',
    mismatchRecord: 'Recomputing the published record does not give the record.',
    mismatchLive: 'The picks received live differ from the published record.',
    mismatchAnnouncement: 'The targets in the announcement differ from the published record.',
    where: 'Where',
    expected: 'expected',
    actual: 'found',
    failed: 'Could not verify',
    noCrypto: 'This browser offers no WebCrypto on this connection (the hub must be reached over HTTPS), so it cannot verify here; download the record and verify it with the command-line tool.',
  },
);

export interface VerifyPanelProps {
  /** The published record, or null while it is not available yet. */
  record: unknown;
  /** What the reader saw besides the record; null when there is nothing to compare. */
  observed: ObservedPicks | null;
  observedSource: 'live' | 'announcement';
  /** Said instead of the default while there is no record (e.g. a draw voided before it was drawn). */
  idleText?: string;
}

/** `message` null: the browser has no WebCrypto here. */
type Outcome = Verification | { state: 'failed'; message: string | null };

const countPicks = (record: unknown): number => {
  const segments = (record as { segments?: { picks?: unknown[] }[] } | null)?.segments;
  return Array.isArray(segments) ? segments.reduce((n, s) => n + (Array.isArray(s?.picks) ? s.picks.length : 0), 0) : 0;
};

export function VerifyPanel({ record, observed, observedSource, idleText }: VerifyPanelProps) {
  const t = useT(messages);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    setOutcome(null);
    if (!record) return;
    if (!globalThis.crypto?.subtle) {
      setOutcome({ state: 'failed', message: null });
      return;
    }
    let current = true;
    verifyDraw(record, observed).then(
      (result) => current && setOutcome(result),
      (error: unknown) => current && setOutcome({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [record, observed]);

  const state = outcome?.state === 'verified' ? 'verified' : outcome?.state === 'mismatch' ? 'mismatch' : 'pending';
  return (
    <section className="card verify">
      <h2>{t('heading')}</h2>
      <div data-testid="verify-status" data-state={state} className={state === 'verified' ? 'ok' : state === 'mismatch' || outcome?.state === 'failed' ? 'error' : 'muted'} role="status">
        {!record && (idleText ?? t('waiting'))}
        {!!record && !outcome && t('checking')}
        {outcome?.state === 'verified' && (
          <>
            <strong>✓ {t('verified')}</strong>
            <p>
              {t('verifiedRecord', { n: countPicks(record) })} {observed && t(observedSource === 'live' ? 'verifiedLive' : 'verifiedAnnouncement')}
            </p>
          </>
        )}
        {outcome?.state === 'mismatch' && (
          <>
            <strong>✗ {t('mismatch')}</strong>
            <p>{t(outcome.source === 'record' ? 'mismatchRecord' : observedSource === 'live' ? 'mismatchLive' : 'mismatchAnnouncement')}</p>
            <p data-testid="verify-difference">
              {t('where')} <code>{outcome.difference.path}</code>: {t('expected')} <code>{String(outcome.difference.expected)}</code>, {t('actual')}{' '}
              <code>{String(outcome.difference.actual)}</code>
              {outcome.difference.code && <code> ({outcome.difference.code})</code>}
            </p>
          </>
        )}
        {outcome?.state === 'failed' && (
          <>
            <strong>{t('failed')}</strong>
            <p>{outcome.message ?? t('noCrypto')}</p>
          </>
        )}
      </div>
    </section>
  );
}
