import type http from 'node:http';
import { execute, GraphQLError, GraphQLFormattedError, GraphQLSchema, parse, subscribe, validate } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { buildContext, ContextDeps, pickLang } from './context';
import { createDirectSink, DirectSink, singleRootField } from './direct-fanout';
import { localizeErrors } from './errors';
import { checkLimits, Limits } from './limits';
import { resolveAuth } from '../modules/org/auth.service';

type ConnectionParams = { authorization?: string; lang?: string };

/**
 * graphql-ws on the same port and path as HTTP. Apollo's plugins do not run here, so the same
 * limits, error formatting and language choice are applied in the graphql-ws hooks. The session is
 * checked again for every operation: a long-lived socket does not outlive a revoked or expired session.
 */
export function attachWebSocket(options: {
  httpServer: http.Server;
  schema: GraphQLSchema;
  deps: ContextDeps;
  limits: Limits;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
}) {
  const { schema, deps, limits, formatError } = options;
  const wsServer = new WebSocketServer({ server: options.httpServer, path: '/graphql', maxPayload: 1024 * 1024 });
  const langOf = (params: ConnectionParams | undefined) => pickLang(params?.lang ?? null);
  const format = (errors: readonly GraphQLError[], params: ConnectionParams | undefined) =>
    localizeErrors(errors.map((e) => formatError(e.toJSON(), e)), langOf(params));

  const cleanup = useServer<ConnectionParams>(
    {
      schema,
      execute,
      subscribe,
      onSubscribe: async (ctx, id, payload) => {
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(schema, document);
        if (errors.length) return errors;
        const limitErrors = checkLimits(document, payload.operationName, payload.variables, limits);
        if (limitErrors.length) return limitErrors;
        const params = ctx.connectionParams;
        const auth = await resolveAuth(deps.ds, params?.authorization ?? null);
        const contextValue: ReturnType<typeof buildContext> & { directSink?: DirectSink } = buildContext(deps, auth, langOf(params));
        // A draw's live events are written to its witnesses' sockets by the draw feed, rendered once
        // per event and subscription text instead of executed and serialised once per subscriber.
        if (singleRootField(document, payload.operationName)?.name.value === 'drawEvents') {
          contextValue.directSink = createDirectSink({
            schema, document, query: payload.query, operationName: payload.operationName, variableValues: payload.variables, contextValue,
            socket: ctx.extra.socket, id, variant: langOf(params), formatErrors: (errors) => format(errors, params),
          });
        }
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
      onError: (ctx, _id, _payload, errors) => format(errors, ctx.connectionParams),
      onNext: (ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: format(result.errors, ctx.connectionParams) } : undefined,
    },
    wsServer,
  );
  return {
    async dispose() {
      await cleanup.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
