import { EntityTarget, In } from 'typeorm';
import { ErrorCode } from '../../../common/errors';
import { bulkInsert, bulkUpsert } from '../../../db/bulk';
import { diffFields } from '../../audit/audit.service';
import { ChangeRecord } from '../../audit/change-record.entity';
import type { ValidRow, WriteContext, WriteOutcome } from './kind-spec';

interface DirectoryRecord {
  id: number; departmentId: number; version: number; createdAt: Date; updatedAt: Date; createdByImportJobId: number | null;
}

/**
 * Writes one chunk of validated rows of a directory (targets, inspectors, experts): new keys are
 * inserted, changed records updated with a history entry each, unchanged ones left alone — so
 * importing the same file twice changes nothing. Three statements per chunk whatever its size.
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
  const defaults = spec.newRecordDefaults ?? {};
  const insertColumns = [...stored, ...Object.keys(defaults), 'departmentId', 'version', 'createdAt', 'updatedAt', 'createdByImportJobId'] as (keyof E & string)[];
  const updateColumns = [...stored, 'version', 'updatedAt'] as (keyof E & string)[];
  const historyColumns = ['entityType', 'entityId', 'action', 'changes', 'userId', 'importJobId', 'at'] as const;

  /** The stored records with these keys. A light key-only query first: in a first import nothing exists. */
  async function existingRecords(ctx: WriteContext, keys: string[]): Promise<Map<string, E>> {
    const repo = ctx.em.getRepository(spec.entity);
    const scope = spec.keyPerDepartment ? { departmentId: ctx.departmentId } : {};
    const found = await repo.find({ select: { id: true } as never, where: { [spec.keyProperty]: In(keys), ...scope } as never });
    if (!found.length) return new Map();
    const records = await repo.find({ where: { id: In(found.map((r) => r.id)) } as never });
    return new Map(records.map((e) => [String(e[spec.keyProperty]), e]));
  }

  return async function write(ctx: WriteContext, rows: ValidRow<V>[]): Promise<WriteOutcome> {
    const outcome: WriteOutcome = { created: 0, updated: 0, unchanged: 0, rejected: [] };
    const existing = await existingRecords(ctx, rows.map((r) => String(r.value[spec.keyProperty])));
    const now = new Date();
    const inserts: E[] = [], updates: E[] = [], history: Partial<ChangeRecord>[] = [];
    for (const row of rows) {
      const current = existing.get(String(row.value[spec.keyProperty]));
      if (!current) {
        inserts.push({ ...defaults, ...row.value, departmentId: ctx.departmentId, version: 1, createdAt: now, updatedAt: now, createdByImportJobId: ctx.jobId } as unknown as E);
        continue;
      }
      if (current.departmentId !== ctx.departmentId) {
        outcome.rejected.push({ rowNumber: row.rowNumber, field: spec.keyProperty, code: spec.duplicateElsewhere, params: { number: String(row.value[spec.keyProperty]), key: String(row.value[spec.keyProperty]) } });
        continue;
      }
      const changes = diffFields(current as unknown as Record<string, unknown>, row.value as Record<string, unknown>, spec.fields);
      if (!Object.keys(changes).length) { outcome.unchanged++; continue; }
      updates.push({ ...current, ...row.value, version: current.version + 1, updatedAt: now });
      history.push({ entityType: spec.entityType, entityId: current.id, action: 'UPDATE', changes, userId: ctx.userId, importJobId: ctx.jobId, at: now });
    }
    await bulkInsert(ctx.em, spec.entity, insertColumns, inserts);
    // Every column goes in the INSERT part: MySQL checks NOT NULL columns before it finds the duplicate.
    await bulkUpsert(ctx.em, spec.entity, ['id', ...insertColumns] as (keyof E & string)[], ['id'] as (keyof E & string)[], updateColumns, updates);
    await bulkInsert(ctx.em, ChangeRecord, historyColumns as unknown as (keyof ChangeRecord & string)[], history as ChangeRecord[]);
    outcome.created = inserts.length;
    outcome.updated = updates.length;
    return outcome;
  };
}
