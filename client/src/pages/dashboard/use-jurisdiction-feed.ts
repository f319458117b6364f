import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { DashboardEventsSubscription } from './queries';
import { FeedEvent, FeedState, foldEvent, initialFeed } from './live-draws';

/**
 * Follows every draw event of the jurisdiction from `fromSeq` (the list's globalSeq at first read,
 * so nothing between the read and the subscription is missed). The WebSocket reconnects by itself
 * and the subscription resumes from the same number: events already applied are skipped, and
 * `onEvent` sees each new event once (to re-read what it changes).
 */
export function useJurisdictionFeed(fromSeq: number | null, onEvent: (event: FeedEvent) => void): FeedState {
  const client = useClient();
  const [feed, setFeed] = useState<FeedState>(() => initialFeed(fromSeq ?? 0));
  const lastSeq = useRef(fromSeq ?? 0);
  const handler = useRef(onEvent);
  handler.current = onEvent;

  useEffect(() => {
    if (fromSeq === null) return;
    if (lastSeq.current < fromSeq) {
      lastSeq.current = fromSeq;
      setFeed(initialFeed(fromSeq));
    }
    const { unsubscribe } = client.subscription(DashboardEventsSubscription, { after: fromSeq }).subscribe((result) => {
      const event = result.data?.jurisdictionDrawEvents;
      if (!event || event.globalSeq <= lastSeq.current) return;
      lastSeq.current = event.globalSeq;
      const next: FeedEvent = { drawId: event.drawId, globalSeq: event.globalSeq, type: event.type };
      setFeed((state) => foldEvent(state, next));
      handler.current(next);
    });
    return unsubscribe;
  }, [client, fromSeq]);

  return feed;
}
