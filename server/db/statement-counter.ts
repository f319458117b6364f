import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts SQL statements issued while serving one request, so tests can prove that a page of N
 * records costs the same number of statements as a page of 1 (DataLoaders doing their job).
 * Off unless the hub is started with `reportStatementCounts` (tests only).
 */
const storage = new AsyncLocalStorage<{ count: number }>();

export function runCounted<T>(fn: () => T): T {
  return storage.run({ count: 0 }, fn);
}

export function countStatement(): void {
  const counter = storage.getStore();
  if (counter) counter.count++;
}

export function statementsSoFar(): number | undefined {
  return storage.getStore()?.count;
}
