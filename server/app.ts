import 'reflect-metadata';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import type { HubConfig } from './config';
import { migrate, openDataSource } from './db/data-source';
import { buildHubSchema } from './graphql/schema';
import { buildContext, ContextDeps, pickLang, RequestContext } from './graphql/context';
import { createErrorFormatter } from './graphql/errors';
import { accessLogPlugin, languagePlugin, limitsPlugin, statementCountPlugin } from './graphql/apollo-plugins';
import { runCounted } from './db/statement-counter';
import { createHubPubSub } from './graphql/pubsub';
import { attachWebSocket } from './graphql/websocket';
import { resolveAuth } from './modules/org/auth.service';
import { createLogger, Logger } from './logger';
import { mountHttpRoutes } from './http/routes';
import { mountClient } from './http/client.routes';
import { loadDemoIfEmpty } from './demo/load-demo';
import { DrawFeed } from './modules/draw/draw-feed';

export interface HubApp {
  url: string;
  port: number;
  ds: DataSource;
  schema: GraphQLSchema;
  log: Logger;
  /** Stops accepting work, lets running requests finish, closes subscriptions and connections. */
  close(): Promise<void>;
}

export async function createApp(config: HubConfig, options: { log?: Logger } = {}): Promise<HubApp> {
  const log = options.log ?? createLogger(config.logLevel);
  const ds = await openDataSource(config.database, log);
  const applied = await migrate(ds);
  if (applied.length) log.info('migrations applied', { applied });
  const pubSub = createHubPubSub(config.redisUrl);
  const drawFeed = new DrawFeed(ds, pubSub, log);
  const deps: ContextDeps = { ds, config, log, pubSub, drawFeed };
  if (config.demo) await loadDemoIfEmpty(deps);

  const schema = await buildHubSchema(pubSub);
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  let shuttingDown = false;

  const formatError = createErrorFormatter(log);
  const ws = attachWebSocket({ httpServer, schema, deps, formatError, limits: { maxDepth: config.maxQueryDepth, maxCost: config.maxQueryCost } });
  const apollo = new ApolloServer<RequestContext>({
    schema,
    formatError,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      limitsPlugin({ maxDepth: config.maxQueryDepth, maxCost: config.maxQueryCost }),
      languagePlugin(),
      accessLogPlugin(log),
      ...(config.reportStatementCounts ? [statementCountPlugin()] : []),
      { async serverWillStart() { return { async drainServer() { await ws.dispose(); } }; } },
    ],
  });
  await apollo.start();

  mountHttpRoutes(app, { deps, isShuttingDown: () => shuttingDown, resolveAuth: (h) => resolveAuth(ds, h) });
  if (config.reportStatementCounts) app.use('/graphql', (_req, _res, next) => runCounted(next));
  app.use(
    '/graphql',
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const auth = await resolveAuth(ds, req.headers.authorization ?? null);
        return buildContext(deps, auth, pickLang(req.headers['accept-language']));
      },
    }),
  );

  // After /graphql and the file routes: every other GET path is the web app.
  mountClient(app);

  await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${config.host}:${port}/graphql`;
  log.info('hub listening', { url, database: config.database.kind, pubsub: config.redisUrl ? 'redis' : 'memory' });

  let closing: Promise<void> | undefined;
  return {
    url, port, ds, schema, log,
    close() {
      closing ??= (async () => {
        shuttingDown = true;
        await apollo.stop();
        await drawFeed.stop();
        await pubSub.close();
        await ds.destroy();
        log.info('hub stopped');
      })();
      return closing;
    },
  };
}
