import type { Reveal, Schedule } from '../../draw/event-log';
import { defineMessages, formatDateTime, useLang, useT } from '../../i18n';
import { CodeFact } from '../../ui/common';

/** What the draw committed to before anyone could know the result, and, after the reveal, the secret and seed. */
const messages = defineMessages(
  {
    heading: '摇号承诺（排期时公布，不可更改）',
    commitment: '承诺值',
    commitmentHint: '即服务器密钥的 SHA-256 摘要；揭晓后任何人都可核对密钥与此值相符。',
    scheduledAt: '发布时间',
    closesAt: '随机数征集截止',
    beacon: '公开随机源',
    noBeacon: '未使用公开随机源',
    segment: '分段',
    poolSize: '对象池数量',
    count: '抽取数量',
    excluded: '依规排除',
    poolDigest: '对象池摘要',
    secret: '服务器密钥（已揭晓）',
    seed: '随机种子',
    beaconValue: '公开随机数值',
  },
  {
    heading: 'Commitment (published at scheduling, cannot change)',
    commitment: 'Commitment',
    commitmentHint: "The SHA-256 digest of the server's secret; after the reveal anyone can check the secret against it.",
    scheduledAt: 'Published',
    closesAt: 'Entropy window closes',
    beacon: 'Public beacon',
    noBeacon: 'No public beacon',
    segment: 'Segment',
    poolSize: 'Pool size',
    count: 'To draw',
    excluded: 'Excluded by the rules',
    poolDigest: 'Pool digest',
    secret: 'Server secret (revealed)',
    seed: 'Seed',
    beaconValue: 'Beacon value',
  },
);

export function CommitmentCard({ schedule, reveal }: { schedule: Schedule; reveal: Reveal | null }) {
  const t = useT(messages);
  const { lang } = useLang();
  return (
    <section className="card" data-testid="commitment">
      <h2>{t('heading')}</h2>
      <dl className="facts">
        <dt>{t('commitment')}</dt>
        <dd>
          <code data-testid="commitment-value">{schedule.commitment}</code>
          <div className="muted small">{t('commitmentHint')}</div>
        </dd>
        <dt>{t('scheduledAt')}</dt>
        <dd>{formatDateTime(schedule.scheduledAt, lang)}</dd>
        <dt>{t('closesAt')}</dt>
        <dd data-testid="entropy-closes-at">{formatDateTime(schedule.entropyClosesAt, lang)}</dd>
        <dt>{t('beacon')}</dt>
        <dd>{schedule.beaconSource || <span className="muted">{t('noBeacon')}</span>}</dd>
        {reveal && (
          <>
            <CodeFact term={t('secret')} value={reveal.secretHex} />
            {reveal.beacon && <CodeFact term={t('beaconValue')} value={reveal.beacon} />}
            <CodeFact term={t('seed')} value={reveal.seed} />
          </>
        )}
      </dl>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>{t('segment')}</th>
              <th>{t('poolSize')}</th>
              <th>{t('count')}</th>
              <th>{t('excluded')}</th>
              <th>{t('poolDigest')}</th>
            </tr>
          </thead>
          <tbody>
            {schedule.segments.map((segment) => (
              <tr key={segment.label} data-testid="segment">
                <td className="mono">{segment.label}</td>
                <td>{segment.poolSize}</td>
                <td>{segment.count}</td>
                <td>{segment.excludedCount}</td>
                <td className="digest">{segment.poolDigest}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
