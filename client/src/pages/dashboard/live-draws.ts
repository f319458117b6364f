import type { DrawStatus } from '../../gql/graphql';

/**
 * The live list's pure logic: the jurisdiction stream says what happened to which draw; the list
 * shows each draw's status as the latest event made it, until a fresh read of the list catches up.
 */

/** The status a draw has after an event of this type; null for events that do not change it (witnesses, entropy, visits). */
export function statusAfter(eventType: string): DrawStatus | null {
  switch (eventType) {
    case 'SCHEDULED':
      return 'SCHEDULED';
    case 'OPENED':
      return 'OPEN';
    case 'REVEALED':
    case 'PICKS':
      return 'DRAWING';
    case 'COMPLETED':
      return 'COMPLETED';
    case 'LOCKED':
      return 'LOCKED';
    case 'ANNOUNCED':
      return 'ANNOUNCED';
    case 'VOIDED':
      return 'VOIDED';
    default:
      return null;
  }
}

export interface FeedEvent {
  drawId: string;
  globalSeq: number;
  type: string;
}

export interface FeedState {
  /** The last hub-wide event number applied: a reconnect replays from an earlier one, and those are skipped. */
  lastSeq: number;
  /** Statuses learnt from events, by draw id. */
  statuses: Record<string, DrawStatus>;
}

export const initialFeed = (lastSeq: number): FeedState => ({ lastSeq, statuses: {} });

/** Applies one event; an event already applied leaves the state as it is (same object). */
export function foldEvent(state: FeedState, event: FeedEvent): FeedState {
  if (event.globalSeq <= state.lastSeq) return state;
  const status = statusAfter(event.type);
  return { lastSeq: event.globalSeq, statuses: status ? { ...state.statuses, [event.drawId]: status } : state.statuses };
}

/** The rows as read, with the statuses the stream has reported since. */
export function withLiveStatus<T extends { id: string; status: DrawStatus }>(rows: readonly T[], statuses: Record<string, DrawStatus>): T[] {
  return rows.map((row) => (statuses[row.id] && statuses[row.id] !== row.status ? { ...row, status: statuses[row.id] } : row));
}

/** A draw is live while witnesses can still follow it happening. */
export const isLive = (status: DrawStatus): boolean => status === 'OPEN' || status === 'DRAWING';
