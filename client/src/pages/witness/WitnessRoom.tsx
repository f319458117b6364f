import { CombinedError } from '@urql/core';
import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { useSession } from '../../api/hub-context';
import { hasRole } from '../../api/session';
import { ConnectionIndicator } from '../../draw/ConnectionIndicator';
import { PhaseBadge } from '../../draw/PhaseBadge';
import { shouldPace, usePacedCount } from '../../draw/reveal-pace';
import { useDrawFeed } from '../../draw/use-draw-feed';
import { defineMessages, formatDateTime, useLang, useT } from '../../i18n';
import { ErrorNotice, Loading } from '../../ui/common';
import { CommitmentCard } from './CommitmentCard';
import { DrawProgress } from './DrawProgress';
import { EntropyPanel } from './EntropyPanel';
import { RoomDrawQuery } from './room-queries';
import { RoomVerification } from './RoomVerification';
import { TeamsPanel } from './TeamsPanel';
import { Me, WitnessPanel } from './WitnessPanel';
import './witness-room.css';

/**
 * 摇号现场: the live draw room. Everything shown comes from the draw's event log, followed live and
 * resumed after any dropped connection; once the draw completes, the room recomputes it in the browser.
 */
const messages = defineMessages(
  {
    title: '摇号现场',
    drawNo: '摇号编号 {id}',
    voided: '本次摇号已于 {at} 作废（操作人：{by}）。作废理由：{reason}',
    completed: '全部 {n} 个对象已于 {at} 抽取完毕。',
    locked: '结果已于 {at} 锁定{announced}。',
    announced: '并公告',
  },
  {
    title: 'Live draw room',
    drawNo: 'Draw {id}',
    voided: 'This draw was voided at {at} (by {by}). Reason: {reason}',
    completed: 'All {n} picks were drawn by {at}.',
    locked: 'The result was locked at {at}{announced}.',
    announced: ' and announced',
  },
);

export default function WitnessRoom({ drawId, inviteToken }: { drawId: string; inviteToken: string | null }) {
  const t = useT(messages);
  const { lang } = useLang();
  const session = useSession();
  const [draw] = useQuery({ query: RoomDrawQuery, variables: { id: drawId, inviteToken } });
  const { room, connection, refused } = useDrawFeed(drawId, inviteToken);
  const [me, setMe] = useState<Me | null>(null);

  // Events after the log's length at first sight happen while this page watches: a small draw revealed
  // then is shown at a human pace; one replayed on opening the room is shown at once.
  const [liveFromSeq, setLiveFromSeq] = useState<number | null>(null);
  const firstLastSeq = draw.data?.draw.lastSeq;
  useEffect(() => {
    if (firstLastSeq !== undefined) setLiveFromSeq((seen) => seen ?? firstLastSeq);
  }, [firstLastSeq]);

  const schedule = room.schedule;
  const totalPicks = schedule?.segments.reduce((n, s) => n + s.count, 0) ?? 0;
  const shown = usePacedCount(room.picks.total, shouldPace(totalPicks, room.reveal?.seq ?? null, liveFromSeq));
  const canWitness = !!inviteToken || hasRole(session, 'WITNESS');
  const refusal = refused && !draw.error ? new CombinedError({ graphQLErrors: refused }) : null;

  return (
    <div className="room">
      <header className="room-head">
        <h1>
          {t('title')}
          {schedule && <span className="room-task"> · {schedule.taskName}</span>}
        </h1>
        <span className="muted">{t('drawNo', { id: drawId })}</span>
        <PhaseBadge phase={room.phase} />
        <ConnectionIndicator state={connection} />
      </header>
      <ErrorNotice error={draw.error} />
      <ErrorNotice error={refusal} />
      {room.voided && (
        <p className="error" data-testid="void-reason">
          {t('voided', { at: formatDateTime(room.voided.at, lang), by: room.voided.by, reason: room.voided.reason })}
        </p>
      )}
      {!schedule ? (
        !draw.error && !refusal && <Loading />
      ) : (
        <>
          {room.completed && !room.voided && (
            <p className="ok">
              {t('completed', { n: room.completed.picks, at: formatDateTime(room.completed.at, lang) })}
              {room.locked && ` ${t('locked', { at: formatDateTime(room.locked.at, lang), announced: room.announcedAt ? t('announced') : '' })}`}
            </p>
          )}
          <div className="grid2">
            <CommitmentCard schedule={schedule} reveal={room.reveal} />
            <div>
              <WitnessPanel drawId={drawId} inviteToken={inviteToken} witnesses={room.witnesses} phase={room.phase} canWitness={canWitness} me={me} onMe={setMe} />
              <EntropyPanel
                drawId={drawId}
                inviteToken={inviteToken}
                phase={room.phase}
                closesAt={schedule.entropyClosesAt}
                contributions={room.entropy}
                joined={me !== null}
                canWitness={canWitness}
              />
            </div>
          </div>
          <DrawProgress segments={schedule.segments} picks={room.picks} shown={shown} revealed={room.reveal !== null} live={room.phase === 'DRAWING' || shown < room.picks.total} />
          {(room.visitsFormed !== null || room.teamDraws.length > 0) && <TeamsPanel visitsFormed={room.visitsFormed} teamDraws={room.teamDraws} appointments={room.appointments} />}
          <RoomVerification drawId={drawId} inviteToken={inviteToken} room={room} />
        </>
      )}
    </div>
  );
}
