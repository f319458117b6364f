import { Brackets, EntityManager } from 'typeorm';
import { DomainError, ErrorCode, notFound } from '../../common/errors';
import { LIKE_ESCAPE, likeContains, pageOf } from '../../common/listing';
import { PageInput, Paginated } from '../../common/pagination';
import { Permission } from '../../common/permissions';
import { isUniqueViolation } from '../../db/transaction';
import { checkItem, ItemFields } from '../../domain/catalog-rules';
import { requirePermission, RequestContext } from '../../graphql/context';
import { diffFields, recordChange } from '../audit/audit.service';
import { rejectProblems } from '../directory/record-writer';
import { assertOwnDepartment } from '../org/org.policy';
import { CheckFormInput, InspectionItemFilter, InspectionItemInput, ItemCategoryInput } from './catalog.inputs';
import { CheckForm, InspectionItem, InspectionItemVersion } from './inspection-item.entity';
import { ItemCategory } from './item-category.entity';

export const ITEM_FIELDS = ['name', 'categoryCode', 'kind', 'targetTypes', 'checkContent', 'methods', 'ratioMinPercent', 'ratioMaxPercent',
  'frequencyPerYear', 'responsibleUnit', 'level', 'legalBasis'] as const;

async function checked(ctx: RequestContext, input: InspectionItemInput): Promise<ItemFields> {
  const category = await ctx.loaders.category.load(input.categoryCode);
  const result = checkItem({ ...input, ratioMinPercent: input.ratioMinPercent ?? null, ratioMaxPercent: input.ratioMaxPercent ?? null }, { categoryExists: (code) => category?.code === code });
  if (!result.ok) rejectProblems(result.problems);
  return result.value;
}

async function insertVersion(em: EntityManager, itemId: number, version: number, fields: ItemFields, forms: CheckFormInput[], userId: number) {
  const { code: _code, ...content } = fields;
  const row = em.getRepository(InspectionItemVersion).create({ ...content, itemId, version, createdAt: new Date(), createdById: userId });
  await em.getRepository(InspectionItemVersion).insert(row);
  if (forms.length) {
    await em.getRepository(CheckForm).insert(forms.map((form, position) => ({ itemVersionId: row.id, name: form.name, checkPoints: form.checkPoints as never, position })));
  }
  return row;
}

export async function createItem(ctx: RequestContext, input: InspectionItemInput): Promise<InspectionItem> {
  const actor = requirePermission(ctx, Permission.EDIT_CATALOG);
  const fields = await checked(ctx, input);
  try {
    return await ctx.transaction(async (em) => {
      const item = em.getRepository(InspectionItem).create({ departmentId: actor.departmentId, code: fields.code, currentVersion: 1, active: true, updatedAt: new Date() });
      await em.getRepository(InspectionItem).insert(item);
      await insertVersion(em, item.id, 1, fields, input.checkForms, actor.userId);
      await recordChange(em, { entityType: 'INSPECTION_ITEM', entityId: item.id, action: 'CREATE', changes: diffFields(null, { ...fields }, ['code', ...ITEM_FIELDS]), userId: actor.userId });
      return item;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(ErrorCode.DUPLICATE_ITEM_CODE, { code: fields.code });
    throw error;
  }
}

/**
 * A change to an item makes a new version; earlier versions stay readable because tasks and results
 * refer to the version they used. The code is the item's identity and cannot change.
 */
export async function reviseItem(ctx: RequestContext, id: number, expectedVersion: number, input: InspectionItemInput): Promise<InspectionItem> {
  const actor = requirePermission(ctx, Permission.EDIT_CATALOG);
  const fields = await checked(ctx, input);
  return ctx.transaction(async (em) => {
    const item = await em.getRepository(InspectionItem).findOneBy({ id });
    if (!item || !(await ctx.visibleDepartmentIds()).includes(item.departmentId)) throw notFound('抽查事项', id);
    assertOwnDepartment(actor, item.departmentId);
    if (fields.code !== item.code) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: `事项编码不能修改（原为 ${item.code}） (the item code cannot change)` });
    if (item.currentVersion !== expectedVersion) throw new DomainError(ErrorCode.STALE_VERSION, {}, { currentVersion: item.currentVersion });
    const previous = await em.getRepository(InspectionItemVersion).findOneByOrFail({ itemId: id, version: item.currentVersion });
    const next = item.currentVersion + 1;
    const updated = await em.getRepository(InspectionItem).createQueryBuilder().update().set({ currentVersion: next, updatedAt: new Date() })
      .where('id = :id AND currentVersion = :current', { id, current: item.currentVersion }).execute();
    if (!updated.affected) throw new DomainError(ErrorCode.STALE_VERSION);
    await insertVersion(em, id, next, fields, input.checkForms, actor.userId);
    await recordChange(em, { entityType: 'INSPECTION_ITEM', entityId: id, action: 'NEW_VERSION', changes: { ...diffFields({ ...previous }, { ...fields }, ITEM_FIELDS), version: [item.currentVersion, next] }, userId: actor.userId });
    return { ...item, currentVersion: next };
  });
}

export async function setItemActive(ctx: RequestContext, id: number, active: boolean): Promise<InspectionItem> {
  const actor = requirePermission(ctx, Permission.EDIT_CATALOG);
  return ctx.transaction(async (em) => {
    const item = await em.getRepository(InspectionItem).findOneBy({ id });
    if (!item || !(await ctx.visibleDepartmentIds()).includes(item.departmentId)) throw notFound('抽查事项', id);
    assertOwnDepartment(actor, item.departmentId);
    if (item.active === active) return item;
    await em.getRepository(InspectionItem).update({ id }, { active, updatedAt: new Date() });
    await recordChange(em, { entityType: 'INSPECTION_ITEM', entityId: id, action: active ? 'REACTIVATE' : 'DEACTIVATE', changes: { active: [item.active, active] }, userId: actor.userId });
    return { ...item, active };
  });
}

/**
 * The catalog is public (抽查事项清单 are published by law): without a login, one department's active
 * items can be read; with one, every item of the departments in scope.
 */
export async function listItems(ctx: RequestContext, filter: InspectionItemFilter, page: PageInput): Promise<Paginated<InspectionItem>> {
  let departments: number[];
  const qb = ctx.ds.getRepository(InspectionItem).createQueryBuilder('item');
  if (!ctx.actor) {
    if (!filter.departmentId) throw new DomainError(ErrorCode.VALIDATION_FAILED, { reason: '未登录时请指定部门 (name a department to read its public catalog)' });
    departments = [Number(filter.departmentId)];
    qb.andWhere('item.active = :active', { active: true });
  } else {
    const visible = await ctx.visibleDepartmentIds();
    departments = filter.departmentId ? visible.filter((d) => d === Number(filter.departmentId)) : visible;
    if (filter.departmentId && !departments.length) throw notFound('部门', filter.departmentId);
    if (filter.active != null) qb.andWhere('item.active = :active', { active: filter.active });
  }
  qb.andWhere('item.departmentId IN (:...departments)', { departments: departments.length ? departments : [-1] });
  const needsVersion = filter.search?.trim() || filter.categoryCode || filter.kind;
  if (needsVersion) {
    qb.innerJoin(InspectionItemVersion, 'v', 'v.itemId = item.id AND v.version = item.currentVersion');
    if (filter.search?.trim()) {
      const text = likeContains(filter.search.trim());
      qb.andWhere(new Brackets((w) => w.where(`item.code LIKE :text ${LIKE_ESCAPE}`, { text }).orWhere(`v.name LIKE :text ${LIKE_ESCAPE}`, { text })));
    }
    if (filter.categoryCode) qb.andWhere('v.categoryCode = :category', { category: filter.categoryCode });
    if (filter.kind) qb.andWhere('v.kind = :kind', { kind: filter.kind });
  }
  return pageOf(qb, page, 'code');
}

export async function getItem(ctx: RequestContext, id: number): Promise<InspectionItem> {
  const item = await ctx.ds.getRepository(InspectionItem).findOneBy({ id });
  const visible = ctx.actor ? (await ctx.visibleDepartmentIds()).includes(item?.departmentId ?? -1) : item?.active;
  if (!item || !visible) throw notFound('抽查事项', id);
  return item;
}

export async function createCategory(ctx: RequestContext, input: ItemCategoryInput): Promise<ItemCategory> {
  requirePermission(ctx, Permission.EDIT_CATALOG);
  try {
    return await ctx.transaction(async (em) => {
      const category = em.getRepository(ItemCategory).create({ ...input, builtIn: false });
      await em.getRepository(ItemCategory).insert(category);
      return category;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError(ErrorCode.CONFLICT, { reason: `类别 ${input.code} 已存在 (category exists)` });
    throw error;
  }
}
