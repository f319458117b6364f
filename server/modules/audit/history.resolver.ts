import { Arg, Ctx, Field, FieldResolver, ID, ObjectType, Query, registerEnumType, Resolver, Root } from 'type-graphql';
import { notFound } from '../../common/errors';
import type { RequestContext } from '../../graphql/context';
import { getItem } from '../catalog/catalog.service';
import { getExpert } from '../directory/expert.service';
import { getInspector } from '../directory/inspector.service';
import { getTarget } from '../directory/target.service';
import { ChangeRecord } from './change-record.entity';
import { ImportJob } from '../imports/import-job.entity';

export enum HistoryEntity { TARGET = 'TARGET', INSPECTOR = 'INSPECTOR', EXPERT = 'EXPERT', INSPECTION_ITEM = 'INSPECTION_ITEM' }
registerEnumType(HistoryEntity, { name: 'HistoryEntity' });

@ObjectType({ description: 'One field of a change: the values before and after, as JSON' })
class FieldChange {
  @Field() field: string;
  @Field(() => String, { nullable: true }) before: string | null;
  @Field(() => String, { nullable: true }) after: string | null;
}

/** Reading a record's history needs the right to read the record. */
const readers: Record<HistoryEntity, (ctx: RequestContext, id: number) => Promise<unknown>> = {
  TARGET: getTarget, INSPECTOR: getInspector, EXPERT: getExpert, INSPECTION_ITEM: getItem,
};

@Resolver(() => ChangeRecord)
export class HistoryResolver {
  @Query(() => [ChangeRecord], { description: 'Who changed what and when, oldest first' })
  async history(@Ctx() ctx: RequestContext, @Arg('entity', () => HistoryEntity) entity: HistoryEntity, @Arg('id', () => ID) id: string): Promise<ChangeRecord[]> {
    if (!ctx.actor) throw notFound('记录', id);
    const record = (await readers[entity](ctx, Number(id))) as { createdAt?: Date; createdByImportJobId?: number | null };
    const changes = await ctx.ds.getRepository(ChangeRecord).find({ where: { entityType: entity, entityId: Number(id) }, order: { id: 'ASC' } });
    if (!record.createdByImportJobId) return changes;
    // Rows created by an import have no CREATE entry of their own (a million of them would double
    // the import's writes): their first entry is the import itself.
    const job = await ctx.ds.getRepository(ImportJob).findOneBy({ id: record.createdByImportJobId });
    const created = Object.assign(new ChangeRecord(), {
      id: 0, entityType: entity, entityId: Number(id), action: 'CREATE', changes: {}, userId: job?.userId ?? null, importJobId: record.createdByImportJobId, at: record.createdAt,
    });
    return [created, ...changes];
  }

  @FieldResolver(() => [FieldChange])
  changes(@Root() record: ChangeRecord): FieldChange[] {
    return Object.entries(record.changes ?? {}).map(([field, [before, after]]) => ({
      field,
      before: before === null || before === undefined ? null : JSON.stringify(before),
      after: after === null || after === undefined ? null : JSON.stringify(after),
    }));
  }

  @FieldResolver(() => String, { nullable: true, description: 'Display name of the person who made the change' })
  async changedBy(@Root() record: ChangeRecord, @Ctx() ctx: RequestContext) {
    return record.userId ? (await ctx.loaders.user.load(record.userId))?.displayName ?? null : null;
  }
}
