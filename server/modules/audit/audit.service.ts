import { EntityManager } from 'typeorm';
import { ChangeRecord, FieldChanges } from './change-record.entity';

/** Field-by-field differences between two plain records (only fields present in `after`). */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown>, fields: readonly string[]): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of fields) {
    const a = before ? before[field] : undefined;
    const b = after[field];
    if (b === undefined) continue;
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null)) changes[field] = [a ?? null, b ?? null];
  }
  return changes;
}

/** Writes the change in the caller's transaction, so history and data cannot disagree. */
export async function recordChange(
  em: EntityManager,
  change: { entityType: string; entityId: number; action: string; changes: FieldChanges; userId: number | null; importJobId?: number | null },
): Promise<void> {
  await em.getRepository(ChangeRecord).insert({ ...change, changes: change.changes as never, importJobId: change.importJobId ?? null, at: new Date() });
}
