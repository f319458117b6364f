import { Brackets } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { LIKE_ESCAPE, likeContains, pageOf } from '../../common/listing';
import { PageInput, Paginated } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { isUniqueViolation } from '../../db/transaction';
import { checkExpert } from '../../domain/directory-rules';
import { requirePermission, RequestContext } from '../../graphql/context';
import { assertOwnDepartment } from '../org/org.policy';
import { ExpertFilter, ExpertInput } from './directory.inputs';
import { assertReadable, listingDepartments } from './directory-scope';
import { Expert } from './expert.entity';
import { insertVersioned, loadForWrite, rejectProblems, updateVersioned } from './record-writer';

export const EXPERT_FIELDS = ['name', 'organisation', 'specialty', 'phone', 'active'] as const;

function checked(input: ExpertInput) {
  const result = checkExpert(input);
  if (!result.ok) rejectProblems(result.problems);
  return result.value;
}

function duplicate(error: unknown, key: string): never {
  if (isUniqueViolation(error)) throw new DomainError(ErrorCode.CONFLICT, { reason: `专家“${key}”已在专家库中 (expert already listed)` });
  throw error;
}

export async function createExpert(ctx: RequestContext, input: ExpertInput): Promise<Expert> {
  const actor = requirePermission(ctx, Permission.EDIT_DIRECTORIES);
  const value = checked(input);
  try {
    return await ctx.transaction((em) => insertVersioned(em, Expert, { ...value, active: true, departmentId: actor.departmentId }, { entityType: 'EXPERT', userId: actor.userId, fields: EXPERT_FIELDS }));
  } catch (error) {
    duplicate(error, value.naturalKey);
  }
}

export async function updateExpert(ctx: RequestContext, id: number, expectedVersion: number, values: Partial<Expert>, action?: string): Promise<Expert> {
  const actor = requirePermission(ctx, Permission.EDIT_DIRECTORIES);
  try {
    return await ctx.transaction(async (em) => {
      const current = await loadForWrite(em, Expert, id, '专家');
      await assertReadable(ctx, current, '专家', id);
      assertOwnDepartment(actor, current.departmentId);
      return updateVersioned(em, Expert, current, expectedVersion, values, { entityType: 'EXPERT', userId: actor.userId, fields: [...EXPERT_FIELDS, 'naturalKey'], action });
    });
  } catch (error) {
    duplicate(error, String(values.naturalKey ?? id));
  }
}

export const reviseExpert = (ctx: RequestContext, id: number, expectedVersion: number, input: ExpertInput) => updateExpert(ctx, id, expectedVersion, checked(input));

export async function getExpert(ctx: RequestContext, id: number): Promise<Expert> {
  const expert = await ctx.ds.getRepository(Expert).findOneBy({ id });
  if (!expert) throw notFound('专家', id);
  await assertReadable(ctx, expert, '专家', id);
  return expert;
}

export async function expertQuery(ctx: RequestContext, filter: ExpertFilter = {}) {
  const departments = await listingDepartments(ctx, filter.departmentId);
  const qb = ctx.ds.getRepository(Expert).createQueryBuilder('e').where('e.departmentId IN (:...departments)', { departments: departments.length ? departments : [-1] });
  if (filter.search?.trim()) {
    const text = likeContains(filter.search.trim());
    qb.andWhere(new Brackets((w) => w.where(`e.name LIKE :text ${LIKE_ESCAPE}`, { text }).orWhere(`e.organisation LIKE :text ${LIKE_ESCAPE}`, { text }).orWhere(`e.specialty LIKE :text ${LIKE_ESCAPE}`, { text })));
  }
  if (filter.active != null) qb.andWhere('e.active = :active', { active: filter.active });
  return qb;
}

export async function listExperts(ctx: RequestContext, filter: ExpertFilter, page: PageInput): Promise<Paginated<Expert>> {
  return pageOf(await expertQuery(ctx, filter), page, 'name');
}
