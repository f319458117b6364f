import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts SQL statements issued while serving one request, so tests can prove that a page of N
 * records costs the same number of statements as a page of 1 (DataLoaders doing their job).
 */
const storage = new AsyncLocalStorage<{ count: number }>();

export function withStatementCounter<T>(fn: () => T): { result: T; counter: { count: number } } {
  const counter = { count: 0 };
  return { result: storage.run(counter, fn), counter };
}

export function countStatement(): void {
  const counter = storage.getStore();
  if (counter) counter.count++;
}
