import { Brackets } from 'typeorm';
import { DomainError, ErrorCode } from '../../common/errors';
import { LIKE_ESCAPE, likeContains, pageOf, regionPrefix } from '../../common/listing';
import { PageInput, Paginated } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { isUniqueViolation } from '../../db/transaction';
import { checkTarget, TargetFields } from '../../domain/directory-rules';
import { requirePermission, RequestContext } from '../../graphql/context';
import { assertOwnDepartment } from '../org/org.policy';
import { TargetFilter, TargetInput, TargetSort } from './directory.inputs';
import { listingDepartments, assertReadable } from './directory-scope';
import { insertVersioned, loadForWrite, rejectProblems, updateVersioned } from './record-writer';
import { Target } from './target.entity';

export const TARGET_FIELDS = [
  'creditCode', 'name', 'type', 'regionCode', 'address', 'status', 'riskLevel', 'creditClass', 'complaintCount', 'dishonest',
  'seriousViolation', 'specialDirectories', 'licences', 'legalRepresentative', 'phone',
] as const;

async function checked(ctx: RequestContext, input: TargetInput) {
  const region = await ctx.loaders.region.load(input.regionCode);
  const fields: TargetFields = { ...input, creditCode: input.creditCode ?? null, licences: input.licences.map((l) => ({ ...l, validTo: l.validTo ?? null })) };
  const result = checkTarget(fields, { regionExists: (code) => region?.code === code });
  if (!result.ok) rejectProblems(result.problems);
  return result.value;
}

function duplicate(error: unknown, key: string): never {
  if (isUniqueViolation(error)) throw new DomainError(ErrorCode.DUPLICATE_TARGET, { key });
  throw error;
}

export async function createTarget(ctx: RequestContext, input: TargetInput): Promise<Target> {
  const actor = requirePermission(ctx, Permission.EDIT_DIRECTORIES);
  const value = await checked(ctx, input);
  try {
    return await ctx.transaction((em) => insertVersioned(em, Target, { ...value, departmentId: actor.departmentId }, { entityType: 'TARGET', userId: actor.userId, fields: TARGET_FIELDS }));
  } catch (error) {
    duplicate(error, value.naturalKey);
  }
}

export async function updateTarget(ctx: RequestContext, id: number, expectedVersion: number, input: TargetInput): Promise<Target> {
  const actor = requirePermission(ctx, Permission.EDIT_DIRECTORIES);
  const value = await checked(ctx, input);
  try {
    return await ctx.transaction(async (em) => {
      const current = await loadForWrite(em, Target, id, '检查对象');
      await assertReadable(ctx, current, '检查对象', id);
      assertOwnDepartment(actor, current.departmentId);
      return updateVersioned(em, Target, current, expectedVersion, value, { entityType: 'TARGET', userId: actor.userId, fields: [...TARGET_FIELDS, 'naturalKey'] });
    });
  } catch (error) {
    duplicate(error, value.naturalKey);
  }
}

export async function getTarget(ctx: RequestContext, id: number): Promise<Target> {
  const target = await ctx.loaders.target.load(id);
  await assertReadable(ctx, target, '检查对象', id);
  return target!;
}

/** The query behind a filtered listing; shared by the paged list and the spreadsheet export. */
export async function targetQuery(ctx: RequestContext, filter: TargetFilter = {}) {
  const departments = await listingDepartments(ctx, filter.departmentId);
  const qb = ctx.ds.getRepository(Target).createQueryBuilder('t').where('t.departmentId IN (:...departments)', { departments: departments.length ? departments : [-1] });
  if (filter.search?.trim()) {
    const text = likeContains(filter.search.trim());
    qb.andWhere(new Brackets((w) => w.where(`t.name LIKE :text ${LIKE_ESCAPE}`, { text }).orWhere(`t.creditCode LIKE :text ${LIKE_ESCAPE}`, { text })));
  }
  if (filter.regionCode) qb.andWhere('t.regionCode LIKE :region', { region: `${regionPrefix(filter.regionCode)}%` });
  if (filter.types?.length) qb.andWhere('t.type IN (:...types)', { types: filter.types });
  if (filter.statuses?.length) qb.andWhere('t.status IN (:...statuses)', { statuses: filter.statuses });
  if (filter.riskLevels?.length) qb.andWhere('t.riskLevel IN (:...risks)', { risks: filter.riskLevels });
  if (filter.creditClasses?.length) qb.andWhere('t.creditClass IN (:...classes)', { classes: filter.creditClasses });
  if (filter.specialDirectory) qb.andWhere('t.specialDirectories LIKE :dir', { dir: `%,${filter.specialDirectory},%` });
  if (filter.dishonest != null) qb.andWhere('t.dishonest = :dishonest', { dishonest: filter.dishonest });
  if (filter.seriousViolation != null) qb.andWhere('t.seriousViolation = :serious', { serious: filter.seriousViolation });
  if (filter.minComplaints != null) qb.andWhere('t.complaintCount >= :minComplaints', { minComplaints: filter.minComplaints });
  return qb;
}

export async function listTargets(ctx: RequestContext, filter: TargetFilter, page: PageInput, sort: TargetSort): Promise<Paginated<Target>> {
  return pageOf(await targetQuery(ctx, filter), page, sort);
}
