import { useEffect } from 'react';
import { useQuery, useSubscription } from 'urql';
import { defineMessages, formatDateTime, useLang, useT } from '../../../i18n';
import { Link } from '../../../router';
import { CodeFact, Empty, ErrorNotice, Loading } from '../../../ui/common';
import { useLabel } from '../shared/useLabel';
import { DrawActions } from './DrawActions';
import { DrawDetailQuery, DrawEventsSubscription } from './draw-queries';
import { WitnessInvite } from './WitnessInvite';

const messages = defineMessages(
  {
    heading: '摇号 #{id}',
    task: '抽查任务',
    room: '进入摇号直播间',
    teams: '抽取检查组',
    status: '状态',
    commitment: '承诺值（密钥的哈希，编排时公布）',
    seed: '种子',
    closes: '见证随机数截止',
    beacon: '公开随机源',
    noBeacon: '不使用',
    pace: '揭晓节奏：每 {ms} 毫秒揭晓 {n} 户',
    voided: '作废理由：{reason}',
    segments: '抽取分段',
    label: '分段',
    pool: '抽取范围',
    count: '抽取数量',
    excluded: '排除',
    digest: '范围摘要',
    witnesses: '见证人',
    joined: '已加入 {at}',
    notJoined: '尚未加入',
    acknowledged: '已确认结果',
    entropy: '见证随机数',
    picks: '抽中的检查对象（共 {n} 户）',
    events: '过程记录',
    times: '时间',
  },
  {
    heading: 'Draw #{id}',
    task: 'Task',
    room: 'Open the live room',
    teams: 'Draw the teams',
    status: 'Status',
    commitment: 'Commitment (hash of the secret, published when scheduled)',
    seed: 'Seed',
    closes: 'Witness entropy closes',
    beacon: 'Public beacon',
    noBeacon: 'none',
    pace: 'Pace: {n} picks every {ms} ms',
    voided: 'Voided: {reason}',
    segments: 'Segments',
    label: 'Segment',
    pool: 'Pool',
    count: 'To draw',
    excluded: 'Excluded',
    digest: 'Pool digest',
    witnesses: 'Witnesses',
    joined: 'joined {at}',
    notJoined: 'not joined yet',
    acknowledged: 'acknowledged the result',
    entropy: 'Witness entropy',
    picks: 'Drawn targets ({n})',
    events: 'Record of the draw',
    times: 'Times',
  },
);

const eventLabels = defineMessages(
  {
    SCHEDULED: '已编排，承诺值已公布',
    WITNESS_INVITED: '已邀请见证人',
    OPENED: '已开放见证',
    WITNESS_JOINED: '见证人已加入',
    ENTROPY_ACCEPTED: '收到见证随机数',
    REVEALED: '已公布密钥，开始摇号',
    PICKS: '揭晓一批结果',
    COMPLETED: '摇号完成',
    LOCKED: '结果已锁定',
    VISITS_FORMED: '已形成检查',
    ANNOUNCED: '任务公告已发布',
    ACKNOWLEDGED: '见证人已确认结果',
    VOIDED: '摇号已作废',
    TEAMS_DRAWN: '已抽取检查组',
  },
  {
    SCHEDULED: 'Scheduled; commitment published',
    WITNESS_INVITED: 'Witness invited',
    OPENED: 'Open to witnesses',
    WITNESS_JOINED: 'Witness joined',
    ENTROPY_ACCEPTED: 'Witness entropy received',
    REVEALED: 'Secret revealed; drawing',
    PICKS: 'A batch of picks revealed',
    COMPLETED: 'Draw completed',
    LOCKED: 'Result locked',
    VISITS_FORMED: 'Visits formed',
    ANNOUNCED: 'Task announcement published',
    ACKNOWLEDGED: 'Witness acknowledged the result',
    VOIDED: 'Draw voided',
    TEAMS_DRAWN: 'Teams drawn',
  },
);

type EventRow = { seq: number; type: string; at: string };

/** One draw: its published facts, the operator's actions, witnesses, and its record as it happens. */
export function DrawDetail({ drawId }: { drawId: string }) {
  const t = useT(messages);
  const te = useT(eventLabels);
  const { lang } = useLang();
  const label = useLabel();
  const [result, refetch] = useQuery({ query: DrawDetailQuery, variables: { id: drawId } });
  const [events] = useSubscription({ query: DrawEventsSubscription, variables: { drawId, afterSeq: 0 } }, (rows: EventRow[] = [], data) =>
    rows.some((row) => row.seq === data.drawEvents.seq) ? rows : [...rows, data.drawEvents],
  );
  const lastSeq = events.data?.length ? events.data[events.data.length - 1].seq : 0;
  const stored = result.data?.draw.lastSeq ?? 0;
  // The stream says something happened: read the draw again (debounced: a paced reveal sends many batches).
  useEffect(() => {
    if (lastSeq <= stored) return;
    const timer = setTimeout(() => refetch({ requestPolicy: 'network-only' }), 250);
    return () => clearTimeout(timer);
  }, [lastSeq, stored, refetch]);

  const draw = result.data?.draw;
  if (result.error && !draw) return <ErrorNotice error={result.error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!draw) return <Loading />;
  const eventText = (type: string) => (type in eventLabels.zh ? te(type as keyof typeof eventLabels.zh) : type);
  return (
    <article>
      <h1>
        {t('heading', { id: draw.id })} <span className="badge live" data-testid="draw-status">{label('DrawStatus', draw.status)}</span>
      </h1>
      <p>
        {t('task')}: <Link to={`/console/tasks?task=${draw.task.id}`}>{draw.task.name}</Link> ·{' '}
        <Link to={`/draws/${draw.id}/room`}>{t('room')}</Link>
        {(draw.status === 'LOCKED' || draw.status === 'ANNOUNCED') && (
          <>
            {' '}
            · <Link to={`/console/teams?draw=${draw.id}`}>{t('teams')}</Link>
          </>
        )}
      </p>
      {draw.voidReason && <p className="warn">{t('voided', { reason: draw.voidReason })}</p>}
      <DrawActions draw={draw} />

      <dl className="grid2">
        <div>
          <CodeFact term={t('commitment')} value={draw.commitment} termClass="muted" />
          {draw.seed && <CodeFact term={t('seed')} value={draw.seed} termClass="muted" />}
        </div>
        <div>
          <dt className="muted">{t('closes')}</dt>
          <dd>{formatDateTime(draw.entropyClosesAt, lang)}</dd>
          <dt className="muted">{t('beacon')}</dt>
          <dd>{draw.beaconSource ? `${draw.beaconSource}${draw.beacon ? `：${draw.beacon}` : ''}` : t('noBeacon')}</dd>
          <dd className="muted">{t('pace', { ms: draw.paceMs, n: draw.batchSize })}</dd>
        </div>
      </dl>

      <h2>{t('segments')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('label')}</th>
            <th>{t('pool')}</th>
            <th>{t('count')}</th>
            <th>{t('excluded')}</th>
            <th>{t('digest')}</th>
          </tr>
        </thead>
        <tbody>
          {draw.segments.map((s) => (
            <tr key={s.position}>
              <td>
                <code>{s.label}</code>
              </td>
              <td>{s.poolSize}</td>
              <td>{s.count}</td>
              <td>{s.excludedCount}</td>
              <td>
                <code>{s.poolDigest.slice(0, 16)}…</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="grid2">
        <section>
          <h2>{t('witnesses')}</h2>
          {draw.witnesses.length === 0 ? (
            <Empty />
          ) : (
            <ul>
              {draw.witnesses.map((w) => (
                <li key={w.id}>
                  {w.displayName} <span className="muted">{w.organisation}</span> · {w.joinedAt ? t('joined', { at: formatDateTime(w.joinedAt, lang) }) : t('notJoined')}
                  {w.acknowledgedAt && <span className="badge ok">{t('acknowledged')}</span>}
                </li>
              ))}
            </ul>
          )}
          {(draw.status === 'SCHEDULED' || draw.status === 'OPEN') && <WitnessInvite drawId={draw.id} onInvited={() => refetch({ requestPolicy: 'network-only' })} />}
          {draw.entropy.length > 0 && (
            <>
              <h3>{t('entropy')}</h3>
              <ol>
                {draw.entropy.map((e) => (
                  <li key={e.ordinal}>
                    {e.text} <code className="muted">{e.digest.slice(0, 12)}…</code>
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
        <section>
          <h2>{t('events')}</h2>
          <ErrorNotice error={events.error} />
          <ol className="event-log scroll" data-testid="draw-events">
            {(events.data ?? []).map((e) => (
              <li key={e.seq}>
                <span className="muted">{formatDateTime(e.at, lang)}</span> {eventText(e.type)}
              </li>
            ))}
          </ol>
        </section>
      </div>

      {draw.picks.totalItems > 0 && (
        <>
          <h2>{t('picks', { n: draw.picks.totalItems })}</h2>
          <ol className="scroll" data-testid="draw-picks">
            {draw.picks.items.map((p) => (
              <li key={`${p.segmentPosition}-${p.ordinal}`}>
                <code>{p.publicId}</code> <span className="muted">{draw.segments[p.segmentPosition]?.label}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </article>
  );
}
