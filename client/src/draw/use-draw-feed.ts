import { useEffect, useRef, useState } from 'react';
import { loadSession } from '../api/session';
import { useLang } from '../i18n';
import { hasGap, initialRoom, LiveEvent, receiveEvents, RoomState } from './event-log';
import { ConnectionState, FeedError, followDraw } from './live-feed';

/**
 * A draw room's live state. Events that arrive close together are applied together (one render per
 * FLUSH_MS at most), so a draw streaming hundreds of batches stays smooth; the state is kept in a ref as
 * well, so a resubscription always passes the seq of the last event applied.
 */
const FLUSH_MS = 40;

export interface DrawFeed {
  room: RoomState;
  connection: ConnectionState;
  refused: FeedError[] | null;
}

export function useDrawFeed(drawId: string, inviteToken: string | null): DrawFeed {
  const { lang } = useLang();
  const [room, setRoom] = useState<RoomState>(initialRoom);
  const [connection, setConnection] = useState<ConnectionState>('reconnecting');
  const [refused, setRefused] = useState<FeedError[] | null>(null);
  // The language only words error messages: switching it must not restart the stream.
  const langRef = useRef(lang);
  langRef.current = lang;

  useEffect(() => {
    let state = initialRoom;
    let queue: LiveEvent[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    setRoom(initialRoom);
    setRefused(null);
    const apply = () => {
      timer = undefined;
      if (!queue.length) return;
      state = receiveEvents(state, queue);
      queue = [];
      setRoom(state);
    };
    const flush = () => {
      apply();
      // A missing event: subscribe again from the last one applied, and the server sends it.
      if (hasGap(state)) feed.resume();
    };
    const session = loadSession();
    const feed = followDraw({
      url: `${window.location.origin.replace(/^http/, 'ws')}/graphql`,
      drawId,
      inviteToken,
      connectionParams: { ...(session ? { authorization: `Bearer ${session.token}` } : {}), lang: langRef.current },
      resumeFrom: () => {
        // Whatever is still queued is applied first, so the resumed stream starts after it.
        clearTimeout(timer);
        apply();
        return state.lastSeq;
      },
      onEvent: (event) => {
        queue.push(event);
        timer ??= setTimeout(flush, FLUSH_MS);
      },
      onConnection: setConnection,
      onRefused: setRefused,
    });
    return () => {
      clearTimeout(timer);
      feed.stop();
    };
  }, [drawId, inviteToken]);

  return { room, connection, refused };
}
