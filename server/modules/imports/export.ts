import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/errors';
import { Permission } from '../../common/permissions';
import { requirePermission, RequestContext } from '../../graphql/context';
import { InspectionItemVersion } from '../catalog/inspection-item.entity';
import { expertQuery } from '../directory/expert.service';
import { inspectorQuery } from '../directory/inspector.service';
import { targetQuery } from '../directory/target.service';
import { InspectionItem } from '../catalog/inspection-item.entity';
import { ImportKind } from './import-job.entity';

const PAGE = 5000;

/** Walks a query in id order, a page at a time, so an export of a million rows never holds them all. */
async function* byId<T extends ObjectLiteral & { id: number }>(query: SelectQueryBuilder<T>): AsyncGenerator<T[]> {
  let after = 0;
  for (;;) {
    const page = await query.clone().andWhere(`${query.alias}.id > :after`, { after }).orderBy(`${query.alias}.id`, 'ASC').take(PAGE).getMany();
    if (!page.length) return;
    yield page;
    after = page[page.length - 1].id;
  }
}

async function* catalogRows(ctx: RequestContext, filter: { departmentId?: string | null }) {
  requirePermission(ctx, Permission.READ_DIRECTORIES);
  const visible = await ctx.visibleDepartmentIds();
  const departments = filter.departmentId ? visible.filter((d) => d === Number(filter.departmentId)) : visible;
  const qb = ctx.ds.getRepository(InspectionItem).createQueryBuilder('item').where('item.departmentId IN (:...departments)', { departments: departments.length ? departments : [-1] });
  for await (const items of byId(qb)) {
    const versions = await ctx.ds.getRepository(InspectionItemVersion).find({ where: items.map((i) => ({ itemId: i.id, version: i.currentVersion })) });
    const byItem = new Map(versions.map((v) => [v.itemId, v]));
    yield items.map((item) => ({ ...byItem.get(item.id)!, code: item.code }));
  }
}

/** The records a listing with these filters shows, for the spreadsheet export (same scope rules as the listing). */
export async function* exportRecords(ctx: RequestContext, kind: ImportKind, filter: Record<string, unknown>): AsyncGenerator<object[]> {
  switch (kind) {
    case ImportKind.TARGETS: yield* byId(await targetQuery(ctx, filter)); return;
    case ImportKind.INSPECTORS: yield* byId(await inspectorQuery(ctx, filter)); return;
    case ImportKind.EXPERTS: yield* byId(await expertQuery(ctx, filter)); return;
    case ImportKind.CATALOG_ITEMS: yield* catalogRows(ctx, filter); return;
    default: throw new DomainError(ErrorCode.NOT_FOUND, { what: '导出类型', id: String(kind) });
  }
}
