import { Brackets } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/errors';
import { LIKE_ESCAPE, likeContains, pageOf, regionPrefix } from '../../common/listing';
import { PageInput, Paginated } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { isUniqueViolation } from '../../db/transaction';
import { isCalendarDate } from '../../domain/calendar-date';
import { checkInspector } from '../../domain/directory-rules';
import { requirePermission, RequestContext } from '../../graphql/context';
import { assertOwnDepartment } from '../org/org.policy';
import { InspectorFilter, InspectorInput, InspectorSort } from './directory.inputs';
import { assertReadable, listingDepartments } from './directory-scope';
import { Inspector } from './inspector.entity';
import { insertVersioned, loadForWrite, rejectProblems, updateVersioned } from './record-writer';

export const INSPECTOR_FIELDS = ['name', 'certificateNumber', 'certificateValidFrom', 'certificateValidTo', 'specialties', 'regionCode', 'phone', 'active'] as const;

async function checked(ctx: RequestContext, input: InspectorInput) {
  const region = await ctx.loaders.region.load(input.regionCode);
  const categories = await ctx.loaders.category.loadMany(input.specialties);
  const known = new Set(categories.flatMap((c) => (c && !(c instanceof Error) ? [c.code] : [])));
  const result = checkInspector(input, { regionExists: (code) => region?.code === code, categoryExists: (code) => known.has(code) });
  if (!result.ok) rejectProblems(result.problems);
  return result.value;
}

function duplicate(error: unknown, number: string): never {
  if (isUniqueViolation(error)) throw new DomainError(ErrorCode.DUPLICATE_CERTIFICATE, { number });
  throw error;
}

export async function createInspector(ctx: RequestContext, input: InspectorInput): Promise<Inspector> {
  const actor = requirePermission(ctx, Permission.EDIT_DIRECTORIES);
  const value = await checked(ctx, input);
  try {
    return await ctx.transaction((em) => insertVersioned(em, Inspector, { ...value, active: true, departmentId: actor.departmentId, userId: null }, { entityType: 'INSPECTOR', userId: actor.userId, fields: INSPECTOR_FIELDS }));
  } catch (error) {
    duplicate(error, value.certificateNumber);
  }
}

async function change(ctx: RequestContext, id: number, expectedVersion: number, values: Partial<Inspector>, action?: string): Promise<Inspector> {
  const actor = requirePermission(ctx, Permission.EDIT_DIRECTORIES);
  return ctx.transaction(async (em) => {
    const current = await loadForWrite(em, Inspector, id, '执法检查人员');
    await assertReadable(ctx, current, '执法检查人员', id);
    assertOwnDepartment(actor, current.departmentId);
    return updateVersioned(em, Inspector, current, expectedVersion, values, { entityType: 'INSPECTOR', userId: actor.userId, fields: INSPECTOR_FIELDS, action });
  });
}

export async function updateInspector(ctx: RequestContext, id: number, expectedVersion: number, input: InspectorInput): Promise<Inspector> {
  const value = await checked(ctx, input);
  try {
    return await change(ctx, id, expectedVersion, value);
  } catch (error) {
    duplicate(error, value.certificateNumber);
  }
}

/** Inspectors are deactivated, never deleted: draws and teams of the past refer to them. */
export function setInspectorActive(ctx: RequestContext, id: number, expectedVersion: number, active: boolean) {
  return change(ctx, id, expectedVersion, { active }, active ? 'REACTIVATE' : 'DEACTIVATE');
}

export async function getInspector(ctx: RequestContext, id: number): Promise<Inspector> {
  const inspector = await ctx.loaders.inspector.load(id);
  await assertReadable(ctx, inspector, '执法检查人员', id);
  return inspector!;
}

export async function inspectorQuery(ctx: RequestContext, filter: InspectorFilter = {}) {
  const departments = await listingDepartments(ctx, filter.departmentId);
  const qb = ctx.ds.getRepository(Inspector).createQueryBuilder('i').where('i.departmentId IN (:...departments)', { departments: departments.length ? departments : [-1] });
  if (filter.search?.trim()) {
    const text = likeContains(filter.search.trim());
    qb.andWhere(new Brackets((w) => w.where(`i.name LIKE :text ${LIKE_ESCAPE}`, { text }).orWhere(`i.certificateNumber LIKE :text ${LIKE_ESCAPE}`, { text })));
  }
  if (filter.regionCode) qb.andWhere('i.regionCode LIKE :region', { region: `${regionPrefix(filter.regionCode)}%` });
  if (filter.active != null) qb.andWhere('i.active = :active', { active: filter.active });
  if (filter.certificateValidOn) {
    if (!isCalendarDate(filter.certificateValidOn)) throw new DomainError(ErrorCode.INVALID_DATE, { value: filter.certificateValidOn });
    qb.andWhere('i.certificateValidFrom <= :day AND i.certificateValidTo >= :day', { day: filter.certificateValidOn });
  }
  if (filter.specialty) qb.andWhere('i.specialties LIKE :specialty', { specialty: `%,${filter.specialty},%` });
  return qb;
}

export async function listInspectors(ctx: RequestContext, filter: InspectorFilter, page: PageInput, sort: InspectorSort): Promise<Paginated<Inspector>> {
  return pageOf(await inspectorQuery(ctx, filter), page, sort);
}
