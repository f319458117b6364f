import { EntityTarget, In } from 'typeorm';
import { ErrorCode } from '../../../common/errors';
import { PreparedWrite, prepareInsert, prepareUpsert } from '../../../db/bulk';
import { diffFields } from '../../audit/audit.service';
import { ChangeRecord } from '../../audit/change-record.entity';
import type { ValidRow, WriteContext, WriteOutcome } from './kind-spec';

interface DirectoryRecord {
  id: number; departmentId: number; version: number; createdAt: Date; updatedAt: Date; createdByImportJobId: number | null;
}

/**
 * Writes one chunk of validated rows of a directory (targets, inspectors, experts): new keys are
 * inserted, changed records updated with a history entry each, unchanged ones left alone — so
 * importing the same file twice changes nothing. A handful of statements per chunk whatever its size.
 *
 * Relies on the keys of one import being distinct (run-import reports a repeated key as a bad row),
 * so a chunk never meets a record an earlier chunk of the same import inserted.
 */
export function directoryWriter<E extends DirectoryRecord, V extends object>(spec: {
  entity: EntityTarget<E>;
  entityType: string;
  keyProperty: keyof E & keyof V & string;
  /** True when the key is unique within a department; false when it is unique nationwide (certificate numbers). */
  keyPerDepartment: boolean;
  fields: readonly (keyof V & keyof E & string)[];
  duplicateElsewhere: ErrorCode;
  /** Columns a new record needs that the sheet does not carry (e.g. active). */
  newRecordDefaults?: Partial<E>;
}) {
  const stored = [...spec.fields, spec.keyProperty].filter((f, i, all) => all.indexOf(f) === i) as (keyof E & string)[];
  const defaults = Object.fromEntries(Object.entries(spec.newRecordDefaults ?? {}).filter(([column]) => !stored.includes(column as keyof E & string))) as Partial<E>;
  const insertColumns = [...stored, ...Object.keys(defaults), 'departmentId', 'version', 'createdAt', 'updatedAt', 'createdByImportJobId'] as (keyof E & string)[];
  const updateColumns = [...stored, 'version', 'updatedAt'] as (keyof E & string)[];
  /**
   * Per import (its WriteContext): whether the scope held no record when the import's first chunk
   * was written. Then no later chunk can match a stored record — the transaction reads from the
   * snapshot it took then, plus its own inserts, whose keys the file does not repeat — and the
   * per-chunk key lookup is skipped. A first import of a large directory is the common case.
   */
  const startedEmpty = new WeakMap<WriteContext, Promise<boolean>>();

  /** The stored records with these keys. A light key-only query first: most keys are usually new. */
  async function existingRecords(ctx: WriteContext, keys: string[]): Promise<Map<string, E>> {
    const repo = ctx.em.getRepository(spec.entity);
    const scope = spec.keyPerDepartment ? { departmentId: ctx.departmentId } : {};
    let empty = startedEmpty.get(ctx);
    if (!empty) {
      empty = repo.exists({ where: scope as never }).then((found) => !found);
      startedEmpty.set(ctx, empty);
    }
    if (await empty) return new Map();
    const found = await repo.find({ select: { id: true } as never, where: { [spec.keyProperty]: In(keys), ...scope } as never });
    if (!found.length) return new Map();
    const records = await repo.find({ where: { id: In(found.map((r) => r.id)) } as never });
    return new Map(records.map((e) => [String(e[spec.keyProperty]), e]));
  }

  /** Sorts a chunk into new, changed and unchanged rows and prepares the statements that store them. */
  async function prepare(ctx: WriteContext, rows: ValidRow<V>[], existing: Map<string, E>): Promise<{ outcome: WriteOutcome; writes: PreparedWrite[] }> {
    const outcome: WriteOutcome = { created: 0, updated: 0, unchanged: 0, rejected: [] };
    const now = new Date();
    const inserts: V[] = [], updates: E[] = [], history: Partial<ChangeRecord>[] = [];
    for (const row of rows) {
      const current = existing.get(String(row.value[spec.keyProperty]));
      if (!current) {
        inserts.push(row.value);
        continue;
      }
      if (current.departmentId !== ctx.departmentId) {
        outcome.rejected.push({ rowNumber: row.rowNumber, field: spec.keyProperty, code: spec.duplicateElsewhere, params: { number: String(row.value[spec.keyProperty]), key: String(row.value[spec.keyProperty]) } });
        continue;
      }
      const changes = diffFields(current as unknown as Record<string, unknown>, row.value as Record<string, unknown>, spec.fields);
      if (!Object.keys(changes).length) { outcome.unchanged++; continue; }
      updates.push({ ...current, ...row.value, version: current.version + 1, updatedAt: now });
      history.push({ entityId: current.id, changes });
    }
    outcome.created = inserts.length;
    outcome.updated = updates.length;
    const writes = [
      await prepareInsert(ctx.em, spec.entity, stored, inserts as Partial<E>[], {
        ...defaults, departmentId: ctx.departmentId, version: 1, createdAt: now, updatedAt: now, createdByImportJobId: ctx.jobId,
      } as Partial<E>),
      // Every column goes in the INSERT part: MySQL checks NOT NULL columns before it finds the duplicate.
      prepareUpsert(ctx.em, spec.entity, ['id', ...insertColumns] as (keyof E & string)[], ['id'] as (keyof E & string)[], updateColumns, updates),
      await prepareInsert(ctx.em, ChangeRecord, ['entityId', 'changes'], history, {
        entityType: spec.entityType, action: 'UPDATE', userId: ctx.userId, importJobId: ctx.jobId, at: now,
      }),
    ];
    return { outcome, writes };
  }

  async function run({ outcome, writes }: { outcome: WriteOutcome; writes: PreparedWrite[] }): Promise<WriteOutcome> {
    for (const write of writes) await write();
    return outcome;
  }

  return async function write(ctx: WriteContext, rows: ValidRow<V>[]): Promise<WriteOutcome> {
    const existing = await existingRecords(ctx, rows.map((r) => String(r.value[spec.keyProperty])));
    // Returned without awaiting, so that while the database works nothing here holds the rows.
    return run(await prepare(ctx, rows, existing));
  };
}
