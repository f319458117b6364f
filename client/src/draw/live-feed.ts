import { createClient, Client } from 'graphql-ws';
import type { LiveEvent } from './event-log';

/**
 * A draw's event stream that survives dropped connections. Every attempt is a fresh socket subscribing
 * from the last seq the room has applied (`resumeFrom()`), so a reconnect neither skips nor — as far
 * as the server is concerned — repeats an event; the room drops any repeat anyway.
 * graphql-ws's own retry would resubscribe with the variables of the first attempt, so each attempt's
 * client is disposed when its socket closes and a new one is made.
 */
export type ConnectionState = 'connected' | 'reconnecting';

export interface FeedError {
  message: string;
  extensions?: Record<string, unknown>;
}

export interface LiveFeedOptions {
  url: string;
  drawId: string;
  inviteToken: string | null;
  connectionParams: Record<string, unknown>;
  resumeFrom(): number;
  onEvent(event: LiveEvent): void;
  onConnection(state: ConnectionState): void;
  /** The server refused the subscription (e.g. an invalid invitation): retrying would not help. */
  onRefused(errors: FeedError[]): void;
}

export interface LiveFeed {
  /** Drops the current socket and subscribes again from the last applied seq. */
  resume(): void;
  stop(): void;
}

const DRAW_EVENTS = `subscription WitnessRoomEvents($drawId: ID!, $afterSeq: Int!, $inviteToken: String) {
  drawEvents(drawId: $drawId, afterSeq: $afterSeq, inviteToken: $inviteToken) { seq type at payload }
}`;

/** Waits before the n-th consecutive retry: at once first, then doubling up to 8 s. */
const retryDelayMs = (failures: number): number => (failures <= 1 ? 0 : Math.min(250 * 2 ** (failures - 1), 8000));

const isRefusal = (error: unknown): error is FeedError[] => Array.isArray(error);

export function followDraw(options: LiveFeedOptions): LiveFeed {
  let stopped = false;
  let failures = 0;
  let current: { client: Client; unsubscribe(): void } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const drop = () => {
    if (!current) return;
    const { client, unsubscribe } = current;
    current = null;
    unsubscribe();
    void client.dispose();
  };

  const retry = () => {
    drop();
    if (stopped) return;
    options.onConnection('reconnecting');
    failures++;
    clearTimeout(timer);
    timer = setTimeout(attempt, retryDelayMs(failures));
  };

  function attempt() {
    if (stopped) return;
    let self: typeof current = null;
    const mine = () => current !== null && current === self;
    const client = createClient({
      url: options.url,
      lazy: true,
      retryAttempts: 0,
      connectionParams: options.connectionParams,
      on: {
        connected: () => {
          if (!mine()) return;
          failures = 0;
          options.onConnection('connected');
        },
        closed: () => {
          if (mine()) retry();
        },
      },
    });
    const unsubscribe = client.subscribe<{ drawEvents: LiveEvent }>(
      { query: DRAW_EVENTS, variables: { drawId: options.drawId, afterSeq: options.resumeFrom(), inviteToken: options.inviteToken } },
      {
        next: (result) => {
          if (!mine()) return;
          if (result.errors?.length) {
            stopped = true;
            drop();
            options.onRefused(result.errors as FeedError[]);
          } else if (result.data) {
            options.onEvent(result.data.drawEvents);
          }
        },
        error: (error) => {
          if (!mine()) return;
          if (isRefusal(error)) {
            stopped = true;
            drop();
            options.onRefused(error);
          } else retry();
        },
        // A live stream does not end by itself: treat an end as a dropped connection and resume.
        complete: () => {
          if (mine()) retry();
        },
      },
    );
    self = { client, unsubscribe };
    current = self;
  }

  attempt();
  return {
    resume: () => {
      if (stopped) return;
      failures = 0;
      retry();
    },
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      drop();
    },
  };
}
