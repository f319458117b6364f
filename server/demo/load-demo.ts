import type { ContextDeps } from '../graphql/context';

export async function loadDemoIfEmpty(_deps: ContextDeps): Promise<void> {}
