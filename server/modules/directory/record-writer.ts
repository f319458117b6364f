import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { FieldProblem } from '../../domain/field-problem';
import { diffFields, recordChange } from '../audit/audit.service';

/**
 * Writes of versioned directory records with their history, in the caller's transaction.
 * Every record has `id`, `version`, `createdAt`, `updatedAt`; an update names the version it was
 * based on, and loses (STALE_VERSION) if someone else saved in between: nothing typed is silently overwritten.
 */
export function rejectProblems(problems: FieldProblem[]): never {
  const [first] = problems;
  throw new DomainError(first.code, first.params, { problems });
}

interface Versioned extends ObjectLiteral { id: number; version: number; createdAt: Date; updatedAt: Date }

export async function insertVersioned<E extends Versioned>(
  em: EntityManager, entity: EntityTarget<E>, values: Omit<E, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'createdByImportJobId'>,
  audit: { entityType: string; userId: number; fields: readonly string[] },
): Promise<E> {
  const now = new Date();
  const record = em.getRepository(entity).create({ ...values, version: 1, createdAt: now, updatedAt: now, createdByImportJobId: null } as never) as unknown as E;
  await em.getRepository(entity).insert(record as never);
  await recordChange(em, { entityType: audit.entityType, entityId: record.id, action: 'CREATE', changes: diffFields(null, record, audit.fields), userId: audit.userId });
  return record;
}

export async function updateVersioned<E extends Versioned>(
  em: EntityManager, entity: EntityTarget<E>, current: E, expectedVersion: number | null | undefined, values: Partial<E>,
  audit: { entityType: string; userId: number; fields: readonly string[]; action?: string },
): Promise<E> {
  if (expectedVersion != null && expectedVersion !== current.version) throw new DomainError(ErrorCode.STALE_VERSION, {}, { currentVersion: current.version });
  const changes = diffFields(current, values as Record<string, unknown>, audit.fields);
  if (!Object.keys(changes).length) return current;
  const updatedAt = new Date();
  const result = await em.getRepository(entity).createQueryBuilder().update()
    .set({ ...values, version: current.version + 1, updatedAt } as never)
    .where('id = :id AND version = :version', { id: current.id, version: current.version })
    .execute();
  if (!result.affected) throw new DomainError(ErrorCode.STALE_VERSION);
  await recordChange(em, { entityType: audit.entityType, entityId: current.id, action: audit.action ?? 'UPDATE', changes, userId: audit.userId });
  return { ...current, ...values, version: current.version + 1, updatedAt };
}

/** Loads a record for writing inside the transaction. */
export async function loadForWrite<E extends Versioned>(em: EntityManager, entity: EntityTarget<E>, id: number, what: string): Promise<E> {
  const record = await em.getRepository(entity).findOneBy({ id } as never);
  if (!record) throw notFound(what, id);
  return record;
}
