import { cacheExchange, Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, Client as WsClient } from 'graphql-ws';
import type { Lang } from '../i18n';
import { loadSession } from './session';

/**
 * One GraphQL client over HTTP and graphql-ws, made anew when the user or the language changes so that
 * both transports carry the current bearer token and Accept-Language.
 * The WebSocket retries forever with back-off: live pages resume from the last event they hold.
 */
export interface HubClient {
  client: Client;
  ws: WsClient;
  dispose(): void;
}

export function createHubClient(lang: Lang, origin: string = window.location.origin): HubClient {
  const session = loadSession();
  const authorization = session ? `Bearer ${session.token}` : undefined;
  const wsUrl = `${origin.replace(/^http/, 'ws')}/graphql`;
  const ws = createWsClient({
    url: wsUrl,
    lazy: true,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: async (retries) => {
      await new Promise((resolve) => setTimeout(resolve, Math.min(500 * 2 ** retries, 8000)));
    },
    connectionParams: () => ({ authorization, lang }),
  });
  const client = new Client({
    url: `${origin}/graphql`,
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
    fetchOptions: () => ({
      headers: { ...(authorization ? { authorization } : {}), 'accept-language': lang === 'zh' ? 'zh-CN' : 'en' },
    }),
    requestPolicy: 'cache-and-network',
    // The hub refuses GET operations without a preflight header (CSRF protection): always POST.
    preferGetMethod: false,
  });
  return { client, ws, dispose: () => void ws.dispose() };
}
