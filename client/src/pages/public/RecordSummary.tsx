import type { DrawRecord } from '../../../../server/domain/draw-v1';
import { defineMessages, formatDateTime, useLang, useT } from '../../i18n';
import { CodeFact } from '../../ui/common';

/** The published record in words: what was committed, the entropy, the reveal, and each segment's pool. */
const messages = defineMessages(
  {
    heading: '摇号记录',
    commitment: '承诺值',
    scheduledAt: '承诺发布时间',
    closesAt: '随机数征集截止',
    secret: '服务器密钥',
    beaconSource: '公开随机源',
    beacon: '公开随机数值',
    noBeacon: '未使用',
    seed: '随机种子',
    revealedAt: '揭晓时间',
    completedAt: '抽取完毕',
    entropy: '见证人随机数（{n} 条，按接受顺序）',
    noEntropy: '无见证人随机数',
    segment: '分段',
    poolSize: '对象池数量',
    count: '抽取数量',
    excluded: '依规排除',
    poolDigest: '对象池摘要',
    segmentSeed: '分段种子',
    download: '下载摇号记录（JSON）',
    cli: '也可下载后用命令行独立复核：npm run draw -- verify record.json',
  },
  {
    heading: 'Draw record',
    commitment: 'Commitment',
    scheduledAt: 'Committed at',
    closesAt: 'Entropy window closed',
    secret: 'Server secret',
    beaconSource: 'Public beacon',
    beacon: 'Beacon value',
    noBeacon: 'None',
    seed: 'Seed',
    revealedAt: 'Revealed',
    completedAt: 'Drawn by',
    entropy: 'Witness entropy ({n}, in the order accepted)',
    noEntropy: 'No witness entropy',
    segment: 'Segment',
    poolSize: 'Pool size',
    count: 'Drawn',
    excluded: 'Excluded by the rules',
    poolDigest: 'Pool digest',
    segmentSeed: 'Segment seed',
    download: 'Download the draw record (JSON)',
    cli: 'Or download it and check it yourself: npm run draw -- verify record.json',
  },
);

export function RecordSummary({ record, recordUrl }: { record: unknown; recordUrl: string }) {
  const t = useT(messages);
  const { lang } = useLang();
  const r = record as Partial<DrawRecord>;
  const entropy = Array.isArray(r.entropy) ? r.entropy : [];
  const segments = Array.isArray(r.segments) ? r.segments : [];
  return (
    <section className="card" data-testid="record">
      <h2>{t('heading')}</h2>
      <p>
        <a href={recordUrl} data-testid="record-link" download>
          {t('download')}
        </a>{' '}
        <span className="muted small">{t('cli')}</span>
      </p>
      <dl className="facts">
        <CodeFact term={t('commitment')} value={r.commitment} />
        <dt>{t('scheduledAt')}</dt>
        <dd>{formatDateTime(r.scheduledAt, lang)}</dd>
        <dt>{t('closesAt')}</dt>
        <dd>{formatDateTime(r.entropyClosesAt, lang)}</dd>
        <dt>{t('beaconSource')}</dt>
        <dd>{r.beaconSource || t('noBeacon')}</dd>
        {r.beacon && <CodeFact term={t('beacon')} value={r.beacon} />}
        <CodeFact term={t('secret')} value={r.secretHex} />
        <CodeFact term={t('seed')} value={r.seed} />
        <dt>{t('revealedAt')}</dt>
        <dd>{formatDateTime(r.revealedAt, lang)}</dd>
        <dt>{t('completedAt')}</dt>
        <dd>{formatDateTime(r.completedAt, lang)}</dd>
      </dl>
      <h3>{entropy.length ? t('entropy', { n: entropy.length }) : t('noEntropy')}</h3>
      {entropy.length > 0 && (
        <ol>
          {entropy.map((e, i) => (
            <li key={i}>
              <span className="entropy-text">{e.text}</span>
              <div className="digest">{e.digest}</div>
            </li>
          ))}
        </ol>
      )}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>{t('segment')}</th>
              <th>{t('poolSize')}</th>
              <th>{t('count')}</th>
              <th>{t('excluded')}</th>
              <th>{t('poolDigest')}</th>
              <th>{t('segmentSeed')}</th>
            </tr>
          </thead>
          <tbody>
            {segments.map((s, i) => (
              <tr key={i}>
                <td className="mono">{s.label}</td>
                <td>{s.poolSize}</td>
                <td>{s.count}</td>
                <td>{Array.isArray(s.excluded) ? s.excluded.length : 0}</td>
                <td className="digest">{s.poolDigest}</td>
                <td className="digest">{s.segmentSeed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
