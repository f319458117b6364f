import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { checkLimits, Limits } from './limits';
import { localizeErrors } from './errors';
import type { RequestContext } from './context';
import { statementsSoFar } from '../db/statement-counter';
import type { Logger } from '../logger';

/** Rejects operations over the depth or cost limit before they run. */
export function limitsPlugin(limits: Limits): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request }) {
          const errors = checkLimits(document, operationName, request.variables, limits);
          // Apollo turns `extensions.http` into the response status and strips it from the body.
          if (errors.length) throw new GraphQLError(errors[0].message, { extensions: { ...errors[0].extensions, http: { status: 400 } } });
        },
      };
    },
  };
}

/** Serves messages in the caller's language (Chinese unless Accept-Language asks for English). */
export function languagePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind === 'single' && response.body.singleResult.errors && contextValue?.lang) {
            response.body.singleResult.errors = localizeErrors(response.body.singleResult.errors, contextValue.lang);
          }
        },
      };
    },
  };
}

/** Reports how many SQL statements the request issued (only when enabled in the config). */
export function statementCountPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const count = statementsSoFar();
          if (response.body.kind === 'single' && count !== undefined) {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, sqlStatements: count };
          }
        },
      };
    },
  };
}

/**
 * One structured line per mutation and per failed operation: who, what, how long, which error
 * codes. Variables are never logged (they carry passwords, tokens and personal data).
 */
export function accessLogPlugin(log: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = Date.now();
      let operation: string | undefined;
      let kind: string | undefined;
      return {
        async didResolveOperation({ operationName, operation: op }) {
          operation = operationName ?? undefined;
          kind = op?.operation;
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (kind !== 'mutation' && !errors?.length) return;
          log.info('graphql', {
            kind: kind ?? 'invalid', operation, ms: Date.now() - started, user: contextValue?.actor?.username,
            errors: errors?.map((e) => e.extensions?.code),
          });
        },
      };
    },
  };
}
