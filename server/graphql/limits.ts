import {
  DocumentNode, FieldNode, FragmentDefinitionNode, GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode, valueFromASTUntyped,
} from 'graphql';
import { errorMessage, ErrorCode } from '../common/errors';

/**
 * Depth and cost limits, computed on the parsed operation with its variables, so the same check
 * runs for HTTP (an Apollo plugin) and for WebSocket subscriptions (graphql-ws onSubscribe).
 *
 * Cost: every field costs 1; a field with a `take` argument (directly or in `options`/`page`) multiplies
 * the cost of what it selects by that page size; a list without one is counted as DEFAULT_LIST_SIZE.
 * Introspection fields (`__schema`, `__type`) are exempt: tools need them and they touch no data.
 */
export interface Limits { maxDepth: number; maxCost: number }
const DEFAULT_PAGE = 50;

function pageSize(field: FieldNode, variables: Record<string, unknown>): number | undefined {
  for (const arg of field.arguments ?? []) {
    const value = valueFromASTUntyped(arg.value, variables) as unknown;
    if (arg.name.value === 'take' && typeof value === 'number') return value;
    if (value && typeof value === 'object' && 'take' in value) {
      const take = (value as { take?: unknown }).take;
      return typeof take === 'number' ? take : DEFAULT_PAGE;
    }
  }
  return undefined;
}

export function measureOperation(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> = {}) {
  const fragments = new Map<string, FragmentDefinitionNode>();
  let operation: OperationDefinitionNode | undefined;
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    else if (def.kind === Kind.OPERATION_DEFINITION && (!operationName || def.name?.value === operationName)) operation ??= def;
  }
  if (!operation) return { depth: 0, cost: 0 };

  const walk = (set: SelectionSetNode, depth: number, seen: Set<string>): { depth: number; cost: number } => {
    let maxDepth = depth, cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.name.value.startsWith('__')) continue;
        if (!sel.selectionSet) { cost += 1; continue; }
        const inner = walk(sel.selectionSet, depth + 1, seen);
        maxDepth = Math.max(maxDepth, inner.depth);
        cost += 1 + (pageSize(sel, variables) ?? 1) * inner.cost;
      } else {
        const fragmentSet = sel.kind === Kind.INLINE_FRAGMENT ? sel.selectionSet : fragments.get(sel.name.value)?.selectionSet;
        const key = sel.kind === Kind.FRAGMENT_SPREAD ? sel.name.value : '';
        if (!fragmentSet || (key && seen.has(key))) continue; // cycles are rejected by validation anyway
        const inner = walk(fragmentSet, depth, key ? new Set([...seen, key]) : seen);
        maxDepth = Math.max(maxDepth, inner.depth);
        cost += inner.cost;
      }
    }
    return { depth: maxDepth, cost };
  };
  return walk(operation.selectionSet, 0, new Set());
}

/** Errors to return instead of executing, or an empty list. */
export function checkLimits(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | null | undefined, limits: Limits): GraphQLError[] {
  const { depth, cost } = measureOperation(document, operationName, variables ?? {});
  if (depth > limits.maxDepth) {
    const params = { depth, max: limits.maxDepth };
    return [new GraphQLError(errorMessage(ErrorCode.QUERY_TOO_DEEP, params), { extensions: { code: ErrorCode.QUERY_TOO_DEEP, messageEn: errorMessage(ErrorCode.QUERY_TOO_DEEP, params, 'en') } })];
  }
  if (cost > limits.maxCost) {
    const params = { cost, max: limits.maxCost };
    return [new GraphQLError(errorMessage(ErrorCode.QUERY_TOO_COSTLY, params), { extensions: { code: ErrorCode.QUERY_TOO_COSTLY, messageEn: errorMessage(ErrorCode.QUERY_TOO_COSTLY, params, 'en') } })];
  }
  return [];
}
