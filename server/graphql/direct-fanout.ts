import { DocumentNode, execute, ExecutionResult, getOperationAST, GraphQLError, GraphQLSchema, Kind, visit } from 'graphql';

/** The part of a `ws` socket that direct fan-out uses. */
export interface DirectSocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/**
 * A graphql-ws subscription that live events may be written to directly, bypassing graphql-ws's
 * per-subscriber execution and serialisation. `render` returns exactly the `payload` JSON graphql-ws
 * would send for the event; subscribers with the same `cacheKey` get the same text, so it is
 * rendered once per event and key however many of them there are.
 */
export interface DirectSink {
  readonly socket: DirectSocket;
  /** The graphql-ws subscription id (the `id` of every `next` message). */
  readonly id: string;
  readonly cacheKey: string;
  render(event: unknown): Promise<string>;
}

/** The single root field of a subscription operation, or null. */
export function singleRootField(document: DocumentNode, operationName: string | null | undefined) {
  const op = getOperationAST(document, operationName);
  if (!op || op.operation !== 'subscription' || op.selectionSet.selections.length !== 1) return null;
  const field = op.selectionSet.selections[0];
  return field.kind === Kind.FIELD ? field : null;
}

/**
 * Whether the result of executing `document` for an event can depend on the variables: it can when
 * a variable is used anywhere but in the root field's own arguments (which only pick the stream).
 */
function resultUsesVariables(document: DocumentNode, operationName: string | null | undefined): boolean {
  const root = singleRootField(document, operationName);
  let uses = false;
  visit(document, {
    VariableDefinition: () => false,
    Argument: (_node, _key, parent) => (parent === root?.arguments ? false : undefined),
    Variable: () => { uses = true; },
  });
  return uses;
}

/**
 * The direct sink of a subscription: it executes the document once per event with the event as root
 * value (what graphql's `subscribe` does for every event) and serialises the result as graphql-ws's
 * `next` would, after the same error formatting as the server's `onNext` hook.
 */
export function createDirectSink(options: {
  schema: GraphQLSchema;
  document: DocumentNode;
  query: string;
  operationName: string | null | undefined;
  variableValues: Record<string, unknown> | null | undefined;
  contextValue: unknown;
  socket: DirectSocket;
  id: string;
  /** What varies the result besides the query (e.g. the language errors are localised into). */
  variant: string;
  formatErrors: (errors: readonly GraphQLError[]) => unknown;
}): DirectSink {
  const { schema, document, operationName, variableValues, contextValue, formatErrors } = options;
  let cacheKey = `${options.query}\u0000${operationName ?? ''}\u0000${options.variant}`;
  if (resultUsesVariables(document, operationName)) cacheKey += `\u0000${JSON.stringify(variableValues ?? {})}`;
  return {
    socket: options.socket,
    id: options.id,
    cacheKey,
    async render(event) {
      const result = (await execute({ schema, document, operationName, variableValues, contextValue, rootValue: event })) as ExecutionResult;
      return JSON.stringify(result.errors ? { ...result, errors: formatErrors(result.errors) } : result);
    },
  };
}

/**
 * An async iterator that runs `open` on the first `next()` (its failure rejects that `next()`, as an
 * async generator's would) and then delegates. Unlike an async generator delegating with `yield*`,
 * its `return()` reaches the inner iterator at once, even while a `next()` is pending.
 */
export function deferredIterator<T>(open: () => Promise<AsyncIterator<T>>): AsyncIterableIterator<T> {
  let inner: AsyncIterator<T> | null = null;
  let opening: Promise<AsyncIterator<T>> | null = null;
  let closed = false;
  const done: IteratorReturnResult<undefined> = { done: true, value: undefined };
  const iterator: AsyncIterableIterator<T> = {
    [Symbol.asyncIterator]() { return iterator; },
    async next() {
      if (closed) return done;
      if (!inner) {
        opening ??= open();
        const opened = await opening;
        if (closed) { await opened.return?.(); return done; }
        inner = opened;
      }
      return inner.next();
    },
    async return() {
      if (closed) return done;
      closed = true;
      if (inner) await inner.return?.();
      return done;
    },
    async throw(error: unknown) {
      await iterator.return!();
      throw error;
    },
  };
  return iterator;
}
