import { createPubSub } from '@graphql-yoga/subscription';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import Redis from 'ioredis';

/**
 * Typed topics, one id per subject. Payloads are plain JSON (they cross Redis). Pub/sub only wakes
 * subscribers up: anything that must not be missed is re-read from the database.
 */
export interface ImportProgressPayload {
  jobId: number;
  status: string;
  phase: 'READING' | 'WRITING' | 'DONE';
  rowsRead: number;
  errorCount: number;
}

export type HubTopics = {
  IMPORT_PROGRESS: [jobId: number, payload: ImportProgressPayload];
  /** Something new in the draw event log; subscribers read the log itself. One channel for all draws. */
  DRAW_WAKE: [payload: { drawId: number; seq: number; globalSeq: number }];
};

export interface HubPubSub {
  publish: ReturnType<typeof createPubSub<HubTopics>>['publish'];
  subscribe: ReturnType<typeof createPubSub<HubTopics>>['subscribe'];
  close(): Promise<void>;
}

export function createHubPubSub(redisUrl?: string): HubPubSub {
  if (!redisUrl) {
    const pubSub = createPubSub<HubTopics>();
    return { publish: pubSub.publish, subscribe: pubSub.subscribe, close: async () => undefined };
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const pubSub = createPubSub<HubTopics>({ eventTarget: createRedisEventTarget({ publishClient, subscribeClient }) });
  return {
    publish: pubSub.publish,
    subscribe: pubSub.subscribe,
    // quit() lets pending commands (the last unsubscribes) finish before the connections close.
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  };
}
