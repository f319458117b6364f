import { useMemo } from 'react';
import { useQuery } from 'urql';
import { isComplete, RoomState } from '../../draw/event-log';
import { picksBySegment } from '../../draw/pick-batches';
import { VerifyPanel } from '../../draw/VerifyPanel';
import { defineMessages, useT } from '../../i18n';
import { ErrorNotice } from '../../ui/common';
import { RoomRecordQuery } from './room-queries';

/**
 * Once the last pick is out, the room reads the published record, recomputes the draw from it in the
 * browser, and checks it against the picks it received live.
 */
const messages = defineMessages(
  {
    download: '下载摇号记录（JSON）',
    downloadHint: '记录含密钥、全部随机数、对象池与抽取结果，可用任何实现 draw-v1 协议的程序独立复核。',
    voided: '本次摇号在抽取前已作废，没有抽取结果可供验证。',
  },
  {
    download: 'Download the draw record (JSON)',
    downloadHint: 'The record holds the secret, every entropy contribution, the pools and the picks: any draw-v1 implementation can check it independently.',
    voided: 'This draw was voided before anything was drawn: there are no picks to verify.',
  },
);

function download(drawId: string, record: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(record, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `draw-${drawId}-record.json`;
  link.click();
  URL.revokeObjectURL(url);
}

export function RoomVerification({ drawId, inviteToken, room }: { drawId: string; inviteToken: string | null; room: RoomState }) {
  const t = useT(messages);
  const complete = isComplete(room);
  const segments = room.schedule?.segments.length ?? 0;
  const [result, reexecute] = useQuery({ query: RoomRecordQuery, variables: { id: drawId, inviteToken }, pause: !complete, requestPolicy: 'network-only' });
  const observed = useMemo(() => (complete ? picksBySegment(room.picks, segments) : null), [complete, room.picks, segments]);
  const record = complete ? (result.data?.drawRecord ?? null) : null;
  return (
    <>
      <VerifyPanel record={record} observed={observed} observedSource="live" idleText={room.voided && !complete ? t('voided') : undefined} />
      <ErrorNotice error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      {record && (
        <p>
          <button type="button" className="link" onClick={() => download(drawId, record)}>
            {t('download')}
          </button>{' '}
          <span className="muted small">{t('downloadHint')}</span>
        </p>
      )}
    </>
  );
}
